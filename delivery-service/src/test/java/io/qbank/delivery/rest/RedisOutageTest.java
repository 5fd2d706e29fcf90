package io.qbank.delivery.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.ItemPublished;
import io.qbank.common.testing.PrivateRedis;
import io.qbank.delivery.service.ExposureCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Redis stopped under quiz traffic: students keep getting items and recording answers, delivery stays ready and says
 * it is degraded, each item's serves stay within the replica's budget, and when Redis is back the serves counted
 * meanwhile are added to its counters.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.OwnRedis.class)
class RedisOutageTest {

    static final int CAP = 40;

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qbank.delivery.daily-exposure-cap", String.valueOf(CAP), "qbank.delivery.exposure-outage-share", "0.5");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateRedis.class));
        }
    }

    @Inject
    Pool db;

    private DeliveryFixtures f;
    private final List<UUID> items = new ArrayList<>();
    private int tried;
    private int failed;

    private io.restassured.specification.RequestSpecification student(UUID id) {
        return f.as(id, f.tenant, "student");
    }

    /** One tutor quiz of three items, start to end; every request counted, and every one that is not 2xx. */
    private int takeQuiz() {
        UUID id = UUID.randomUUID();
        int served = 0;
        Response started = student(id).body(Map.of("examCode", f.exam, "mode", "tutor", "length", 3, "adaptive", false)).post("/api/v1/quizzes");
        count(started);
        if (started.statusCode() != 201) {
            return 0;
        }
        String quiz = started.path("id");
        for (int position = 1; position <= 3; position++) {
            Response next = student(id).post("/api/v1/quizzes/" + quiz + "/next");
            count(next);
            if (next.statusCode() != 200) {
                return served;
            }
            served++;
            count(student(id).body(Map.of("position", position, "selectedLabel", "A", "timeTakenMs", 1000)).post("/api/v1/quizzes/" + quiz + "/answers"));
        }
        return served;
    }

    private void count(Response r) {
        tried++;
        if (r.statusCode() >= 300) {
            failed++;
            System.out.println("outage test: " + r.statusCode() + " " + r.asString());
        }
    }

    private String ready() {
        return given().get("/q/health/ready").then().statusCode(200).extract().asString();
    }

    private double metric(String name) {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void publishBank() {
        f = new DeliveryFixtures(db);
        List<ItemPublished> bank = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID itemId = UUID.randomUUID();
            items.add(itemId);
            bank.add(f.item(itemId, 1, List.of(f.exam), "Stem " + i, List.of(UUID.randomUUID()), "medium", 3));
        }
        f.publish(bank);
    }

    @Test
    void quizzesGoOnWhileRedisIsDownAndItsCountersCatchUpWhenItIsBack() {
        publishBank();
        for (int i = 0; i < 3; i++) {
            assertThat(takeQuiz()).isEqualTo(3);
        }
        assertThat(ready()).contains("\"available\": true");
        double offlineBefore = metric("qbank_exposure_offline_serves_total");

        PrivateRedis.stopServer();
        long outageStarted = System.nanoTime();
        int triedBefore = tried;
        int servedDuringOutage = 0;
        while (System.nanoTime() - outageStarted < Duration.ofSeconds(6).toNanos()) {
            servedDuringOutage += takeQuiz();
        }
        int outageRequests = tried - triedBefore;
        assertThat(failed).as("requests that failed during the outage, of " + outageRequests).isZero();
        assertThat(ready()).contains("\"available\": false").contains("degraded");
        assertThat(metric("qbank_redis_available")).isZero();
        double offline = metric("qbank_exposure_offline_serves_total") - offlineBefore;
        assertThat(offline).as("serves counted by the replica alone").isEqualTo(servedDuringOutage);

        PrivateRedis.startServer(); // empty: what the counters held before the outage is lost, as Redis may lose it
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> ready().contains("\"available\": true")
                && metric("qbank_exposure_offline_pending") == 0);
        long recoveredMs = Duration.ofNanos(System.nanoTime() - back).toMillis();
        long counted = 0;
        for (UUID item : items) {
            String value = PrivateRedis.command("GET " + ExposureCounter.key(LocalDate.now(ZoneOffset.UTC), item, 1));
            counted += value == null ? 0 : Long.parseLong(value);
            assertThat(value == null ? 0 : Long.parseLong(value)).as("an item's serves during the outage").isLessThanOrEqualTo(CAP / 2);
        }
        assertThat(counted).as("serves added to the Redis counters").isEqualTo(servedDuringOutage);
        assertThat(takeQuiz()).isEqualTo(3);
        assertThat(failed).isZero();
        System.out.printf("Redis outage: %d requests during 6 s without Redis, %d failed, %d serves counted by the replica, "
                + "reconciled %d ms after Redis was back%n", outageRequests, failed, servedDuringOutage, recoveredMs);
    }
}
