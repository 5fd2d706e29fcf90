package io.qbank.analytics.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.repository.ReadinessQueries;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/analytics/standards/{examCode}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Standards", description = "The passing standard of each exam code, which students' readiness is measured against, and the exam's pace")
@SecurityRequirement(name = "jwt")
public class StandardResource {

    static final String EXAM_CODE = "^[A-Z0-9][A-Z0-9_-]{0,31}$";

    private final ReadinessQueries readiness;
    private final CurrentUserContext user;

    public StandardResource(ReadinessQueries readiness, CurrentUserContext user) {
        this.readiness = readiness;
        this.user = user;
    }

    public record StandardRequest(
            @Schema(description = "The passing ability on the calibrated items' theta scale", example = "0.35")
            @NotNull @DecimalMin("-3.0") @DecimalMax("3.0") Double passingTheta,
            @Schema(description = "The exam's pace in seconds per item, which students' time per item is shown against; absent: the "
                    + "default (qbank.analytics.default-seconds-per-item)", example = "90")
            @Min(10) @Max(900) Integer secondsPerItem) {
    }

    public record StandardResponse(
            @Schema(example = "STEP1") String examCode,
            @Schema(example = "0.35") double passingTheta,
            @Schema(nullable = true, description = "The exam's pace; null: the default", example = "90") Integer secondsPerItem,
            @Schema(example = "00000000-0000-4000-8000-00000000d001") UUID updatedBy,
            @Schema(example = "2026-12-07T10:15:00Z") Instant updatedAt) {

        static StandardResponse of(ReadinessQueries.Standard s) {
            return new StandardResponse(s.examCode(), s.passingTheta(), s.secondsPerItem(), s.updatedBy(), s.updatedAt());
        }
    }

    @GET
    @RolesAllowed({ Roles.STUDENT, Roles.AUTHOR, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "The tenant's passing standard for an exam code")
    @APIResponse(responseCode = "200", description = "The standard")
    @APIResponse(responseCode = "404", description = "The tenant has set none for this exam code")
    public Uni<StandardResponse> get(@PathParam("examCode") @Pattern(regexp = EXAM_CODE) String examCode) {
        return readiness.standard(user.get().tenantId(), examCode).map(s -> {
            if (s == null) {
                throw ApiException.notFound("Passing standard of exam code", examCode);
            }
            return StandardResponse.of(s);
        });
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the tenant's passing standard for an exam code")
    @APIResponse(responseCode = "200", description = "The standard as set")
    public Uni<StandardResponse> set(@PathParam("examCode") @Pattern(regexp = EXAM_CODE) String examCode,
            @NotNull @Valid StandardRequest request) {
        return readiness.setStandard(user.get().tenantId(), examCode, request.passingTheta(), request.secondsPerItem(), user.get().userId())
                .map(StandardResponse::of);
    }
}
