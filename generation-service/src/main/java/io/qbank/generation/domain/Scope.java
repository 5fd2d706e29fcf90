package io.qbank.generation.domain;

import java.util.UUID;

import io.qbank.common.security.CurrentUser;

/**
 * Whose materials and jobs: the tenant's shared ones, which authors generate drafts from ({@code owner} null), or one
 * learner's personal ones, which no one else sees.
 */
public record Scope(String tenantId, UUID owner) {

    public static Scope shared(CurrentUser user) {
        return new Scope(user.tenantId(), null);
    }

    public static Scope personal(CurrentUser user) {
        return new Scope(user.tenantId(), user.userId());
    }

    public boolean personal() {
        return owner != null;
    }
}
