package io.qbank.common.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The contract's rules for a token whose signature, issuer, audience and expiry smallrye-jwt has verified: the claims
 * have exactly the types the contract gives them, read from the token's own JSON (smallrye-jwt turns a string
 * {@code groups} into a set of one and hands any {@code tenant} value out as text). Refused, with the reason:
 * <ul>
 * <li>a header {@code typ} other than {@code JWT} or {@code at+jwt} (RFC 9068), or none;</li>
 * <li>a {@code sub} that is not a UUID string;</li>
 * <li>a {@code tenant} that is not a non-blank string of at most 64 characters without control characters;</li>
 * <li>a {@code groups} that is not an array of strings;</li>
 * <li>an {@code iat} that is missing, not a number, or later than now plus the clock skew;</li>
 * <li>a lifetime ({@code exp - iat}) longer than the maximum.</li>
 * </ul>
 */
public final class TokenClaims {

    public static final String TENANT = "tenant";
    static final int MAX_TENANT_LENGTH = 64;
    private static final Set<String> TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenClaims() {
    }

    /** The user the token speaks for; {@link IllegalArgumentException} with the reason when a rule is broken. */
    public static CurrentUser check(String rawToken, Instant now, Duration clockSkew, Duration maximumLifetime) {
        String[] parts = rawToken == null ? new String[0] : rawToken.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("the token is not a signed JWT");
        }
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isTextual() || !TYPES.contains(typ.asText().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the token's typ is not JWT or at+jwt");
        }
        UUID userId = userId(claims.get("sub"));
        String tenant = tenant(claims.get(TENANT));
        Set<String> roles = groups(claims.get("groups"));
        JsonNode iat = claims.get("iat");
        JsonNode exp = claims.get("exp");
        if (iat == null || !iat.isNumber() || exp == null || !exp.isNumber()) {
            throw new IllegalArgumentException("the token has no numeric iat and exp");
        }
        if (iat.asLong() > now.plus(clockSkew).getEpochSecond()) {
            throw new IllegalArgumentException("the token is issued in the future");
        }
        if (exp.asLong() - iat.asLong() > maximumLifetime.toSeconds()) {
            throw new IllegalArgumentException("the token lives longer than " + maximumLifetime.toSeconds() + " s");
        }
        return new CurrentUser(userId, tenant, roles);
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the token's header or claims are not a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the token's header or claims are not JSON");
        }
    }

    private static UUID userId(JsonNode sub) {
        try {
            if (sub != null && sub.isTextual()) {
                return UUID.fromString(sub.asText());
            }
        } catch (IllegalArgumentException e) {
            // the same refusal as for a missing one
        }
        throw new IllegalArgumentException("the token's sub claim is not a UUID");
    }

    private static String tenant(JsonNode claim) {
        if (claim == null || !claim.isTextual() || claim.asText().isBlank()) {
            throw new IllegalArgumentException("the token has no tenant claim that is a non-empty string");
        }
        String tenant = claim.asText();
        if (tenant.length() > MAX_TENANT_LENGTH) {
            throw new IllegalArgumentException("the tenant claim is longer than " + MAX_TENANT_LENGTH + " characters");
        }
        if (tenant.chars().anyMatch(Character::isISOControl) || !tenant.equals(tenant.strip())) {
            throw new IllegalArgumentException("the tenant claim has control characters or surrounding spaces");
        }
        return tenant;
    }

    private static Set<String> groups(JsonNode claim) {
        if (claim == null || !claim.isArray()) {
            throw new IllegalArgumentException("the token's groups claim is not an array");
        }
        Set<String> roles = new HashSet<>();
        for (JsonNode role : claim) {
            if (!role.isTextual()) {
                throw new IllegalArgumentException("the token's groups claim holds a value that is not a string");
            }
            roles.add(role.asText());
        }
        return Set.copyOf(roles);
    }
}
