package io.qbank.analytics.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.analytics.messaging.AnalyticsIngestTest;
import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ExposureControlUpdated;
import io.qbank.common.events.ItemCalibrated;
import io.qbank.common.events.Topics;
import io.qbank.common.psychometrics.Irt3pl;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Calibration and Sympson–Hetter jobs end to end: answers through Kafka, the job over HTTP, the results read back from Kafka. */
@QuarkusTest
class JobResourceTest {

    private static final String JOBS = "/api/v1/analytics/jobs";

    @Inject
    Pool db;

    private final String tenant = "t-" + UUID.randomUUID();

    private RequestSpecification as(String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), tenantId, roles)).contentType("application/json");
    }

    private long facts() {
        return db.preparedQuery("SELECT count(*) FROM response_fact WHERE tenant_id = $1").execute(Tuple.of(tenant))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private String awaitJob(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !"running".equals(as(tenant, "publisher").get(JOBS + "/" + jobId)
                .then().statusCode(200).extract().path("state")));
        return as(tenant, "publisher").get(JOBS + "/" + jobId).then().extract().path("state");
    }

    @Test
    void calibrationPublishesItemCalibratedAndExposureControlPublishesAcceptanceProbabilities() {
        // 6 items with known 2PL parameters answered by 400 students; a 7th answered by 30 stays uncalibrated
        double[][] truth = { { 1.2, -1.0 }, { 0.8, -0.3 }, { 1.0, 0.0 }, { 1.5, 0.4 }, { 0.7, 1.0 }, { 1.1, 0.6 } };
        List<UUID> items = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        try (TestEvents events = new TestEvents()) {
            for (int j = 0; j < 7; j++) {
                UUID item = UUID.randomUUID();
                items.add(item);
                events.send(tenant, item.toString(), item + "/1", AnalyticsIngestTest.published(item, tenant, UUID.randomUUID(), List.of(), "CAL"));
            }
            int sent = 0;
            for (int s = 0; s < 400; s++) {
                UUID student = UUID.randomUUID(), quiz = UUID.randomUUID();
                double theta = random.nextGaussian();
                for (int j = 0; j < 7; j++) {
                    if (j == 6 && s >= 30) {
                        continue;
                    }
                    double a = j < 6 ? truth[j][0] : 1, b = j < 6 ? truth[j][1] : 0;
                    boolean correct = random.nextDouble() < Irt3pl.probability(theta, a, b, 0);
                    events.send(tenant, student.toString(), quiz.toString(), new AnswerSubmitted(UUID.randomUUID(), quiz, tenant, student, j + 1,
                            items.get(j), 1, null, "CAL", correct ? "A" : "B", correct, null, 1000, 0, 0, 1, "medium", "tutor",
                            AnalyticsIngestTest.AT));
                    sent++;
                }
            }
            int expected = sent;
            await().atMost(Duration.ofSeconds(60)).until(() -> facts() == expected);
        }

        try (KafkaTopicReader calibrations = new KafkaTopicReader(Topics.CALIBRATION)) {
            String jobId = as(tenant, "publisher").body(Map.of("model", "2PL", "minimumResponses", 100)).post(JOBS + "/calibration")
                    .then().statusCode(202).body("kind", equalTo("calibration")).body("state", equalTo("running"))
                    .extract().path("jobId");
            assertThat(awaitJob(jobId)).isEqualTo("succeeded");
            as(tenant, "admin").get(JOBS + "/" + jobId).then().body("result.calibrated", equalTo(6)).body("result.examinees", equalTo(400))
                    .body("result.converged", equalTo(true));
            for (int j = 0; j < 6; j++) {
                List<CloudEvent> published = calibrations.awaitEvents(EventType.ITEM_CALIBRATED.ceType(), items.get(j) + "/1", 1,
                        Duration.ofSeconds(20));
                assertThat(published).as("ItemCalibrated of item %d", j).hasSize(1);
                ItemCalibrated c = published.get(0).dataAs(ItemCalibrated.class);
                assertThat(c.model()).isEqualTo("2PL");
                assertThat(c.respondents()).isEqualTo(400);
                assertThat(c.b()).as("b of item %d", j).isBetween(truth[j][1] - 0.5, truth[j][1] + 0.5);
                assertThat(c.a()).as("a of item %d", j).isBetween(truth[j][0] * 0.5, truth[j][0] * 1.6);
                assertThat(c.seB()).isPositive();
            }
            assertThat(calibrations.await(r -> r.key().equals(items.get(6).toString())
                    && new String(r.headers().lastHeader("ce_type").value()).equals(EventType.ITEM_CALIBRATED.ceType()), 1,
                    Duration.ofSeconds(1))).as("the item under the minimum keeps its defaults").isEmpty();

            String shJob = as(tenant, "admin").body(Map.of("examCode", "CAL", "targetRate", 0.5, "examinees", 300, "quizLength", 3))
                    .post(JOBS + "/exposure-control").then().statusCode(202).extract().path("jobId");
            assertThat(awaitJob(shJob)).isEqualTo("succeeded");
            for (UUID item : items) {
                List<CloudEvent> updates = calibrations.awaitEvents(EventType.EXPOSURE_CONTROL_UPDATED.ceType(), item + "/1", 1, Duration.ofSeconds(20));
                assertThat(updates).hasSize(1);
                ExposureControlUpdated u = updates.get(0).dataAs(ExposureControlUpdated.class);
                assertThat(u.shP()).isGreaterThan(0).isLessThanOrEqualTo(1);
                assertThat(u.targetRate()).isEqualTo(0.5);
            }
            // 7 items, 3 per quiz: without control the 3 most informative would be in every quiz; with it none above ~0.5
            Map<String, Object> result = as(tenant, "admin").get(JOBS + "/" + shJob).then().extract().path("result");
            assertThat(((Number) result.get("maxExposureRate")).doubleValue()).isLessThanOrEqualTo(0.6);
        }
        as(tenant, "admin").get(JOBS + "?kind=calibration").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void oneRunningJobPerKindAndTenantRolesAndBadInput() {
        db.preparedQuery("INSERT INTO analytics_job (job_id, tenant_id, kind, state, requested_by, parameters) VALUES ($1, $2, 'calibration', 'running', 'x', $3)")
                .execute(Tuple.of(UUID.randomUUID(), tenant, new JsonObject())).await().indefinitely();
        assertProblem(as(tenant, "admin").body("{}").post(JOBS + "/calibration").then(), 409);
        assertProblem(as(tenant, "student").body("{}").post(JOBS + "/calibration").then(), 403);
        assertProblem(as(tenant, "author").body(Map.of("examCode", "X")).post(JOBS + "/exposure-control").then(), 403);
        assertProblem(as(tenant, "admin").body(Map.of("model", "4PL")).post(JOBS + "/calibration").then(), 400);
        assertProblem(as(tenant, "admin").body(Map.of("minimumResponses", 1)).post(JOBS + "/calibration").then(), 400);
        assertProblem(as(tenant, "admin").body(Map.of("examCode", "X", "targetRate", 2)).post(JOBS + "/exposure-control").then(), 400);
        assertProblem(as(tenant, "admin").body(Map.of()).post(JOBS + "/exposure-control").then(), 400);
        assertProblem(as(tenant, "admin").body("{\"model\":").post(JOBS + "/calibration").then(), 400);
        String other = "other-" + UUID.randomUUID();
        String jobId = as(other, "admin").body(Map.of("examCode", "NONE")).post(JOBS + "/exposure-control").then().statusCode(202)
                .extract().path("jobId");
        assertProblem(as(tenant, "admin").get(JOBS + "/" + jobId).then(), 404);
        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(as(other, "admin").get(JOBS + "/" + jobId).then().extract().path("state")));
        as(other, "admin").get(JOBS + "/" + jobId).then().body("error", equalTo("no live items in exam NONE"));
    }
}
