package io.qbank.authoring.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.Role;

/** A user of the caller's tenant as its admin sees it. */
public record TenantUser(
        @Schema(description = "The user's id: the sub of their tokens", example = "3f681c3a-f999-4bec-a099-a659cce105ba") UUID id,
        @Schema(example = "jordan.lee") String username,
        @Schema(nullable = true, example = "jordan.lee@example.edu") String email,
        @Schema(nullable = true, example = "Jordan") String firstName,
        @Schema(nullable = true, example = "Lee") String lastName,
        @Schema(description = "Whether the user may sign in", example = "true") boolean enabled,
        @Schema(example = "[\"student\"]") Set<Role> roles,
        @Schema(description = "Whether the user must change a temporary password at the next sign-in", example = "false")
        boolean passwordChangeRequired,
        @Schema(nullable = true, example = "2026-12-07T11:11:25.640Z") Instant createdAt) {
}
