package io.qbank.common.testing;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Tokens for tests, signed with the test key pair of this test-jar (test-keys/); services' test profiles
 * verify with test-keys/publicKey.pem and issuer {@link #ISSUER}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://qbank.test/issuer";
    public static final String AUDIENCE = "qbank-api";
    private static final PrivateKey KEY = load();

    private TestTokens() {
    }

    public static String token(UUID userId, String tenant, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId.toString()).groups(Set.of(roles)).expiresIn(3600);
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return claims.jws().keyId("test").sign(KEY);
    }

    public static String bearer(UUID userId, String tenant, String... roles) {
        return "Bearer " + token(userId, tenant, roles);
    }

    /** A token that is valid in every way but has no tenant claim: it must be refused with 401. */
    public static String bearerWithoutTenant(UUID userId, String... roles) {
        return "Bearer " + token(userId, null, roles);
    }

    /** A token with exactly this header and these claims (JSON), signed with the test key: for tokens a builder would not make. */
    public static String signed(String headerJson, String claimsJson) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KEY);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("test-keys/privateKey.pem");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test private key", e);
        }
    }
}
