package io.qbank.authoring.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import io.qbank.authoring.service.TopicService;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/authoring/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Topics", description = "The tenant's topic tree (e.g. Cardiology › Valvular disease) with blueprint codes")
public class TopicResource {

    private final TopicService topics;
    private final CurrentUserContext user;

    public TopicResource(TopicService topics, CurrentUserContext user) {
        this.topics = topics;
        this.user = user;
    }

    @POST
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Create a topic (roles: author, publisher, admin)", description = "Under a parent topic, or at the root.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TopicResponse.class)))
    @APIResponse(responseCode = "409", description = "A sibling topic has the same name")
    @APIResponse(responseCode = "422", description = "The parent topic does not exist")
    public Uni<RestResponse<TopicResponse>> create(@NotNull @Valid TopicRequest request) {
        return topics.create(user.get(), request).map(t -> RestResponse.ResponseBuilder
                .<TopicResponse>created(URI.create("/api/v1/authoring/topics/" + t.id)).entity(TopicResponse.of(t)).build());
    }

    @GET
    @RolesAllowed({ Roles.STUDENT, Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "The tenant's topic tree in path order, or one subtree (roles: student, author, publisher, admin)",
            description = "Students read it to choose the topics of a test.")
    @APIResponse(responseCode = "200", description = "The topics, each parent before its children")
    @APIResponse(responseCode = "404", description = "No such topic to list under")
    public Uni<List<TopicResponse>> list(
            @Parameter(description = "List only this topic and its subtree", example = "6f1c2a4e-8d0b-4c39-9a51-2b7f0e3d9c10") @RestQuery UUID under) {
        return topics.list(user.get(), under).map(list -> list.stream().map(TopicResponse::of).toList());
    }

    @GET
    @Path("/{topicId}")
    @RolesAllowed({ Roles.STUDENT, Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "One topic (roles: student, author, publisher, admin)")
    @APIResponse(responseCode = "200", description = "The topic")
    @APIResponse(responseCode = "404", description = "No such topic in the caller's tenant")
    public Uni<TopicResponse> get(@RestPath UUID topicId) {
        return topics.get(user.get(), topicId).map(TopicResponse::of);
    }

    @PUT
    @Path("/{topicId}")
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Rename a topic or change its blueprint code (roles: publisher, admin)",
            description = "Live items of the topic are published again (ItemPublished, same version) with the new facts.")
    @APIResponse(responseCode = "200", description = "The renamed topic")
    @APIResponse(responseCode = "404", description = "No such topic in the caller's tenant")
    @APIResponse(responseCode = "409", description = "A sibling topic has the same name")
    public Uni<TopicResponse> rename(@RestPath UUID topicId, @NotNull @Valid TopicRenameRequest request) {
        return topics.rename(user.get(), topicId, request.name(), request.blueprintCode()).map(TopicResponse::of);
    }

    @POST
    @Path("/{topicId}/move")
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Move a topic with its subtree under another topic, or to the root (roles: publisher, admin)",
            description = "Live items of the subtree are published again (ItemPublished, same version) with the new topic path.")
    @APIResponse(responseCode = "200", description = "The moved topic with its new path")
    @APIResponse(responseCode = "404", description = "No such topic in the caller's tenant")
    @APIResponse(responseCode = "409", description = "A topic of the same name already sits under the new parent")
    @APIResponse(responseCode = "422", description = "The new parent does not exist, or lies inside the moved subtree")
    public Uni<TopicResponse> move(@RestPath UUID topicId, @NotNull @Valid TopicMoveRequest request) {
        return topics.move(user.get(), topicId, request.parentId()).map(TopicResponse::of);
    }
}
