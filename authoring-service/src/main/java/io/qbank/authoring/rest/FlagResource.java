package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.qbank.authoring.service.FlagService;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/authoring/items/{itemId}/flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Flags", description = "What students reported about an item, and how publishers resolved it")
public class FlagResource {

    private final FlagService flags;
    private final CurrentUserContext user;

    public FlagResource(FlagService flags, CurrentUserContext user) {
        this.flags = flags;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Students' flags on an item, oldest first (roles: author, publisher, admin)")
    @APIResponse(responseCode = "200", description = "The item's flags, oldest first")
    @APIResponse(responseCode = "404", description = "No such item in the caller's tenant")
    public Uni<List<FlagResponse>> flags(@RestPath UUID itemId,
            @Parameter(description = "true (default): only open flags") @RestQuery @DefaultValue("true") boolean open) {
        return flags.list(user.get(), itemId, open).map(list -> list.stream().map(FlagResponse::of).toList());
    }

    @POST
    @Path("/{flagId}/resolution")
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Resolve a flag with a note on what was done (roles: publisher, admin)")
    @ResponseStatus(200)
    @APIResponse(responseCode = "200", description = "The resolved flag")
    @APIResponse(responseCode = "404", description = "No such flag on the item in the caller's tenant")
    @APIResponse(responseCode = "409", description = "The flag is already resolved")
    public Uni<FlagResponse> resolve(@RestPath UUID itemId, @RestPath UUID flagId, @NotNull @Valid FlagResolution request) {
        return flags.resolve(user.get(), itemId, flagId, request.resolution()).map(FlagResponse::of);
    }
}
