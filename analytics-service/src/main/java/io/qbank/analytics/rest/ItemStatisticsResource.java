package io.qbank.analytics.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.repository.RollupQueries;
import io.qbank.analytics.service.ItemAnalysis;
import io.qbank.analytics.rest.AnalyticsViews.AbilityGroup;
import io.qbank.analytics.rest.AnalyticsViews.FormReliability;
import io.qbank.analytics.rest.AnalyticsViews.ItemStatistics;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/analytics")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@RolesAllowed({ Roles.PUBLISHER, Roles.ADMIN })
@Tag(name = "Items", description = "Item statistics: attempts, p-value, point-biserial, upper–lower, distractors, exposure, per item version")
@SecurityRequirement(name = "jwt")
public class ItemStatisticsResource {

    private final RollupQueries rollups;
    private final ItemAnalysis analysis;
    private final CurrentUserContext user;

    public ItemStatisticsResource(RollupQueries rollups, ItemAnalysis analysis, CurrentUserContext user) {
        this.rollups = rollups;
        this.analysis = analysis;
        this.user = user;
    }

    @GET
    @Path("/items")
    @Operation(summary = "Classical statistics per item version, most attempted first (roles: publisher, admin); JSON or CSV",
            description = "p-value, point-biserial against the rest score of linear quizzes, option distribution, mean time, flags, "
                    + "exposure rate against its target, IRT parameters once calibrated, and why the item needs a look (attention). "
                    + "examCode narrows to the items served or live in that exam.")
    public Uni<List<ItemStatistics>> items(@QueryParam("examCode") String examCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        return analysis.items(user.get().tenantId(), examCode, page * size, size);
    }

    @GET
    @Path("/items/{itemId}/versions/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One item version's statistics, with the upper–lower discrimination index (roles: publisher, admin)")
    public Uni<ItemStatistics> item(@PathParam("itemId") UUID itemId, @PathParam("version") @Min(1) int version) {
        return analysis.item(user.get().tenantId(), itemId, version);
    }

    @GET
    @Path("/items/{itemId}/versions/{version}/groups")
    @Operation(summary = "How the lower, middle and upper 27/46/27 % of respondents by rest score answered (roles: publisher, admin); JSON or CSV",
            description = "The distractor analysis: a distractor the upper group picks as often as the key, or nobody picks, needs a look.")
    @APIResponse(responseCode = "200", description = "The three groups, lower first")
    @APIResponse(responseCode = "404", description = "No statistics for this item version in the caller's tenant")
    public Uni<List<AbilityGroup>> groups(@PathParam("itemId") UUID itemId, @PathParam("version") @Min(1) int version) {
        return analysis.groups(user.get().tenantId(), itemId, version);
    }

    @GET
    @Path("/reliability")
    @Operation(summary = "KR-20 (Cronbach's α) of linear quiz forms taken by two or more students (roles: publisher, admin); JSON or CSV",
            description = "A form is the set of item versions a linear quiz answered; the largest forms first.")
    public Uni<List<FormReliability>> reliability(@QueryParam("examCode") String examCode) {
        return rollups.reliability(user.get().tenantId(), examCode);
    }
}
