package io.qbank.analytics.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.repository.RollupQueries;
import io.qbank.analytics.rest.AnalyticsViews.TenantTopicMastery;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/analytics/topics/mastery")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Students", description = "Mastery, standing, readiness and progress")
@SecurityRequirement(name = "jwt")
public class TopicMasteryResource {

    private final RollupQueries rollups;
    private final CurrentUserContext user;

    public TopicMasteryResource(RollupQueries rollups, CurrentUserContext user) {
        this.rollups = rollups;
        this.user = user;
    }

    @GET
    @RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "How the tenant's students master each topic, the weakest first (roles: publisher, admin); JSON or CSV",
            description = "Every topic on an answered item's path counts the answer; a student's mastery of a topic is "
                    + "(correct + 1) / (attempts + 2).")
    public Uni<List<TenantTopicMastery>> mastery() {
        return rollups.topicMastery(user.get().tenantId());
    }
}
