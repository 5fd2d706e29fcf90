package io.qbank.authoring.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.qbank.authoring.service.ItemService;
import io.qbank.authoring.service.TopicService;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/authoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class AuthoringResource {

    private final TopicService topics;
    private final ItemService items;
    private final CurrentUserContext user;

    public AuthoringResource(TopicService topics, ItemService items, CurrentUserContext user) {
        this.topics = topics;
        this.items = items;
        this.user = user;
    }

    @POST
    @Path("/topics")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Topics")
    @Operation(summary = "Create a topic (roles: author, publisher, admin)", description = "Under a parent topic, or at the root.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "A sibling topic has the same name")
    @APIResponse(responseCode = "422", description = "The parent topic does not exist")
    public Uni<RestResponse<TopicResponse>> createTopic(@NotNull @Valid TopicRequest request) {
        return topics.create(user.get(), request).map(t -> RestResponse.ResponseBuilder.<TopicResponse>created(URI.create("/api/v1/authoring/topics/" + t.id))
                .entity(TopicResponse.of(t)).build());
    }

    @GET
    @Path("/topics")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Topics")
    @Operation(summary = "The tenant's topic tree in path order (roles: author, publisher, admin)")
    public Uni<List<TopicResponse>> listTopics() {
        return topics.list(user.get()).map(list -> list.stream().map(TopicResponse::of).toList());
    }

    @POST
    @Path("/items")
    @RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "Create an item: its version 1 as a draft (roles: author, admin)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "422", description = "Options break a rule (one correct, labels A–E in order, no duplicates) or the topic does not exist")
    public Uni<RestResponse<ItemResponse>> createItem(@NotNull @Valid ItemRequest request) {
        return items.create(user.get(), request).map(v -> RestResponse.ResponseBuilder.<ItemResponse>created(URI.create("/api/v1/authoring/items/" + v.item().id))
                .entity(ItemResponse.of(v)).build());
    }

    @GET
    @Path("/items/{itemId}")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "An item with its latest version (roles: author, publisher, admin)")
    @APIResponse(responseCode = "404", description = "No such item in the caller's tenant")
    public Uni<ItemResponse> getItem(@PathParam("itemId") UUID itemId) {
        return items.get(user.get(), itemId).map(ItemResponse::of);
    }

    @GET
    @Path("/items/{itemId}/history")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Workflow")
    @Operation(summary = "The workflow audit trail of an item (roles: author, publisher, admin)")
    @APIResponse(responseCode = "404", description = "No such item in the caller's tenant")
    public Uni<List<WorkflowEventResponse>> history(@PathParam("itemId") UUID itemId) {
        return items.history(user.get(), itemId).map(list -> list.stream().map(WorkflowEventResponse::of).toList());
    }

    @POST
    @Path("/items/{itemId}/versions/{version}/transitions")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Workflow")
    @Operation(summary = "Move a version through the workflow: submit (author), approve, request_changes, retire (publisher); admin all")
    @APIResponse(responseCode = "200", description = "The item after the transition")
    @APIResponse(responseCode = "404", description = "No such item or version in the caller's tenant")
    @APIResponse(responseCode = "409", description = "Not allowed from the version's state; the detail lists what is")
    public Uni<ItemResponse> transition(@PathParam("itemId") UUID itemId, @PathParam("version") @Min(1) int version,
            @NotNull @Valid TransitionRequest request) {
        return items.transition(user.get(), itemId, version, request.action(), request.comment()).map(ItemResponse::of);
    }

    @POST
    @Path("/items/{itemId}/versions/{version}/publication")
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Workflow")
    @Operation(summary = "Publish an approved version to exam codes (roles: publisher, admin)",
            description = "Emits ItemPublished on qbank.items.v1 through the outbox. A newer version replaces the live one.")
    @ResponseStatus(200)
    @APIResponse(responseCode = "404", description = "No such item or version in the caller's tenant")
    @APIResponse(responseCode = "409", description = "The version is not approved")
    public Uni<ItemResponse> publish(@PathParam("itemId") UUID itemId, @PathParam("version") @Min(1) int version,
            @NotNull @Valid PublishRequest request) {
        return items.publish(user.get(), itemId, version, request.examCodes(), request.comment()).map(ItemResponse::of);
    }
}
