package io.qbank.analytics.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.repository.RollupQueries;
import io.qbank.analytics.rest.AnalyticsViews.CohortDay;
import io.qbank.analytics.rest.AnalyticsViews.CohortMember;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/analytics/cohorts")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Cohorts", description = "Cohorts of students and their daily rollups")
@SecurityRequirement(name = "jwt")
public class CohortResource {

    static final String COHORT = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final RollupQueries rollups;
    private final CurrentUserContext user;

    public CohortResource(RollupQueries rollups, CurrentUserContext user) {
        this.rollups = rollups;
        this.user = user;
    }

    /** @param userIds the students to move into the cohort (from whatever cohort they were in) */
    public record Members(@NotNull @NotEmpty @Size(max = 10_000) List<@NotNull UUID> userIds) {
    }

    @GET
    @Path("/daily")
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Cohort performance per UTC day of the caller's tenant (roles: publisher, admin); JSON or CSV",
            description = "from and to are ISO dates, inclusive; default the last 30 days; at most 366 days. cohort narrows to one "
                    + "cohort; students without one are in 'unassigned'.")
    public Uni<List<CohortDay>> daily(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cohort") String cohort) {
        DateRange range = DateRange.of(from, to);
        return rollups.cohortDays(user.get().tenantId(), range.from(), range.to(), cohort);
    }

    @GET
    @Path("/members")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who is in which cohort (role: admin); JSON or CSV", description = "Students not listed are in 'unassigned'.")
    public Uni<List<CohortMember>> members() {
        return rollups.cohortMembers(user.get().tenantId());
    }

    @PUT
    @Path("/{cohort}/members")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put students into a cohort (role: admin)",
            description = "Their answers from now on count in this cohort; what was counted before stays where it was.")
    public Uni<AssignedMembers> assign(@PathParam("cohort") @Pattern(regexp = COHORT) String cohort, @Valid @NotNull Members members) {
        return rollups.assignCohort(user.get().tenantId(), cohort, members.userIds()).map(n -> new AssignedMembers(cohort, n));
    }

    public record AssignedMembers(String cohort, int assigned) {
    }
}
