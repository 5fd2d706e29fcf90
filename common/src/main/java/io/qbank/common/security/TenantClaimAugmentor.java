package io.qbank.common.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Refuses (401) a verified token that breaks the contract's claim rules ({@link TokenClaims}) and attaches the
 * {@link CurrentUser} to the identity so that resources read it in one place.
 * <p>
 * The user is worked out once per verified token ({@link CachingJwtParser} hands the same {@link JsonWebToken} to every
 * request with that token).
 */
@ApplicationScoped
public class TenantClaimAugmentor implements SecurityIdentityAugmentor {

    static final String ATTRIBUTE = CurrentUser.class.getName();

    /** By the token object's identity, gone with it. */
    private final Cache<JsonWebToken, CurrentUser> users;
    private final SecurityConfig config;

    public TenantClaimAugmentor(SecurityConfig config) {
        this.config = config;
        users = Caffeine.newBuilder().weakKeys().maximumSize(config.verifiedTokenCacheSize()).build();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        try {
            CurrentUser user = users.get(jwt, token -> TokenClaims.check(token.getRawToken(), Instant.now(),
                    Duration.ofSeconds(config.clockSkewSeconds()), config.maximumTokenLifetime()));
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, user).build());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
    }
}
