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
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.generation.domain.GenerationJob;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.domain.SourcePassage;
import io.qbank.generation.service.GenerationService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/generation/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Generation jobs", description = "LLM generation of draft items from source materials, with validation and de-duplication")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
public class GenerationJobResource {

    private final GenerationService generation;
    private final CurrentUserContext user;

    public GenerationJobResource(GenerationService generation, CurrentUserContext user) {
        this.generation = generation;
        this.user = user;
    }

    @POST
    @Operation(summary = "Generate NBME-style items as drafts for authors (roles: author, admin)",
            description = "Runs in the background: retrieval from the tenant's materials, one LLM call, validation, de-duplication; "
                    + "valid new items go to authoring as DraftGenerated. Follow it with GET /{id} or GET /{id}/events.")
    @APIResponse(responseCode = "202", description = "Queued; the body is the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GenerationJob.class)))
    @APIResponse(responseCode = "429", description = "Over the per-user or per-tenant hourly limit, or the tenant's concurrent jobs")
    @APIResponse(responseCode = "503", description = "No LLM provider configured")
    public Uni<RestResponse<GenerationJob>> start(@NotNull @Valid JobRequest request) {
        return generation.start(user.get(), request).map(job -> RestResponse.ResponseBuilder
                .create(RestResponse.Status.ACCEPTED, job).location(URI.create("/api/v1/generation/jobs/" + job.id())).build());
    }

    @GET
    @Operation(summary = "The tenant's generation jobs, newest first")
    public Uni<List<GenerationJob>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return generation.list(Scope.shared(user.get()), limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job with its progress: requested, generated, valid, rejected (with reasons), duplicates (with twins)")
    public Uni<GenerationJob> get(@PathParam("id") UUID id) {
        return generation.find(Scope.shared(user.get()), id);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The job as server-sent events: its state whenever it changes, until it has finished")
    public Multi<GenerationJob> events(@PathParam("id") UUID id) {
        Scope scope = Scope.shared(user.get());
        return JobEvents.follow(() -> generation.find(scope, id));
    }

    @GET
    @Path("/{id}/sources")
    @Operation(summary = "The source passages the job retrieved, which its drafts cite by chunk id")
    @APIResponse(responseCode = "200", description = "The passages, by material and place")
    @APIResponse(responseCode = "404", description = "No such job in the caller's tenant")
    public Uni<List<SourcePassage>> sources(@PathParam("id") UUID id) {
        return generation.passages(Scope.shared(user.get()), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running job: nothing it generates is kept (409 once it has finished)")
    public Uni<GenerationJob> cancel(@PathParam("id") UUID id) {
        return generation.cancel(Scope.shared(user.get()), id);
    }
}
