package io.qbank.analytics.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.config.AnalyticsConfig;
import io.qbank.analytics.domain.AnalyticsJob;
import io.qbank.analytics.repository.JobRepository;
import io.qbank.analytics.service.CalibrationService;
import io.qbank.analytics.service.ExposureControlService;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUser;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

/** Calibration and Sympson–Hetter runs: started on demand (202 with the job), followed by polling, kept as history. */
@RetryReads
@Path("/api/v1/analytics/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
@Tag(name = "Calibration", description = "IRT calibration and Sympson–Hetter exposure-control jobs")
@SecurityRequirement(name = "jwt")
public class JobResource {

    /** Omitted fields take the configured defaults. */
    public record CalibrationRequest(@Pattern(regexp = "2PL|3PL") String model, @Min(10) @Max(1_000_000) Integer minimumResponses) {
    }

    public record ExposureControlRequest(@NotBlank @Size(max = 64) String examCode,
            @DecimalMin(value = "0.01") @DecimalMax(value = "1.0") Double targetRate,
            @Min(100) @Max(100_000) Integer examinees, @Min(1) @Max(120) Integer quizLength) {
    }

    private final CalibrationService calibration;
    private final ExposureControlService exposure;
    private final JobRepository jobs;
    private final CurrentUserContext user;
    private final AnalyticsConfig config;

    public JobResource(CalibrationService calibration, ExposureControlService exposure, JobRepository jobs, CurrentUserContext user,
            AnalyticsConfig config) {
        this.calibration = calibration;
        this.exposure = exposure;
        this.jobs = jobs;
        this.user = user;
        this.config = config;
    }

    @POST
    @Path("/calibration")
    @Operation(summary = "Calibrate the tenant's item versions by MML-EM and publish ItemCalibrated (roles: publisher, admin)",
            description = "202 with the running job; 409 while one runs. Item versions with fewer responses than minimumResponses "
                    + "keep their defaults.")
    @APIResponse(responseCode = "202", description = "Started; the body is the running job, Location its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsJob.class)))
    @APIResponse(responseCode = "409", description = "A job of this kind already runs for the tenant")
    public Uni<Response> calibrate(@Valid CalibrationRequest body) {
        CurrentUser me = user.get();
        CalibrationService.Request defaults = calibration.defaults();
        CalibrationService.Request request = body == null ? defaults
                : new CalibrationService.Request(body.model() != null ? body.model() : defaults.model(),
                        body.minimumResponses() != null ? body.minimumResponses() : defaults.minimumResponses());
        return calibration.start(me.tenantId(), me.userId().toString(), request).map(JobResource::accepted);
    }

    @POST
    @Path("/exposure-control")
    @Operation(summary = "Sympson–Hetter parameters of an exam's live items, published as ExposureControlUpdated (roles: publisher, admin)",
            description = "The iterative simulation against targetRate (default 0.25) with θ ~ N(0, 1). 202 with the running job; "
                    + "409 while one runs.")
    @APIResponse(responseCode = "202", description = "Started; the body is the running job, Location its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsJob.class)))
    @APIResponse(responseCode = "409", description = "A job of this kind already runs for the tenant")
    public Uni<Response> exposureControl(@Valid @jakarta.validation.constraints.NotNull ExposureControlRequest body) {
        CurrentUser me = user.get();
        AnalyticsConfig.ExposureControl d = config.exposureControl();
        return exposure.start(me.tenantId(), me.userId().toString(), new ExposureControlService.Request(body.examCode(),
                body.targetRate() != null ? body.targetRate() : d.targetRate(), body.examinees() != null ? body.examinees() : d.examinees(),
                body.quizLength() != null ? body.quizLength() : d.quizLength())).map(JobResource::accepted);
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "A job's state, progress and outcome")
    public Uni<AnalyticsJob> job(@PathParam("jobId") UUID jobId) {
        return jobs.find(user.get().tenantId(), jobId);
    }

    @GET
    @Operation(summary = "The tenant's jobs, newest first")
    public Uni<List<AnalyticsJob>> history(@QueryParam("kind") @Pattern(regexp = "calibration|exposure-control") String kind,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return jobs.history(user.get().tenantId(), kind, limit);
    }

    private static Response accepted(AnalyticsJob job) {
        return Response.accepted(job).header("Location", "/api/v1/analytics/jobs/" + job.jobId()).build();
    }
}
