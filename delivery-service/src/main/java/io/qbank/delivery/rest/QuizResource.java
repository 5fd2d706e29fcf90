package io.qbank.delivery.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.qbank.common.error.ApiException;
import io.qbank.common.error.RetryReads;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.domain.QuizFilters;
import io.qbank.delivery.domain.Quota;
import io.qbank.delivery.service.QuizService;
import io.smallrye.mutiny.Uni;

@RetryReads
@Path("/api/v1/quizzes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Quizzes", description = "Adaptive and linear quizzes in tutor or exam mode: start, serve, answer, navigate, finish, results")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.STUDENT, Roles.ADMIN })
public class QuizResource {

    private final QuizService quizzes;
    private final CurrentUserContext user;

    public QuizResource(QuizService quizzes, CurrentUserContext user) {
        this.quizzes = quizzes;
        this.user = user;
    }

    @POST
    @Operation(summary = "Start a quiz on an exam code (roles: student, admin)",
            description = "Tutor mode shows the key after each answer; exam mode only after the quiz ends. Adaptive by default. "
                    + "Filters narrow the pool (topic subtrees, difficulty, my history); quotas ask for at least so many items per topic.")
    @APIResponse(responseCode = "201", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuizResponse.class)))
    @APIResponse(responseCode = "422", description = "No items are published for the exam code, none passes the filters, or a quota's topic has none")
    public Uni<RestResponse<QuizResponse>> start(@NotNull @Valid QuizRequest request) {
        QuizFilters filters = new QuizFilters(request.topicIds() == null ? List.of() : List.copyOf(request.topicIds()),
                request.difficulties() == null ? List.of() : List.copyOf(request.difficulties()), request.history());
        List<Quota> quotas = request.quotas() == null ? List.of()
                : request.quotas().stream().map(q -> new Quota(q.topicId(), q.count(), 0)).toList();
        return quizzes.start(user.get(), request.examCode(), request.mode(), request.adaptive() == null || request.adaptive(),
                request.length(), request.timeLimitSeconds(), filters, quotas, request.seTarget())
                .map(q -> RestResponse.ResponseBuilder.<QuizResponse>created(URI.create("/api/v1/quizzes/" + q.id()))
                        .entity(QuizResponse.of(q)).build());
    }

    @GET
    @Operation(summary = "My quizzes, newest first (roles: student, admin)")
    public Uni<List<QuizResponse>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return quizzes.list(user.get(), page, size).map(list -> list.stream().map(QuizResponse::of).toList());
    }

    @GET
    @Path("/exams")
    @Operation(summary = "The exam codes I can take tests of, with their published items and how many of those I have used")
    @APIResponse(responseCode = "200", description = "The exam codes, alphabetically")
    public Uni<List<ExamResponse>> exams() {
        return quizzes.exams(user.get()).map(list -> list.stream().map(e -> new ExamResponse(e.examCode(), e.items(), e.used())).toList());
    }

    /** An exam code with published items. */
    public record ExamResponse(
            @Schema(example = "STEP1") String examCode,
            @Schema(description = "Published items", example = "2400") int items,
            @Schema(description = "Of those, served to me in a test", example = "318") int used) {
    }

    @GET
    @Path("/matching")
    @Operation(summary = "How many items a test would draw from, before it starts",
            description = "The published items of the exam code, those that pass the filters, and, among those that pass the "
                    + "topic and difficulty filters, my unused, incorrect and flagged ones.")
    @APIResponse(responseCode = "200", description = "The counts")
    public Uni<MatchingResponse> matching(
            @Parameter(example = "STEP1") @QueryParam("examCode") @NotNull @jakarta.validation.constraints.Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,31}$") String examCode,
            @Parameter(description = "only items under these topics (subtrees)") @QueryParam("topicIds") @Size(max = 50) List<@NotNull UUID> topicIds,
            @QueryParam("difficulties") @Size(max = 4) List<@NotNull @jakarta.validation.constraints.Pattern(regexp = "easy|medium|hard|nbme") String> difficulties,
            @QueryParam("history") @jakarta.validation.constraints.Pattern(regexp = "unused|incorrect|flagged") String history) {
        QuizFilters filters = new QuizFilters(topicIds == null ? List.of() : List.copyOf(topicIds),
                difficulties == null ? List.of() : List.copyOf(difficulties), history);
        return quizzes.matching(user.get(), examCode, filters).map(MatchingResponse::of);
    }

    @GET
    @Path("/{quizId}")
    @Operation(summary = "One of my quizzes")
    @APIResponse(responseCode = "200", description = "The quiz")
    @APIResponse(responseCode = "404", description = "No such quiz of mine")
    public Uni<QuizResponse> get(@PathParam("quizId") UUID quizId) {
        return quizzes.get(user.get(), quizId).map(QuizResponse::of);
    }

    @POST
    @Path("/{quizId}/next")
    @Operation(summary = "The next item (or, forward-only, the current unanswered one again, after a reconnect)",
            description = "Never carries the key, the rationale or explanations. A linear exam serves its next position whether or "
                    + "not the current one is answered (409 once every position is served).")
    @APIResponse(responseCode = "200", description = "The next served item")
    @APIResponse(responseCode = "404", description = "No such quiz of mine")
    @APIResponse(responseCode = "409", description = "The quiz has ended (completed, expired, or the pool is exhausted), or every position of a linear exam is served")
    public Uni<ServedItemResponse> next(@PathParam("quizId") UUID quizId) {
        return quizzes.next(user.get(), quizId).map(outcome -> ServedItemResponse.of(orEnded(outcome)));
    }

    @GET
    @Path("/{quizId}/items/{position}")
    @Operation(summary = "The item at a served position, with my answer if given (roles: student, admin)",
            description = "A linear exam is a block: the student goes back to any served position and may change its answer until "
                    + "the block ends. Never carries the key, the rationale or explanations.")
    @APIResponse(responseCode = "200", description = "The served item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServedItemResponse.class)))
    @APIResponse(responseCode = "404", description = "No such quiz of mine, or nothing served at that position")
    public Uni<ServedItemResponse> servedAt(@PathParam("quizId") UUID quizId, @PathParam("position") @Min(1) int position) {
        return quizzes.servedAt(user.get(), quizId, position).map(ServedItemResponse::of);
    }

    @POST
    @Path("/{quizId}/answers")
    @Operation(summary = "Answer the item at a served position (idempotent: a retry returns the same result)",
            description = "Tutor mode answers with the key at once, and an answer is final. Exam mode only records the answer; "
                    + "in a linear exam the student may answer the served positions in any order and change an answer until "
                    + "the block ends (the time spent adds up), and the block ends only when finished or expired. An adaptive "
                    + "quiz serves the next item only after the current one is answered.")
    @APIResponse(responseCode = "200", description = "The recorded answer; in tutor mode with the key and explanations")
    @APIResponse(responseCode = "404", description = "No such quiz of mine")
    @APIResponse(responseCode = "409", description = "The quiz has ended, or the position was answered differently (tutor, adaptive)")
    @APIResponse(responseCode = "422", description = "Nothing was served at that position, or the label is not an option")
    public Uni<AnswerResponse> answer(@PathParam("quizId") UUID quizId, @NotNull @Valid AnswerRequest request) {
        return quizzes.answer(user.get(), quizId, request.position(), request.selectedLabel(), request.confidence(), request.timeTakenMs())
                .map(outcome -> AnswerResponse.of(orEnded(outcome)));
    }

    @POST
    @Path("/{quizId}/items/{position}/flag")
    @Operation(summary = "Flag the item served at a position (wrong key, ambiguous, outdated…) for the authors",
            description = "Sends ItemFlagged to authoring's review queue. Flagging the same position again returns the first flag.")
    @APIResponse(responseCode = "201", description = "Flagged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlagResponse.class)))
    @APIResponse(responseCode = "200", description = "Already flagged: the first flag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlagResponse.class)))
    @APIResponse(responseCode = "404", description = "No such quiz of mine, or nothing served at that position")
    public Uni<RestResponse<FlagResponse>> flag(@PathParam("quizId") UUID quizId, @PathParam("position") @Min(1) int position,
            @NotNull @Valid FlagRequest request) {
        return quizzes.flag(user.get(), quizId, position, request.reason(), request.comment()).map(f -> f.created()
                ? RestResponse.ResponseBuilder.<FlagResponse>created(URI.create("/api/v1/quizzes/" + quizId + "/items/" + position + "/flag"))
                        .entity(FlagResponse.of(quizId, position, f)).build()
                : RestResponse.ok(FlagResponse.of(quizId, position, f)));
    }

    @POST
    @Path("/{quizId}/finish")
    @Operation(summary = "End the quiz now; returns the results with keys and explanations")
    @APIResponse(responseCode = "200", description = "The quiz's results")
    @APIResponse(responseCode = "404", description = "No such quiz of mine")
    public Uni<QuizResultResponse> finish(@PathParam("quizId") UUID quizId) {
        return quizzes.finish(user.get(), quizId).chain(q -> quizzes.results(q).map(served -> QuizResultResponse.of(q, served)));
    }

    @GET
    @Path("/{quizId}/results")
    @Operation(summary = "Score, ability, per-topic breakdown, time and each item (keys only after the end in exam mode)")
    @APIResponse(responseCode = "200", description = "The quiz's results")
    @APIResponse(responseCode = "404", description = "No such quiz of mine")
    public Uni<QuizResultResponse> results(@PathParam("quizId") UUID quizId) {
        return quizzes.get(user.get(), quizId).chain(q -> quizzes.results(q).map(served -> QuizResultResponse.of(q, served)));
    }

    private static <T> T orEnded(QuizService.Outcome<T> outcome) {
        if (outcome.value() != null) {
            return outcome.value();
        }
        Quiz quiz = outcome.quiz();
        throw ApiException.conflict("the quiz is " + quiz.status()
                + (Quiz.EXPIRED.equals(quiz.status()) ? " (its time limit passed at " + quiz.expiresAt() + ")" : "") + "; see its results");
    }
}
