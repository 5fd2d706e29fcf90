package io.qbank.common.security;

import java.util.Set;
import java.util.UUID;

/**
 * The caller as the token describes them: {@code sub} (a UUID), {@code tenant} and {@code groups}.
 * Every query is scoped by {@link #tenantId()}; a tenant id in a request body is never trusted.
 */
public record CurrentUser(UUID userId, String tenantId, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
