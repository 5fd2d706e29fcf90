package io.qbank.review.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import io.qbank.review.service.ReviewSessionService;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/reviews/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review sessions", description = "Sessions of due (or ahead-of-time) review items, answered one at a time")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.ADMIN })
public class SessionResource {

    private static final int DEFAULT_LIMIT = 20;

    private final ReviewSessionService sessions;
    private final CurrentUserContext user;

    public SessionResource(ReviewSessionService sessions, CurrentUserContext user) {
        this.sessions = sessions;
        this.user = user;
    }

    @POST
    @Operation(summary = "Start a review session over my due items, or a practice of my own study set, and serve the first (roles: student, admin)",
            description = "With nothing due the session is empty and nextDueAt says when to come back. A practice (personal) serves my "
                    + "own questions, new ones first; answers are graded at once and scheduled like reviews.")
    @APIResponse(responseCode = "201", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    public Uni<RestResponse<SessionResponse>> start(@Valid SessionRequest request) {
        SessionRequest r = request != null ? request : new SessionRequest(null, null, null, null, null);
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        boolean personal = Boolean.TRUE.equals(r.personal());
        if (personal && (r.topicId() != null || Boolean.TRUE.equals(r.ahead()))) {
            throw new ApiException(400, "Bad request", "a practice of my study set takes no topic and is not ahead",
                    List.of(new Problem.Violation(r.topicId() != null ? "topicId" : "ahead", "not with personal")));
        }
        if (!personal && r.materialId() != null) {
            throw new ApiException(400, "Bad request", "a material is chosen only for a practice of my study set",
                    List.of(new Problem.Violation("materialId", "only with personal")));
        }
        return (personal ? sessions.practise(user.get(), r.materialId(), limit) : sessions.start(user.get(), r.topicId(), Boolean.TRUE.equals(r.ahead()), limit))
                .map(n -> RestResponse.ResponseBuilder.<SessionResponse>created(URI.create("/api/v1/reviews/sessions/" + n.session().id()))
                        .entity(SessionResponse.of(n)).build());
    }

    @POST
    @Path("/{sessionId}/next")
    @Operation(summary = "The item to answer next (the same one again until it is answered), without its key")
    @APIResponse(responseCode = "200", description = "The session with its next item")
    @APIResponse(responseCode = "404", description = "No such session of mine")
    public Uni<SessionResponse> next(@PathParam("sessionId") UUID sessionId) {
        return sessions.next(user.get(), sessionId).map(SessionResponse::of);
    }

    @POST
    @Path("/{sessionId}/answers")
    @Operation(summary = "Answer a served item: the key, explanations and my new schedule",
            description = "Idempotent per position: the same answer again returns the same result; a different one answers 409.")
    @APIResponse(responseCode = "200", description = "The recorded answer with the new schedule")
    @APIResponse(responseCode = "404", description = "No such session of mine, or no such position")
    @APIResponse(responseCode = "409", description = "Not served yet, or already answered differently")
    public Uni<AnswerResponse> answer(@PathParam("sessionId") UUID sessionId, @NotNull @Valid AnswerRequest request) {
        return sessions.answer(user.get(), sessionId, request.position(), request.selectedLabel(), request.confidence(), request.timeTakenMs())
                .map(AnswerResponse::of);
    }
}
