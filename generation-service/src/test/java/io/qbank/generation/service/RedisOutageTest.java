package io.qbank.generation.service;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.testing.PrivateRedis;
import io.qbank.common.testing.TestTokens;
import io.qbank.generation.llm.OpenAiStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Redis (which holds the rate-limit windows) stopped: jobs are still admitted, the hourly limit still holds per replica,
 * and generation stays ready, saying it is degraded.
 */
@QuarkusTest
@QuarkusTestResource(value = OpenAiStub.class, restrictToAnnotatedClass = true) // the same application as GenerationJobTest's
class RedisOutageTest {

    private final String tenant = "t-" + UUID.randomUUID();

    /** Starts a job and waits until it has ended (the stub answers nothing scripted with an error): the tenant may run 3 at once. */
    private void runJob(UUID author) {
        String id = as(author).body(job()).post("/api/v1/generation/jobs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !List.of("queued", "running")
                .contains(as(author).get("/api/v1/generation/jobs/" + id).then().extract().<String>path("state")));
    }

    private RequestSpecification as(UUID author) {
        return given().header("Authorization", TestTokens.bearer(author, tenant, "author")).contentType(ContentType.JSON);
    }

    private static Map<String, Object> job() {
        return Map.of("topic", "Cardiology", "difficulty", 3, "studentLevel", 4, "count", 1, "examCode", "STEP1");
    }

    @Test
    void jobsAreAdmittedWithinTheHourlyLimitWhileRedisIsDown() {
        runJob(UUID.randomUUID());
        PrivateRedis.stopServer();
        UUID author = UUID.randomUUID();
        for (int i = 0; i < 5; i++) { // the limit OpenAiStub sets for its tests: 5 an hour
            runJob(author);
        }
        assertProblem(as(author).body(job()).post("/api/v1/generation/jobs").then(), 429);
        assertThat(given().get("/q/health/ready").then().statusCode(200).extract().asString()).contains("\"available\": false");
        PrivateRedis.startServer();
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/q/health/ready").asString().contains("\"available\": true"));
        // Redis is back with empty windows: its count starts again
        runJob(UUID.randomUUID());
    }
}
