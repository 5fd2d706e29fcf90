package io.qbank.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Gives resources the {@link CurrentUser} of the request (the identity is request-scoped). */
@ApplicationScoped
public class CurrentUserContext {

    private final SecurityIdentity identity;

    public CurrentUserContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    public CurrentUser get() {
        CurrentUser user = identity.getAttribute(TenantClaimAugmentor.ATTRIBUTE);
        if (user == null) {
            throw new UnauthorizedException("a bearer token with sub and tenant claims is required");
        }
        return user;
    }
}
