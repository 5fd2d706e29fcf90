package io.qbank.authoring.service;

import java.util.Set;

import io.qbank.authoring.domain.Role;

/** A user an admin adds to their tenant, with a first password (temporary: changed at the first sign-in). */
public record NewTenantUser(String username, String email, String firstName, String lastName, Set<Role> roles,
        String password, boolean temporaryPassword) {
}
