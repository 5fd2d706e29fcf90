package io.qbank.common.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token once per replica and remembers it until it expires. A client sends the same token with every
 * request, and its RS256 verification with the JSON parsing around it took a fifth of delivery-service's CPU per request.
 * <ul>
 * <li>Keyed by the whole token string: a request is served from the cache only with exactly the token that was
 * verified, signature and all.</li>
 * <li>An entry never outlives the token's {@code exp}; a token without one is not kept.</li>
 * <li>Only tokens that passed are kept: a bad token is verified, and refused, every time.</li>
 * </ul>
 * Quarkus's JWT identity provider asks for a {@link JWTParser}; this alternative takes the place of smallrye-jwt's own,
 * which still does every verification.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final JWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public CachingJwtParser(DefaultJWTParser verifier, SecurityConfig config) {
        this(verifier, config.verifiedTokenCacheSize(), Ticker.systemTicker(), System::currentTimeMillis);
    }

    CachingJwtParser(JWTParser verifier, int size, Ticker ticker, LongSupplier wallClockMillis) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(size).ticker(ticker)
                .expireAfter(Expiry.<String, JsonWebToken> creating((token, jwt) -> Duration.ofMillis(
                        Math.max(0, TimeUnit.SECONDS.toMillis(jwt.getExpirationTime()) - wallClockMillis.getAsLong()))))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = verifier.parse(token);
            if (jwt.getExpirationTime() > 0) {
                verified.put(token, jwt);
            }
        }
        return jwt;
    }

    // Tokens checked against other keys or contexts than the service's own are not the requests' tokens: not cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
