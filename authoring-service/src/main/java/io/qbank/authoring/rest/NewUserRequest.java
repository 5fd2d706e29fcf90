package io.qbank.authoring.rest;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.Role;
import io.qbank.authoring.service.NewTenantUser;
import io.qbank.common.validation.SingleLine;

/** A user to add to the caller's tenant; the tenant is the caller's, never given here. */
public record NewUserRequest(
        @Schema(description = "Lower-case letters, digits, '.', '_', '-' and '@'; unique in the identity provider", example = "jordan.lee")
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9._@-]*$") String username,
        @Schema(example = "jordan.lee@example.edu") @Email @Size(max = 254) String email,
        @Schema(example = "Jordan") @SingleLine @Size(max = 100) String firstName,
        @Schema(example = "Lee") @SingleLine @Size(max = 100) String lastName,
        @Schema(example = "[\"student\"]") @NotNull @NotEmpty Set<@NotNull Role> roles,
        @Schema(description = "The first password (the realm's policy: 12 to 128 characters, not the username or e-mail)",
                example = "correct-horse-battery") @NotBlank @Size(min = 12, max = 128) String password,
        @Schema(description = "Whether the user must change the password at the first sign-in (default true)", example = "true")
        Boolean temporaryPassword) {

    NewTenantUser toUser() {
        return new NewTenantUser(username, email, firstName, lastName, roles, password, temporaryPassword == null || temporaryPassword);
    }
}
