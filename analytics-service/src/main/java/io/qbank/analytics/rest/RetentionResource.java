package io.qbank.analytics.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.repository.RollupQueries;
import io.qbank.analytics.rest.AnalyticsViews.Retention;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/analytics/reviews/retention")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Reviews", description = "Retention of reviewed items per scheduler")
@SecurityRequirement(name = "jwt")
public class RetentionResource {

    private final RollupQueries rollups;
    private final CurrentUserContext user;

    public RetentionResource(RollupQueries rollups, CurrentUserContext user) {
        this.rollups = rollups;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Share of reviews recalled per scheduler (SM-2, FSRS) and source (review session or quiz) (roles: publisher, admin)",
            description = "from and to are ISO dates, inclusive; default the last 30 days.")
    public Uni<List<Retention>> retention(@QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange range = DateRange.of(from, to);
        return rollups.retention(user.get().tenantId(), range.from(), range.to());
    }
}
