package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.qbank.authoring.service.Colleague;
import io.qbank.authoring.service.TenantUserService;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/authoring/colleagues")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Users")
public class ColleagueResource {

    private final TenantUserService users;
    private final CurrentUserContext user;

    public ColleagueResource(TenantUserService users, CurrentUserContext user) {
        this.users = users;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "The names of users of the caller's tenant, for the audit trail and versions (roles: author, publisher, admin)",
            description = "Ids of no user of the tenant are left out of the answer.")
    @APIResponse(responseCode = "200", description = "The users found, with their names")
    @APIResponse(responseCode = "503", description = "The identity provider does not answer")
    public Uni<List<Colleague>> names(
            @Parameter(description = "Up to 50 user ids", example = "3f681c3a-f999-4bec-a099-a659cce105ba") @RestQuery @NotEmpty @Size(max = 50) List<UUID> ids) {
        return users.colleagues(user.get(), ids);
    }
}
