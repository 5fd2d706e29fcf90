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
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Redis (which holds the rate-limit windows) stopped: jobs are still admitted, the hourly limit still holds per replica,
 * and generation stays ready, saying it is degraded.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.OwnRedis.class)
class RedisOutageTest {

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qbank.generation.max-concurrent-jobs-per-tenant", "100");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateRedis.class), new TestResourceEntry(OpenAiStub.class));
        }
    }

    private final String tenant = "t-" + UUID.randomUUID();

    private RequestSpecification as(UUID author) {
        return given().header("Authorization", TestTokens.bearer(author, tenant, "author")).contentType(ContentType.JSON);
    }

    private static Map<String, Object> job() {
        return Map.of("topic", "Cardiology", "difficulty", 3, "studentLevel", 4, "count", 1, "examCode", "STEP1");
    }

    @Test
    void jobsAreAdmittedWithinTheHourlyLimitWhileRedisIsDown() {
        UUID before = UUID.randomUUID();
        as(before).body(job()).post("/api/v1/generation/jobs").then().statusCode(202);
        PrivateRedis.stopServer();
        UUID author = UUID.randomUUID();
        for (int i = 0; i < 5; i++) { // the limit of this test profile (OpenAiStub): 5 an hour
            as(author).body(job()).post("/api/v1/generation/jobs").then().statusCode(202);
        }
        assertProblem(as(author).body(job()).post("/api/v1/generation/jobs").then(), 429);
        assertThat(given().get("/q/health/ready").then().statusCode(200).extract().asString()).contains("\"available\": false");
        PrivateRedis.startServer();
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/q/health/ready").asString().contains("\"available\": true"));
        // Redis is back with empty windows: its count starts again
        as(UUID.randomUUID()).body(job()).post("/api/v1/generation/jobs").then().statusCode(202);
    }
}
