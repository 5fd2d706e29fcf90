package io.qbank.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration DAY = Duration.ofHours(24);
    private final UUID user = UUID.randomUUID();

    /** An unsigned token: the rules read its JSON, the signature is smallrye-jwt's business. */
    private static String token(String header, String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    private String claims(String sub, String tenant, String groups, long iat, long exp) {
        return """
                {"sub":%s,"tenant":%s,"groups":%s,"iat":%d,"exp":%d}""".formatted(sub, tenant, groups, iat, exp);
    }

    private String good(String tenant, String groups) {
        return claims("\"" + user + "\"", tenant, groups, NOW.getEpochSecond(), NOW.getEpochSecond() + 300);
    }

    private CurrentUser check(String header, String claims) {
        return TokenClaims.check(token(header, claims), NOW, SKEW, DAY);
    }

    private static final String JWT = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    @Test
    void aWellFormedTokenGivesTheCurrentUser() {
        CurrentUser current = check(JWT, good("\"acme\"", "[\"student\",\"author\"]"));
        assertThat(current.userId()).isEqualTo(user);
        assertThat(current.tenantId()).isEqualTo("acme");
        assertThat(current.hasRole(Roles.STUDENT)).isTrue();
        assertThat(current.hasRole(Roles.AUTHOR)).isTrue();
        assertThat(current.isAdmin()).isFalse();
        assertThat(check("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", good("\"acme\"", "[]")).roles()).isEmpty();
        assertThat(check("{\"alg\":\"RS256\",\"typ\":\"application/at+JWT\"}", good("\"acme\"", "[]")).tenantId()).isEqualTo("acme");
    }

    @Test
    void theTenantMustBeANonBlankStringOfAtMost64PlainCharacters() {
        for (String tenant : new String[] { "12345", "12.5", "[\"acme\"]", "[]", "{}", "true", "null", "\"\"", "\"   \"", "\" acme\"",
                "\"ac\\u0000me\"", "\"ac\\nme\"", "\"" + "x".repeat(65) + "\"" }) {
            assertThatThrownBy(() -> check(JWT, good(tenant, "[\"student\"]"))).as(tenant).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tenant");
        }
        assertThat(check(JWT, good("\"" + "x".repeat(64) + "\"", "[]")).tenantId()).hasSize(64);
        assertThatThrownBy(() -> check(JWT, "{\"sub\":\"" + user + "\",\"groups\":[],\"iat\":1,\"exp\":2}")).hasMessageContaining("tenant");
    }

    @Test
    void groupsMustBeAnArrayOfStrings() {
        for (String groups : new String[] { "\"student\"", "null", "{\"student\":true}", "[\"student\",1]", "[[\"student\"]]" }) {
            assertThatThrownBy(() -> check(JWT, good("\"acme\"", groups))).as(groups).hasMessageContaining("groups");
        }
        assertThatThrownBy(() -> check(JWT, "{\"sub\":\"" + user + "\",\"tenant\":\"acme\",\"iat\":1,\"exp\":2}"))
                .hasMessageContaining("groups");
    }

    @Test
    void theSubjectMustBeAUuidString() {
        for (String sub : new String[] { "\"alice\"", "42", "null", "[\"" + user + "\"]" }) {
            assertThatThrownBy(() -> check(JWT, claims(sub, "\"acme\"", "[]", NOW.getEpochSecond(), NOW.getEpochSecond() + 60)))
                    .as(sub).hasMessageContaining("UUID");
        }
    }

    @Test
    void iatMayNotLieFurtherInTheFutureThanTheSkewAndTheLifetimeIsBounded() {
        long now = NOW.getEpochSecond();
        assertThat(check(JWT, claims("\"" + user + "\"", "\"acme\"", "[]", now + 60, now + 600))).isNotNull();
        assertThatThrownBy(() -> check(JWT, claims("\"" + user + "\"", "\"acme\"", "[]", now + 61, now + 600))).hasMessageContaining("future");
        assertThat(check(JWT, claims("\"" + user + "\"", "\"acme\"", "[]", now - 100, now - 100 + 24 * 3600))).isNotNull();
        assertThatThrownBy(() -> check(JWT, claims("\"" + user + "\"", "\"acme\"", "[]", now - 100, now - 99 + 24 * 3600)))
                .hasMessageContaining("longer");
        assertThatThrownBy(() -> TokenClaims.check(token(JWT, claims("\"" + user + "\"", "\"acme\"", "[]", now, now + 3601)), NOW, SKEW,
                Duration.ofHours(1))).hasMessageContaining("3600");
        assertThatThrownBy(() -> check(JWT, "{\"sub\":\"" + user + "\",\"tenant\":\"acme\",\"groups\":[],\"exp\":" + now + "}"))
                .hasMessageContaining("iat");
        assertThatThrownBy(() -> check(JWT, "{\"sub\":\"" + user + "\",\"tenant\":\"acme\",\"groups\":[],\"iat\":\"" + now + "\",\"exp\":1}"))
                .hasMessageContaining("iat");
    }

    @Test
    void onlyAnAccessTokenTypeIsAccepted() {
        for (String header : new String[] { "{\"alg\":\"RS256\"}", "{\"alg\":\"RS256\",\"typ\":\"ID\"}", "{\"alg\":\"RS256\",\"typ\":7}",
                "{\"alg\":\"RS256\",\"typ\":\"JWE\"}" }) {
            assertThatThrownBy(() -> check(header, good("\"acme\"", "[]"))).as(header).hasMessageContaining("typ");
        }
        assertThatThrownBy(() -> TokenClaims.check("a.b", NOW, SKEW, DAY)).hasMessageContaining("JWT");
        assertThatThrownBy(() -> TokenClaims.check(token("[1]", "{}"), NOW, SKEW, DAY)).hasMessageContaining("JSON");
        assertThatThrownBy(() -> TokenClaims.check("e30.bm90IGpzb24.c2ln", NOW, SKEW, DAY)).hasMessageContaining("JSON");
    }
}
