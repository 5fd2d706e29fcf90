package io.qbank.authoring.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.qbank.authoring.service.TenantUser;
import io.qbank.authoring.service.TenantUserPage;
import io.qbank.authoring.service.TenantUserService;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.common.validation.SingleLine;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/authoring/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users", description = "The admin's tenant's users and their roles, kept by the identity provider")
public class UserResource {

    private final TenantUserService users;
    private final CurrentUserContext user;

    public UserResource(TenantUserService users, CurrentUserContext user) {
        this.users = users;
        this.user = user;
    }

    @GET
    @Operation(summary = "The tenant's users by username (role: admin)")
    @APIResponse(responseCode = "200", description = "A page of users")
    @APIResponse(responseCode = "503", description = "The identity provider does not answer")
    public Uni<TenantUserPage> list(
            @Parameter(description = "Part of a username, name or e-mail", example = "lee") @RestQuery @SingleLine @Size(max = 100) String search,
            @RestQuery @DefaultValue("0") @Min(0) @Max(1000) int page,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int size) {
        return users.list(user.get(), search == null || search.isBlank() ? null : search, page, size);
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "One user of the tenant (role: admin)")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user in the caller's tenant")
    public Uni<TenantUser> get(@RestPath UUID userId) {
        return users.get(user.get(), userId);
    }

    @POST
    @Operation(summary = "Add a user to the tenant (role: admin)", description = "The user belongs to the caller's tenant.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantUser.class)))
    @APIResponse(responseCode = "409", description = "A user with this username or e-mail already exists")
    @APIResponse(responseCode = "422", description = "The identity provider refused the password (its policy) or the user")
    public Uni<RestResponse<TenantUser>> create(@NotNull @Valid NewUserRequest request) {
        return users.create(user.get(), request.toUser()).map(created -> RestResponse.ResponseBuilder
                .<TenantUser>created(URI.create("/api/v1/authoring/users/" + created.id())).entity(created).build());
    }

    @PUT
    @Path("/{userId}/roles")
    @Operation(summary = "Set a user's roles (role: admin)")
    @APIResponse(responseCode = "200", description = "The user with the new roles")
    @APIResponse(responseCode = "404", description = "No such user in the caller's tenant")
    @APIResponse(responseCode = "409", description = "An admin cannot take the admin role from themselves")
    public Uni<TenantUser> setRoles(@RestPath UUID userId, @NotNull @Valid UserRolesRequest request) {
        return users.setRoles(user.get(), userId, request.roles());
    }

    @PUT
    @Path("/{userId}/enabled")
    @Operation(summary = "Disable or enable a user (role: admin)", description = "A disabled user's sessions end at once.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user in the caller's tenant")
    @APIResponse(responseCode = "409", description = "An admin cannot disable themselves")
    public Uni<TenantUser> setEnabled(@RestPath UUID userId, @NotNull @Valid UserStatusRequest request) {
        return users.setEnabled(user.get(), userId, request.enabled());
    }

    @PUT
    @Path("/{userId}/password")
    @Operation(summary = "Set a user's password (role: admin)")
    @APIResponse(responseCode = "204", description = "Set")
    @APIResponse(responseCode = "404", description = "No such user in the caller's tenant")
    @APIResponse(responseCode = "422", description = "The identity provider's password policy refused it")
    public Uni<Void> setPassword(@RestPath UUID userId, @NotNull @Valid PasswordRequest request) {
        return users.setPassword(user.get(), userId, request.password(), request.temporary() == null || request.temporary());
    }
}
