package io.qbank.authoring.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.qbank.authoring.service.ItemPage;
import io.qbank.authoring.service.ItemQuery;
import io.qbank.authoring.service.ItemSearch;
import io.qbank.authoring.service.ItemService;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.common.writing.ItemWritingChecks;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/authoring/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class ItemResource {

    /** The level a draft is checked at when it names none: where the vignette rules start to apply. */
    private static final int DEFAULT_LEVEL = 3;

    static final String STATES = "draft|in_review|approved|published|retired|discarded";

    private final ItemService items;
    private final ItemSearch search;
    private final CurrentUserContext user;

    public ItemResource(ItemService items, ItemSearch search, CurrentUserContext user) {
        this.items = items;
        this.search = search;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Items", description = "Items and their immutable versions: search, create, revise")
    @Operation(summary = "List and search items (roles: author, publisher, admin)",
            description = "Filters combine with 'and' and apply to each item's latest version; examCode to where it is live. "
                    + "q is a web-style full-text query (words, \"phrases\", -exclusions) over stem, lead-in and options.")
    public Uni<ItemPage> list(
            @Parameter(example = "aortic dissection") @RestQuery @Size(max = 200) String q,
            @Parameter(description = "The topic and its whole subtree") @RestQuery UUID topicId,
            @Parameter(example = "in_review") @RestQuery @Pattern(regexp = STATES) String state,
            @Parameter(example = "nbme") @RestQuery @Pattern(regexp = "easy|medium|hard|nbme") String difficulty,
            @Parameter(example = "cardiology") @RestQuery @Size(max = 40) String tag,
            @Parameter(description = "Who wrote the latest version") @RestQuery UUID author,
            @Parameter(example = "STEP1") @RestQuery @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$") String examCode,
            @Parameter(example = "generated") @RestQuery @Pattern(regexp = "human|generated") String provenance,
            @Parameter(description = "true: only items with open flags; false: only items without") @RestQuery Boolean flagged,
            @Parameter(description = "updated (default), created, or relevance (with q: best matches first, by the words' weight (lead-in, then stem, then options) and closeness; equal matches latest change first)") @RestQuery @DefaultValue("updated")
            @Pattern(regexp = "updated|created|relevance") String sort,
            @RestQuery @DefaultValue("0") @Min(0) @Max(10000) int page,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int size) {
        ItemQuery.Sort order = ItemQuery.Sort.valueOf(sort.toUpperCase());
        if (order == ItemQuery.Sort.RELEVANCE && (q == null || q.isBlank())) {
            order = ItemQuery.Sort.UPDATED;
        }
        return search.list(user.get(), new ItemQuery(q == null || q.isBlank() ? null : q, topicId, state, difficulty, tag, author,
                examCode, provenance, flagged, false, order, page, size));
    }

    @POST
    @RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "Create an item: its version 1 as a draft (roles: author, admin)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemResponse.class)))
    @APIResponse(responseCode = "422", description = "Options break a rule (one correct, labels A–E in order, no duplicates) or the topic does not exist")
    public Uni<RestResponse<ItemResponse>> create(@NotNull @Valid ItemContent content) {
        return items.create(user.get(), content).map(v -> RestResponse.ResponseBuilder
                .<ItemResponse>created(URI.create("/api/v1/authoring/items/" + v.item().id)).entity(ItemResponse.of(v)).build());
    }

    @POST
    @Path("/checks")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "Run the item-writing checks on an item as it stands in the editor (roles: author, publisher, admin)",
            description = "The same checks generation applies to a model's items (the seed's format rules and the NBME guide's "
                    + "item-writing flaws), on unfinished content too: nothing is stored. Each finding names its rule, why it "
                    + "matters and the field it is about.")
    @APIResponse(responseCode = "200", description = "The findings; none for a well-written item")
    public Uni<DraftCheckResponse> check(@NotNull @Valid DraftCheckRequest draft) {
        var options = draft.options() == null ? List.<DraftCheckRequest.Option>of() : draft.options();
        List<Integer> keys = IntStream.range(0, options.size()).filter(i -> options.get(i).correct()).boxed().toList();
        var item = new ItemWritingChecks.Item(draft.stem(), draft.leadIn(), options.stream().map(DraftCheckRequest.Option::text).toList(),
                keys.size() == 1 ? keys.get(0) : null, draft.rationale());
        int level = draft.difficultyLevel() == null ? DEFAULT_LEVEL : draft.difficultyLevel();
        return Uni.createFrom().item(() -> DraftCheckResponse.of(ItemWritingChecks.check(item, level)));
    }

    @GET
    @Path("/{itemId}")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "An item with its latest version, where it is live, and what the caller may do next (roles: author, publisher, admin)")
    @APIResponse(responseCode = "200", description = "The item with its latest version")
    @APIResponse(responseCode = "404", description = "No such item in the caller's tenant")
    public Uni<ItemResponse> get(@RestPath UUID itemId) {
        return items.get(user.get(), itemId).map(ItemResponse::of);
    }

    @GET
    @Path("/{itemId}/versions")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "Every version of an item, oldest first (roles: author, publisher, admin)")
    @APIResponse(responseCode = "200", description = "Every version of the item, oldest first")
    @APIResponse(responseCode = "404", description = "No such item in the caller's tenant")
    public Uni<List<VersionResponse>> versions(@RestPath UUID itemId) {
        return items.versions(user.get(), itemId).map(list -> list.stream().map(VersionResponse::of).toList());
    }

    @POST
    @Path("/{itemId}/versions")
    @RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "Edit an item: the content becomes a new draft version (roles: author, admin)",
            description = "Versions never change. The live version keeps serving until the new one is published.")
    @APIResponse(responseCode = "201", description = "The item with its new latest version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemResponse.class)))
    @APIResponse(responseCode = "404", description = "No such item in the caller's tenant")
    @APIResponse(responseCode = "409", description = "baseVersion is not the latest version (someone edited first), or it is in review or approved")
    @APIResponse(responseCode = "422", description = "The content breaks an item rule or names an unknown topic")
    public Uni<RestResponse<ItemResponse>> revise(@RestPath UUID itemId, @NotNull @Valid NewVersionRequest request) {
        return items.revise(user.get(), itemId, request.baseVersion(), request.content()).map(v -> RestResponse.ResponseBuilder
                .<ItemResponse>created(URI.create("/api/v1/authoring/items/" + itemId + "/versions/" + v.item().latestVersion))
                .entity(ItemResponse.of(v)).build());
    }

    @GET
    @Path("/{itemId}/versions/{version}")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Items")
    @Operation(summary = "One version of an item (roles: author, publisher, admin)")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such item or version in the caller's tenant")
    public Uni<VersionResponse> version(@RestPath UUID itemId, @RestPath @Min(1) int version) {
        return items.version(user.get(), itemId, version).map(VersionResponse::of);
    }

    @GET
    @Path("/{itemId}/history")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Workflow", description = "Submit, approve, send back, publish and retire versions; their audit trail")
    @Operation(summary = "The workflow audit trail of an item: who moved which version where, when, and why (roles: author, publisher, admin)")
    @APIResponse(responseCode = "200", description = "The workflow events of every version, oldest first")
    @APIResponse(responseCode = "404", description = "No such item in the caller's tenant")
    public Uni<List<WorkflowEventResponse>> history(@RestPath UUID itemId) {
        return items.history(user.get(), itemId).map(list -> list.stream().map(WorkflowEventResponse::of).toList());
    }

    @POST
    @Path("/{itemId}/versions/{version}/transitions")
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Workflow")
    @Operation(summary = "Move a version through the workflow: submit (author), approve, request_changes, retire (publisher), discard a draft (author, publisher); admin all",
            description = "Submit, approve, request changes and discard apply to the latest version; retire to the live one (ItemRetired is sent). A discarded draft leaves the review queue; editing it makes a new draft.")
    @APIResponse(responseCode = "200", description = "The item after the transition")
    @APIResponse(responseCode = "404", description = "No such item or version in the caller's tenant")
    @APIResponse(responseCode = "409", description = "Not allowed from the version's state; the detail lists what is")
    public Uni<ItemResponse> transition(@RestPath UUID itemId, @RestPath @Min(1) int version, @NotNull @Valid TransitionRequest request) {
        return items.transition(user.get(), itemId, version, request.action(), request.comment()).map(ItemResponse::of);
    }

    @POST
    @Path("/{itemId}/versions/{version}/publication")
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Tag(name = "Workflow")
    @Operation(summary = "Publish a version to exam codes (roles: publisher, admin)",
            description = "An approved latest version, a published one to more exam codes, or a retired one again (if no newer "
                    + "version has been live since). Emits ItemPublished on qbank.items.v1; a newer version replaces the live one.")
    @ResponseStatus(200)
    @APIResponse(responseCode = "200", description = "The item, live in the exam codes")
    @APIResponse(responseCode = "404", description = "No such item or version in the caller's tenant")
    @APIResponse(responseCode = "409", description = "The version cannot be published from its state")
    public Uni<ItemResponse> publish(@RestPath UUID itemId, @RestPath @Min(1) int version, @NotNull @Valid PublishRequest request) {
        return items.publish(user.get(), itemId, version, request.examCodes(), request.comment()).map(ItemResponse::of);
    }
}
