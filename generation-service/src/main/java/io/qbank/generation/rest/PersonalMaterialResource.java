package io.qbank.generation.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUser;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.common.validation.SingleLine;
import io.qbank.generation.config.GenerationConfig;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.domain.SourceMaterial;
import io.qbank.generation.service.MaterialEmbedder;
import io.qbank.generation.service.MaterialService;
import io.qbank.generation.service.PdfText;
import io.qbank.generation.service.PersonalItems;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@RetryReads
@Path("/api/v1/generation/personal/materials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My materials", description = "My own lecture notes and texts, which my personal questions are written from; no one else sees them")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
public class PersonalMaterialResource {

    private static final int MAX_PDF_PAGES = 1000;

    private final MaterialService materials;
    private final PersonalItems personal;
    private final MaterialEmbedder embedder;
    private final CurrentUserContext user;
    private final GenerationConfig config;

    public PersonalMaterialResource(MaterialService materials, PersonalItems personal, MaterialEmbedder embedder, CurrentUserContext user,
            GenerationConfig config) {
        this.materials = materials;
        this.personal = personal;
        this.embedder = embedder;
        this.user = user;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload my own text or Markdown material; it is chunked, and read (embedded) in the background")
    @APIResponse(responseCode = "201", description = "Stored and chunked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MaterialResponse.class)))
    @APIResponse(responseCode = "413", description = "Longer than qbank.generation.personal.max-material-chars")
    @APIResponse(responseCode = "422", description = "The text is empty")
    public Uni<RestResponse<MaterialResponse>> upload(@NotNull @Valid MaterialRequest request) {
        CurrentUser me = user.get();
        return created(materials.upload(me, Scope.personal(me), request.title(), request.contentType() == null ? "text/markdown" : request.contentType(),
                request.text(), config.personal().maxMaterialChars()));
    }

    @POST
    @Path("/pdf")
    @Consumes("application/pdf")
    @RequestBody(content = @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            format = "binary")))
    @Operation(summary = "Upload my own PDF (the file itself as the body, its title in the query): its text is read, chunked, and embedded in the background")
    @APIResponse(responseCode = "201", description = "Read and chunked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MaterialResponse.class)))
    @APIResponse(responseCode = "413", description = "Larger than qbank.generation.personal.max-pdf-bytes, or its text longer than max-material-chars")
    @APIResponse(responseCode = "422", description = "Not a readable PDF, protected by a password, or without text (a scan)")
    public Uni<RestResponse<MaterialResponse>> uploadPdf(
            @QueryParam("title") @NotBlank @SingleLine @Size(max = 300) String title, byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw ApiException.unprocessable("the body is empty: send the PDF file itself", List.of(new Violation("file", "empty")));
        }
        if (pdf.length > config.personal().maxPdfBytes()) {
            throw new ApiException(413, "Content too large", "a PDF may have at most " + config.personal().maxPdfBytes() + " bytes; this one has "
                    + pdf.length, List.of(new Violation("file", "too large")));
        }
        CurrentUser me = user.get();
        Context requestContext = Vertx.currentContext();
        return created(Uni.createFrom().item(() -> PdfText.of(pdf, MAX_PDF_PAGES)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> requestContext.runOnContext(ignored -> task.run())) // Hibernate Reactive goes on on the request's event loop
                .chain(text -> materials.upload(me, Scope.personal(me), title, "application/pdf", text, config.personal().maxMaterialChars())));
    }

    private Uni<RestResponse<MaterialResponse>> created(Uni<SourceMaterial> upload) {
        return upload.invoke(m -> embedder.start(m.id)).map(m -> RestResponse.ResponseBuilder
                .<MaterialResponse>created(URI.create("/api/v1/generation/personal/materials/" + m.id)).entity(MaterialResponse.of(m)).build());
    }

    @GET
    @Operation(summary = "My materials, newest first")
    public Uni<List<MaterialResponse>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return materials.list(Scope.personal(user.get()), page, size).map(list -> list.stream().map(MaterialResponse::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my materials")
    @APIResponse(responseCode = "200", description = "The material")
    @APIResponse(responseCode = "404", description = "Not one of my materials")
    public Uni<MaterialResponse> get(@PathParam("id") UUID id) {
        return materials.get(Scope.personal(user.get()), id).map(MaterialResponse::of);
    }

    @GET
    @Path("/{id}/chunks")
    @Operation(summary = "The passages of one of my materials, in order")
    @APIResponse(responseCode = "200", description = "The passages, in order")
    @APIResponse(responseCode = "404", description = "Not one of my materials")
    public Uni<List<ChunkResponse>> chunks(@PathParam("id") UUID id) {
        return materials.chunks(Scope.personal(user.get()), id).map(list -> list.stream().map(ChunkResponse::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of my materials and everything made from it",
            description = "Its passages, the jobs that drew on it and the questions they wrote go at once; my schedules, answers and "
                    + "statistics of those questions go in every other service as soon as it has consumed their removal.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Not one of my materials")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return personal.deleteMaterial(Scope.personal(user.get()), id);
    }
}
