package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestQuery;

import io.qbank.authoring.service.ImportReport;
import io.qbank.authoring.service.ItemQuery;
import io.qbank.authoring.service.ItemSearch;
import io.qbank.authoring.service.ItemSummary;
import io.qbank.authoring.service.ItemTransferService;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/authoring/bulk/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Import and export", description = "Items with all their versions as one JSON array")
public class ItemTransferResource {

    private final ItemTransferService transfer;
    private final ItemSearch search;
    private final CurrentUserContext user;

    public ItemTransferResource(ItemTransferService transfer, ItemSearch search, CurrentUserContext user) {
        this.transfer = transfer;
        this.search = search;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Export items with every version (roles: author, publisher, admin)",
            description = "Every filter of the item list, up to 1,000 items a page; the result imports back as it is.")
    public Uni<List<ItemTransfer.Item>> export(@RestQuery @Size(max = 200) String q, @RestQuery UUID topicId,
            @RestQuery @Pattern(regexp = ItemResource.STATES) String state,
            @RestQuery @Pattern(regexp = "easy|medium|hard|nbme") String difficulty, @RestQuery @Size(max = 40) String tag,
            @RestQuery UUID author, @RestQuery @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$") String examCode,
            @RestQuery @Pattern(regexp = "human|generated") String provenance, @RestQuery Boolean flagged,
            @RestQuery @DefaultValue("0") @Min(0) @Max(10000) int page,
            @RestQuery @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return search.list(user.get(), new ItemQuery(q == null || q.isBlank() ? null : q, topicId, state, difficulty, tag, author,
                examCode, provenance, flagged, false, ItemQuery.Sort.CREATED, page, size))
                .chain(found -> transfer.export(user.get(), found.items().stream().map(ItemSummary::id).toList()));
    }

    @POST
    @RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
    @Operation(summary = "Import items with their versions, all or nothing (roles: author, admin)",
            description = "Every item becomes a new item; each version comes in as a draft in order, the last one being the "
                    + "latest; provenance is kept. Any problem rejects the whole import with every problem listed.")
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "Items break the item rules or name unknown topics; nothing was written")
    public Uni<ImportReport> importItems(@NotNull @Size(min = 1, max = 1000) List<ItemTransfer.@NotNull @Valid Item> items) {
        return transfer.importItems(user.get(), items);
    }
}
