package io.qbank.authoring.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.qbank.authoring.domain.Role;

/** A user of the caller's tenant as its admin sees it. */
public record TenantUser(UUID id, String username, String email, String firstName, String lastName, boolean enabled,
        Set<Role> roles, boolean passwordChangeRequired, Instant createdAt) {
}
