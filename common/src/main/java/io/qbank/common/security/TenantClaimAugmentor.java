package io.qbank.common.security;

import java.util.Set;
import java.util.UUID;

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
 * Refuses (401) a verified token that lacks a {@code tenant} claim or whose {@code sub} is not a UUID,
 * and attaches the {@link CurrentUser} to the identity so that resources read it in one place.
 * <p>
 * The user is worked out once per verified token ({@link CachingJwtParser} hands the same {@link JsonWebToken} to every
 * request with that token): smallrye-jwt throws and catches an exception inside each read of a custom claim such as
 * {@code tenant}.
 */
@ApplicationScoped
public class TenantClaimAugmentor implements SecurityIdentityAugmentor {

    public static final String TENANT_CLAIM = "tenant";
    static final String ATTRIBUTE = CurrentUser.class.getName();

    /** By the token object's identity, gone with it. */
    private final Cache<JsonWebToken, CurrentUser> users;

    public TenantClaimAugmentor(SecurityConfig config) {
        users = Caffeine.newBuilder().weakKeys().maximumSize(config.verifiedTokenCacheSize()).build();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        try {
            CurrentUser user = users.get(jwt, token -> currentUserOf(token.getSubject(), token.getClaim(TENANT_CLAIM), identity.getRoles()));
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, user).build());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
    }

    /** The claim rules, separate from Quarkus so that they are unit-tested directly. */
    static CurrentUser currentUserOf(String subject, Object tenantClaim, Set<String> roles) {
        String tenant = tenantClaim == null ? null : tenantClaim.toString().replace("\"", "").trim();
        if (tenant == null || tenant.isEmpty()) {
            throw new IllegalArgumentException("the token has no tenant claim");
        }
        if (tenant.length() > 64) {
            throw new IllegalArgumentException("the tenant claim is longer than 64 characters");
        }
        UUID userId;
        try {
            userId = UUID.fromString(subject == null ? "" : subject);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token's sub claim is not a UUID");
        }
        return new CurrentUser(userId, tenant, Set.copyOf(roles));
    }
}
