package io.qbank.analytics.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qbank.analytics.config.AnalyticsConfig;
import io.qbank.analytics.psychometrics.ClassicalStatistics;
import io.qbank.analytics.psychometrics.Readiness;
import io.qbank.analytics.repository.ReadinessQueries;
import io.qbank.analytics.repository.RollupQueries;
import io.qbank.analytics.rest.AnalyticsViews.StudentStanding;
import io.qbank.analytics.rest.AnalyticsViews.TopicMastery;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.RetryReads;
import io.qbank.common.psychometrics.AbilityEstimator;
import io.qbank.common.security.CurrentUser;
import io.qbank.common.security.CurrentUserContext;
import io.qbank.common.security.Roles;
import io.smallrye.mutiny.Uni;

/** A student's mastery by topic and standing; a student sees only their own, publishers and admins anyone's in the tenant. */
@RetryReads
@Path("/api/v1/analytics/students")
@Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
@Tag(name = "Students", description = "A student's mastery by topic and standing among the tenant's students")
@SecurityRequirement(name = "jwt")
public class StudentResource {

    private final RollupQueries rollups;
    private final ReadinessQueries readinessQueries;
    private final CurrentUserContext user;
    private final AnalyticsConfig config;

    public StudentResource(RollupQueries rollups, ReadinessQueries readinessQueries, CurrentUserContext user, AnalyticsConfig config) {
        this.rollups = rollups;
        this.readinessQueries = readinessQueries;
        this.user = user;
        this.config = config;
    }

    @GET
    @Path("/{userId}/mastery")
    @RolesAllowed({ Roles.STUDENT, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Mastery per topic (every topic above an item's topic counts its answers too); JSON or CSV",
            description = "userId may be 'me'. Students: only their own (another's answers 404). A user id without answers in the "
                    + "caller's tenant answers 404, as another tenant's does.")
    public Uni<List<TopicMastery>> mastery(@PathParam("userId") String userId) {
        UUID student = visibleStudent(userId);
        return rollups.mastery(user.get().tenantId(), student).map(topics -> {
            // the caller's own mastery may be empty; anyone else's is there only for a student of the tenant with answers
            if (topics.isEmpty() && !student.equals(user.get().userId())) {
                throw ApiException.notFound("student", student);
            }
            return topics;
        });
    }

    @GET
    @Path("/{userId}/standing")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STUDENT, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "Accuracy, latest ability estimate and percentile rank within the tenant",
            description = "userId may be 'me'. The rank is among students with at least qbank.analytics.percentile-minimum-attempts answers.")
    public Uni<StudentStanding> standing(@PathParam("userId") String userId) {
        UUID student = visibleStudent(userId);
        return rollups.standing(user.get().tenantId(), student, config.percentileMinimumAttempts()).map(row -> {
            if (row == null) {
                throw ApiException.notFound("student", student);
            }
            long peers = row.getLong("peers");
            return new StudentStanding(student, row.getLong("attempts"), row.getLong("correct"), row.getDouble("accuracy"),
                    row.getDouble("theta"), AnalyticsViews.defined(ClassicalStatistics.percentileRank(row.getLong("below"), row.getLong("equal"), peers)),
                    peers);
        });
    }

    @GET
    @Path("/{userId}/readiness")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STUDENT, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "How likely the student is to pass an exam code's standard: ability and standard error from calibrated items",
            description = "userId may be 'me'. The ability is estimated (EAP, standard normal prior) from the student's latest answer to "
                    + "each calibrated item of the exam code; the probability is that of an ability above the tenant's passing "
                    + "standard, Φ((θ − θ_pass) / SE). Meaningful from qbank.analytics.readiness-minimum-answers calibrated answers "
                    + "and a standard; exam answers count once their exam has ended.")
    @APIResponse(responseCode = "200", description = "The readiness, or why it is not meaningful yet")
    public Uni<ReadinessResponse> readiness(@PathParam("userId") String userId,
            @QueryParam("examCode") @NotNull @jakarta.validation.constraints.Pattern(regexp = StandardResource.EXAM_CODE) String examCode) {
        UUID student = visibleStudent(userId);
        String tenant = user.get().tenantId();
        return Uni.combine().all().unis(readinessQueries.calibratedResponses(tenant, student, examCode), readinessQueries.standard(tenant, examCode))
                .asTuple().map(both -> readiness(examCode, both.getItem1(), both.getItem2()));
    }

    private ReadinessResponse readiness(String examCode, List<AbilityEstimator.Response> responses, ReadinessQueries.Standard standard) {
        return ReadinessResponse.of(examCode, Readiness.of(responses, standard == null ? null : standard.passingTheta(), config.readinessMinimumAnswers()),
                config.readinessMinimumAnswers());
    }

    @GET
    @Path("/{userId}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STUDENT, Roles.PUBLISHER, Roles.ADMIN })
    @Operation(summary = "A student's dashboard of one exam code: answers, accuracy, time per item, by topic, percentile and readiness",
            description = "userId may be 'me'. One call for the student's dashboard; exam answers count once their exam has ended.")
    @APIResponse(responseCode = "200", description = "The progress, with zero answers for an exam code not practised yet")
    public Uni<ProgressResponse> progress(@PathParam("userId") String userId,
            @QueryParam("examCode") @NotNull @jakarta.validation.constraints.Pattern(regexp = StandardResource.EXAM_CODE) String examCode) {
        UUID student = visibleStudent(userId);
        String tenant = user.get().tenantId();
        return Uni.combine().all().unis(readinessQueries.progress(tenant, student, examCode),
                rollups.standing(tenant, student, config.percentileMinimumAttempts()), readinessQueries.calibratedResponses(tenant, student, examCode),
                readinessQueries.standard(tenant, examCode)).asTuple()
                .map(all -> {
                    var p = all.getItem1();
                    var standing = all.getItem2();
                    var standard = all.getItem4();
                    Double percentile = standing == null ? null : AnalyticsViews.defined(ClassicalStatistics.percentileRank(
                            standing.getLong("below"), standing.getLong("equal"), standing.getLong("peers")));
                    int pace = standard != null && standard.secondsPerItem() != null ? standard.secondsPerItem() : config.defaultSecondsPerItem();
                    return new ProgressResponse(examCode, p.attempts(), p.correct(),
                            p.attempts() == 0 ? null : (double) p.correct() / p.attempts(), p.meanTimeMs(), pace * 1000L,
                            p.topics().stream().map(ProgressResponse.TopicResult::of).toList(), ProgressResponse.BlueprintResult.of(p.topics()),
                            percentile, standing == null ? 0 : standing.getLong("peers"), readiness(examCode, all.getItem3(), standard));
                });
    }

    /** 'me' or a user id; a student asking for someone else gets 404, as for an object that is not theirs. */
    private UUID visibleStudent(String userId) {
        CurrentUser me = user.get();
        if ("me".equals(userId)) {
            return me.userId();
        }
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("userId is 'me' or a UUID: " + userId);
        }
        if (!id.equals(me.userId()) && !me.hasRole(Roles.PUBLISHER) && !me.isAdmin()) {
            throw ApiException.notFound("student", id);
        }
        return id;
    }
}
