package io.qbank.generation.rest;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.service.MaterialEmbedder;
import io.qbank.generation.service.MaterialService;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/generation/materials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Source materials", description = "Source materials, their chunks and embeddings, which generation retrieves from")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
public class MaterialResource {

    private final MaterialService materials;
    private final MaterialEmbedder embedder;
    private final CurrentUserContext user;

    public MaterialResource(MaterialService materials, MaterialEmbedder embedder, CurrentUserContext user) {
        this.materials = materials;
        this.embedder = embedder;
        this.user = user;
    }

    @POST
    @Operation(summary = "Upload a text or Markdown source material; it is chunked with overlap (roles: author, admin)")
    @APIResponse(responseCode = "201", description = "Stored and chunked; its chunks are embedded in the background (embeddingState)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MaterialResponse.class)))
    @APIResponse(responseCode = "413", description = "Larger than qbank.generation.max-material-chars")
    @APIResponse(responseCode = "422", description = "The text is empty")
    public Uni<RestResponse<MaterialResponse>> upload(@NotNull @Valid MaterialRequest request) {
        return materials.upload(user.get(), request).invoke(m -> embedder.start(m.id)).map(m -> RestResponse.ResponseBuilder
                .<MaterialResponse>created(URI.create("/api/v1/generation/materials/" + m.id)).entity(MaterialResponse.of(m)).build());
    }

    @GET
    @Operation(summary = "The tenant's source materials, newest first")
    public Uni<List<MaterialResponse>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return materials.list(Scope.shared(user.get()), page, size).map(list -> list.stream().map(MaterialResponse::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One source material")
    @APIResponse(responseCode = "200", description = "The material")
    @APIResponse(responseCode = "404", description = "No such material in the caller's tenant")
    public Uni<MaterialResponse> get(@PathParam("id") UUID id) {
        return materials.get(Scope.shared(user.get()), id).map(MaterialResponse::of);
    }

    @GET
    @Path("/{id}/chunks")
    @Operation(summary = "The chunks of a source material, in order")
    @APIResponse(responseCode = "200", description = "The material's chunks, in order")
    @APIResponse(responseCode = "404", description = "No such material in the caller's tenant")
    public Uni<List<ChunkResponse>> chunks(@PathParam("id") UUID id) {
        return materials.chunks(Scope.shared(user.get()), id).map(list -> list.stream().map(ChunkResponse::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a source material and its chunks")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such material in the caller's tenant")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return materials.delete(Scope.shared(user.get()), id);
    }
}
