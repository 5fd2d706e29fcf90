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
@Path("/api/v1/generation/personal/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "My generation jobs", description = "Questions written for me from my own materials, checked and de-duplicated like authors' drafts")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
public class PersonalJobResource {

    private final GenerationService generation;
    private final CurrentUserContext user;

    public PersonalJobResource(GenerationService generation, CurrentUserContext user) {
        this.generation = generation;
        this.user = user;
    }

    @POST
    @Operation(summary = "Write questions for my study set from my materials",
            description = "Runs in the background: retrieval from the given materials of mine, one LLM call with the NBME prompt, the "
                    + "item-writing checks, de-duplication against my set; the valid new questions join my study set. Follow it with "
                    + "GET /{id}/events.")
    @APIResponse(responseCode = "202", description = "Queued; the body is the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GenerationJob.class)))
    @APIResponse(responseCode = "404", description = "A material that is not mine")
    @APIResponse(responseCode = "409", description = "A material still being read")
    @APIResponse(responseCode = "429", description = "Over my hourly or daily limit, my tenant's learners' hourly limit, or their concurrent jobs")
    @APIResponse(responseCode = "503", description = "No LLM provider configured")
    public Uni<RestResponse<GenerationJob>> start(@NotNull @Valid PersonalJobRequest request) {
        return generation.startPersonal(user.get(), request.asJob()).map(job -> RestResponse.ResponseBuilder
                .create(RestResponse.Status.ACCEPTED, job).location(URI.create("/api/v1/generation/personal/jobs/" + job.id())).build());
    }

    @GET
    @Operation(summary = "My generation jobs, newest first")
    public Uni<List<GenerationJob>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return generation.list(Scope.personal(user.get()), limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my jobs with its progress and each outcome (itemId of the question it made, or why not)")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "Not one of my jobs")
    public Uni<GenerationJob> get(@PathParam("id") UUID id) {
        return generation.find(Scope.personal(user.get()), id);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "One of my jobs as server-sent events: its state whenever it changes, until it has finished")
    public Multi<GenerationJob> events(@PathParam("id") UUID id) {
        Scope scope = Scope.personal(user.get());
        return JobEvents.follow(() -> generation.find(scope, id));
    }

    @GET
    @Path("/{id}/sources")
    @Operation(summary = "The passages of my materials the job retrieved")
    @APIResponse(responseCode = "200", description = "The passages, by material and place")
    @APIResponse(responseCode = "404", description = "Not one of my jobs")
    public Uni<List<SourcePassage>> sources(@PathParam("id") UUID id) {
        return generation.passages(Scope.personal(user.get()), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel one of my queued or running jobs: nothing it writes is kept (409 once it has finished)")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "Not one of my jobs")
    @APIResponse(responseCode = "409", description = "It has already finished")
    public Uni<GenerationJob> cancel(@PathParam("id") UUID id) {
        return generation.cancel(Scope.personal(user.get()), id);
    }
}
