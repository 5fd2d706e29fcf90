package io.qbank.review.rest;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
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
import jakarta.ws.rs.PUT;
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

import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.review.domain.Scheduler;
import io.qbank.review.service.FlagService;
import io.qbank.review.service.ProfileService;
import io.qbank.review.service.ScheduleService;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "Due reviews, schedules (SM-2 or FSRS), the forecast, the learner's profile, XP and streaks")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.ADMIN })
public class ReviewResource {

    private final ScheduleService schedules;
    private final ProfileService profiles;
    private final FlagService flags;
    private final CurrentUserContext user;

    public ReviewResource(ScheduleService schedules, ProfileService profiles, FlagService flags, CurrentUserContext user) {
        this.schedules = schedules;
        this.profiles = profiles;
        this.flags = flags;
        this.user = user;
    }

    @GET
    @Path("/schedules")
    @Operation(summary = "My review schedules, soonest due first (roles: student, admin)")
    public Uni<List<ScheduleResponse>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return schedules.list(user.get(), page, size).map(list -> list.stream().map(ScheduleResponse::of).toList());
    }

    @GET
    @Path("/schedules/{itemId}")
    @Operation(summary = "My schedule for one item")
    @APIResponse(responseCode = "200", description = "The caller's schedule for the item")
    @APIResponse(responseCode = "404", description = "I have no schedule for this item")
    public Uni<ScheduleResponse> one(@PathParam("itemId") UUID itemId) {
        return schedules.get(user.get(), itemId).map(ScheduleResponse::of);
    }

    @GET
    @Path("/due")
    @Operation(summary = "My items due now, oldest due first",
            description = "Only items still published somewhere; with topicId, only items under that topic. When nothing is due, "
                    + "nextDueAt says when the next item falls due.")
    public Uni<DueResponse> due(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
            @QueryParam("topicId") UUID topicId) {
        return schedules.due(user.get(), topicId, limit).map(DueResponse::of);
    }

    @GET
    @Path("/forecast")
    @Operation(summary = "How many of my items fall due on each of the next days (my time zone; overdue ones count today)")
    public Uni<List<ScheduleService.DueDay>> forecast(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(365) int days) {
        return schedules.forecast(user.get(), days);
    }

    @GET
    @Path("/profile")
    @Operation(summary = "My scheduler, time zone, XP, level and daily streak")
    public Uni<ProfileResponse> profile() {
        return profiles.get(user.get()).map(ProfileResponse::of);
    }

    @PUT
    @Path("/profile")
    @Operation(summary = "Change my time zone, scheduler (sm2 or fsrs) or desired retention",
            description = "Switching scheduler, or FSRS's desired retention, recomputes every schedule from my attempts; the attempts stay.")
    @APIResponse(responseCode = "200", description = "The updated profile")
    @APIResponse(responseCode = "400", description = "Unknown time zone or scheduler, retention outside 0.7–0.99")
    public Uni<ProfileResponse> updateProfile(@NotNull @Valid ProfileRequest request) {
        ZoneId zone = null;
        if (request.timeZone() != null) {
            try {
                zone = ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                throw new ApiException(400, "Bad request", "unknown time zone " + request.timeZone(),
                        List.of(new Problem.Violation("timeZone", "must be an IANA time zone such as Europe/Berlin")));
            }
        }
        Scheduler scheduler = request.scheduler() == null ? null : Scheduler.of(request.scheduler()).orElseThrow();
        return profiles.update(user.get(), zone, scheduler, request.desiredRetention()).map(ProfileResponse::of);
    }

    @POST
    @Path("/items/{itemId}/flags")
    @Operation(summary = "Flag an item I have answered (wrong key, ambiguous, outdated…) for its publishers")
    @APIResponse(responseCode = "201", description = "Flagged; ItemFlagged goes to authoring",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlagResponse.class)))
    @APIResponse(responseCode = "404", description = "Not an item among my reviews")
    public Uni<RestResponse<FlagResponse>> flag(@PathParam("itemId") UUID itemId, @NotNull @Valid FlagRequest request) {
        return flags.flag(user.get(), itemId, request.reason(), request.comment()).map(f -> RestResponse.ResponseBuilder
                .<FlagResponse>created(URI.create("/api/v1/reviews/items/" + itemId + "/flags/" + f.flagId())).entity(FlagResponse.of(f)).build());
    }
}
