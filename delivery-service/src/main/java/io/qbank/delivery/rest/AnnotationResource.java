package io.qbank.delivery.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.delivery.service.AnnotationService;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/quizzes/{quizId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Annotations", description = "What a student marks, strikes, highlights and notes while taking a quiz, kept for every device")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.ADMIN })
public class AnnotationResource {

    private final AnnotationService annotations;
    private final CurrentUserContext user;

    public AnnotationResource(AnnotationService annotations, CurrentUserContext user) {
        this.annotations = annotations;
        this.user = user;
    }

    @GET
    @Path("/positions")
    @Operation(summary = "The navigator: every served position in order, answered or not, with its marks, strikes, highlights and note")
    @APIResponse(responseCode = "200", description = "The served positions")
    @APIResponse(responseCode = "404", description = "No such quiz of mine")
    public Uni<List<PositionResponse>> positions(@PathParam("quizId") UUID quizId) {
        return annotations.positions(user.get(), quizId).map(list -> list.stream().map(PositionResponse::of).toList());
    }

    @PUT
    @Path("/items/{position}/annotation")
    @Operation(summary = "Set the marks, strikes, highlights and note of a served position",
            description = "The whole annotation is replaced. Allowed at any time of the student's own quiz; it changes no answer.")
    @APIResponse(responseCode = "200", description = "The position with its annotation")
    @APIResponse(responseCode = "404", description = "No such quiz of mine, or nothing served at that position")
    public Uni<PositionResponse> annotate(@PathParam("quizId") UUID quizId, @PathParam("position") @Min(1) @Max(1000) int position,
            @NotNull @Valid AnnotationRequest request) {
        return annotations.annotate(user.get(), quizId, request.toAnnotation(position)).map(PositionResponse::of);
    }
}
