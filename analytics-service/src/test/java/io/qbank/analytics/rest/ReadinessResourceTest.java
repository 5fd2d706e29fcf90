package io.qbank.analytics.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Readiness against a passing standard, from a student's answers (through Kafka) to calibrated items. */
@QuarkusTest
class ReadinessResourceTest {

    @Inject
    Pool db;

    private final String tenant = "t-" + UUID.randomUUID();
    private final UUID strong = UUID.randomUUID(), beginner = UUID.randomUUID(), admin = UUID.randomUUID();

    private RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .header("Authorization", TestTokens.bearer(user, tenantId, roles)).contentType(ContentType.JSON);
    }

    /** n calibrated items of STEP1 from easy to hard; the student answers rightly every item easier than their ability. */
    private void answers(UUID student, double ability, int n) {
        try (TestEvents events = new TestEvents()) {
            for (int i = 0; i < n; i++) {
                UUID item = UUID.randomUUID();
                double b = -2.5 + 5.0 * i / (n - 1);
                db.preparedQuery("""
                        INSERT INTO item_calibration (item_id, version, tenant_id, model, a, b, c, respondents, calibrated_at, job_id)
                        VALUES ($1, 1, $2, '3PL', 1.2, $3, 0.2, 500, now(), $4)""")
                        .execute(Tuple.of(item, tenant, b, UUID.randomUUID())).await().indefinitely();
                events.send(tenant, student.toString(), "q", new AnswerSubmitted(UUID.randomUUID(), UUID.randomUUID(), tenant, student, i + 1,
                        item, 1, UUID.randomUUID(), "STEP1", "A", b < ability, 3, 30_000, 0, 0.2, 0.9, "medium", "tutor", Instant.now()));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> db.preparedQuery("SELECT count(*) FROM response_fact WHERE tenant_id = $1 AND user_id = $2")
                .execute(Tuple.of(tenant, student)).await().indefinitely().iterator().next().getLong(0) == n);
    }

    @Test
    void readinessIsMeasuredAgainstTheTenantsStandardOnceMeaningful() {
        answers(strong, 1.0, 40);
        answers(beginner, 0.0, 10);
        String readiness = "/api/v1/analytics/students/me/readiness";

        as(strong, tenant, "student").queryParam("examCode", "STEP1").get(readiness).then().statusCode(200)
                .body("calibratedAnswers", equalTo(40)).body("minimumAnswers", equalTo(30)).body("passingTheta", nullValue())
                .body("probability", nullValue()).body("meaningful", equalTo(false)).body("explanation", containsString("not set a passing standard"));

        assertProblem(as(admin, tenant, "student").body(Map.of("passingTheta", 0.0)).put("/api/v1/analytics/standards/STEP1").then(), 403);
        as(admin, tenant, "admin").body(Map.of("passingTheta", 0.0)).put("/api/v1/analytics/standards/STEP1").then().statusCode(200)
                .body("passingTheta", equalTo(0.0)).body("updatedBy", equalTo(admin.toString()));
        as(strong, tenant, "student").get("/api/v1/analytics/standards/STEP1").then().statusCode(200).body("passingTheta", equalTo(0.0));

        as(strong, tenant, "student").queryParam("examCode", "STEP1").get(readiness).then().statusCode(200)
                .body("meaningful", equalTo(true)).body("theta", closeTo(1.0, 0.45)).body("se", lessThan(0.5))
                .body("probability", greaterThan(0.95)).body("explanation", containsString("40 calibrated items"));
        as(beginner, tenant, "student").queryParam("examCode", "STEP1").get(readiness).then().statusCode(200)
                .body("calibratedAnswers", equalTo(10)).body("meaningful", equalTo(false)).body("explanation", containsString("10 of the 30"));

        as(admin, tenant, "admin").body(Map.of("passingTheta", 2.0)).put("/api/v1/analytics/standards/STEP1").then().statusCode(200);
        as(strong, tenant, "student").queryParam("examCode", "STEP1").get(readiness).then().body("probability", lessThan(0.05));

        // the dashboard's one call: answers, accuracy, time, by topic, standing and the same readiness
        as(strong, tenant, "student").queryParam("examCode", "STEP1").get("/api/v1/analytics/students/me/progress").then().statusCode(200)
                .body("attempts", equalTo(40)).body("correct", equalTo(28)).body("accuracy", closeTo(0.7, 0.001))
                .body("meanTimeMs", closeTo(30000.0, 0.1)).body("topics.size()", equalTo(40)).body("peers", greaterThan(0))
                .body("readiness.meaningful", equalTo(true)).body("readiness.probability", lessThan(0.05))
                .body("examPaceMs", equalTo(90000)).body("blueprints.size()", equalTo(1)).body("blueprints[0].blueprintCode", nullValue())
                .body("blueprints[0].attempts", equalTo(40)).body("blueprints[0].correct", equalTo(28));

        // the exam's pace, set with the standard; out of range it is refused and nothing changes
        as(admin, tenant, "admin").body(Map.of("passingTheta", 2.0, "secondsPerItem", 72)).put("/api/v1/analytics/standards/STEP1").then()
                .statusCode(200).body("secondsPerItem", equalTo(72));
        assertProblem(as(admin, tenant, "admin").body(Map.of("passingTheta", 2.0, "secondsPerItem", 5)).put("/api/v1/analytics/standards/STEP1").then(), 400);
        as(strong, tenant, "student").get("/api/v1/analytics/standards/STEP1").then().statusCode(200).body("secondsPerItem", equalTo(72));
        as(strong, tenant, "student").queryParam("examCode", "STEP1").get("/api/v1/analytics/students/me/progress").then().statusCode(200)
                .body("examPaceMs", equalTo(72000));
        as(strong, tenant, "student").queryParam("examCode", "STEP2").get("/api/v1/analytics/students/me/progress").then().statusCode(200)
                .body("attempts", equalTo(0)).body("accuracy", nullValue()).body("topics.size()", equalTo(0));

        // another exam code, another student's, another tenant's
        as(strong, tenant, "student").queryParam("examCode", "STEP2").get(readiness).then().statusCode(200).body("calibratedAnswers", equalTo(0))
                .body("theta", nullValue());
        assertProblem(as(beginner, tenant, "student").queryParam("examCode", "STEP1").get("/api/v1/analytics/students/" + strong + "/readiness").then(), 404);
        assertProblem(as(admin, "t-" + UUID.randomUUID(), "admin").get("/api/v1/analytics/standards/STEP1").then(), 404);
        as(strong, "t-" + UUID.randomUUID(), "student").queryParam("examCode", "STEP1").get(readiness).then().statusCode(200)
                .body("calibratedAnswers", equalTo(0));

        assertProblem(as(strong, tenant, "student").get(readiness).then(), 400);
        assertProblem(as(strong, tenant, "student").queryParam("examCode", "step 1").get(readiness).then(), 400);
        assertProblem(as(admin, tenant, "admin").body(Map.of("passingTheta", 5)).put("/api/v1/analytics/standards/STEP1").then(), 400);
        assertProblem(as(admin, tenant, "admin").body(Map.of()).put("/api/v1/analytics/standards/STEP1").then(), 400);
    }
}
