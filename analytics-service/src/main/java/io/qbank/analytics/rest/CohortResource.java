package io.qbank.analytics.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.repository.CohortDayRepository;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/analytics/cohorts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts")
@SecurityRequirement(name = "jwt")
public class CohortResource {

    static final int MAX_DAYS = 366;

    private final CohortDayRepository days;
    private final CurrentUserContext user;

    public CohortResource(CohortDayRepository days, CurrentUserContext user) {
        this.days = days;
        this.user = user;
    }

    @GET
    @Path("/daily")
    @WithSession
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Cohort performance per UTC day of the caller's tenant (roles: publisher, admin)",
            description = "from and to are ISO dates, inclusive; default the last 30 days; at most 366 days.")
    public Uni<List<CohortDayResponse>> daily(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = to != null ? date("to", to) : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? date("from", from) : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("from (" + start + ") is after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.badRequest("at most " + MAX_DAYS + " days per request");
        }
        return days.between(user.get().tenantId(), start, end).map(list -> list.stream().map(CohortDayResponse::of).toList());
    }

    /** Parsed here, not by the framework, so that a bad date is a 400 that names the parameter (not a 404). */
    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "Bad request", name + " is not an ISO date (yyyy-MM-dd): " + value,
                    List.of(new Problem.Violation(name, "not an ISO date")));
        }
    }
}
