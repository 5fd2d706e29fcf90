package io.qbank.generation.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.generation.domain.PersonalItem;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.service.AnkiExport;
import io.qbank.generation.service.PersonalItems;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/generation/personal/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "My study set", description = "The questions written for me from my materials: generated and reviewed by no one, for me alone")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
public class PersonalItemResource {

    private static final int EXPORT_LIMIT = 10_000;

    private final PersonalItems personal;
    private final CurrentUserContext user;

    public PersonalItemResource(PersonalItems personal, CurrentUserContext user) {
        this.personal = personal;
        this.user = user;
    }

    @GET
    @Operation(summary = "My study set, newest first, optionally of one material or one job")
    public Uni<PersonalSetResponse> list(@QueryParam("materialId") UUID materialId, @QueryParam("jobId") UUID jobId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page, @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Scope scope = Scope.personal(user.get());
        return personal.list(scope, materialId, jobId, page, size)
                .chain(items -> personal.count(scope, materialId, jobId).map(total -> new PersonalSetResponse(items, total, page, size)));
    }

    @GET
    @Path("/export")
    @Produces("text/plain")
    @Operation(summary = "My study set (or one material's questions) as a file for Anki's text import",
            description = "Tab-separated Basic notes with an Anki header (deck, note type, tags column); reported questions are left out.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<String>> export(@QueryParam("materialId") UUID materialId) {
        return personal.list(Scope.personal(user.get()), materialId, null, 0, EXPORT_LIMIT)
                .map(items -> RestResponse.ResponseBuilder.ok(AnkiExport.of("QBank::My questions",
                                items.stream().filter(i -> i.state().equals("active")).toList()), "text/plain; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"qbank-my-questions.txt\"").build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my questions with its validator notes and the passages it was written from")
    @APIResponse(responseCode = "200", description = "The question")
    @APIResponse(responseCode = "404", description = "Not one of my questions")
    public Uni<PersonalItemResponse> get(@PathParam("id") UUID id) {
        return personal.get(Scope.personal(user.get()), id).map(w -> new PersonalItemResponse(w.item(), w.sources()));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Edit one of my questions: a new version, checked by the item-writing rules; an edit answers a report")
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalItem.class)))
    @APIResponse(responseCode = "404", description = "Not one of my questions")
    @APIResponse(responseCode = "409", description = "Changed since the version edited")
    @APIResponse(responseCode = "422", description = "It breaks an item-writing rule outright (each in violations), or the key is not an option")
    public Uni<PersonalItem> edit(@PathParam("id") UUID id, @NotNull @Valid PersonalItemEditRequest request) {
        return personal.edit(Scope.personal(user.get()), id, request.edit());
    }

    @POST
    @Path("/{id}/report")
    @Operation(summary = "Report one of my questions as wrong: it is kept, and not served to me until I edit it")
    @APIResponse(responseCode = "200", description = "Reported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalItem.class)))
    @APIResponse(responseCode = "404", description = "Not one of my questions")
    public Uni<PersonalItem> report(@PathParam("id") UUID id, @NotNull @Valid ReportRequest request) {
        return personal.report(Scope.personal(user.get()), id, request.reason(), request.comment());
    }

    @POST
    @Path("/{id}/proposal")
    @Operation(summary = "Propose one of my questions to my tenant's authors: a copy becomes a draft in their review, with who proposed it "
            + "and from which material; it stays theirs even if I later delete the material")
    @APIResponse(responseCode = "200", description = "Proposed: the question with proposedAt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalItem.class)))
    @APIResponse(responseCode = "404", description = "Not one of my questions")
    @APIResponse(responseCode = "409", description = "Proposed already, or reported (edit it first)")
    public Uni<PersonalItem> propose(@PathParam("id") UUID id) {
        return personal.propose(Scope.personal(user.get()), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Discard one of my questions, with my answers and schedule of it")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "Not one of my questions")
    public Uni<Void> discard(@PathParam("id") UUID id) {
        return personal.discard(Scope.personal(user.get()), id);
    }
}
