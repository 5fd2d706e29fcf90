package io.qbank.authoring.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the tenant's users, by username; {@code hasNext} says whether another page follows. */
public record TenantUserPage(
        List<TenantUser> users,
        @Schema(example = "0") int page,
        @Schema(example = "20") int size,
        @Schema(description = "Whether another page follows", example = "false") boolean hasNext) {
}
