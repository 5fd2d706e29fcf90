package io.qbank.review.rest;

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

import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.review.service.ScheduleService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.ADMIN })
public class ReviewResource {

    private final ScheduleService schedules;
    private final CurrentUserContext user;

    public ReviewResource(ScheduleService schedules, CurrentUserContext user) {
        this.schedules = schedules;
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
    @APIResponse(responseCode = "404", description = "I have no schedule for this item")
    public Uni<ScheduleResponse> one(@PathParam("itemId") UUID itemId) {
        return schedules.get(user.get(), itemId).map(ScheduleResponse::of);
    }

    @GET
    @Path("/due")
    @Operation(summary = "My items due now, oldest due first")
    public Uni<List<ScheduleResponse>> due(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return schedules.due(user.get(), limit).map(list -> list.stream().map(ScheduleResponse::of).toList());
    }
}
