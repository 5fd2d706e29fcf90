package io.qbank.delivery.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.ItemPublished;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * PostgreSQL drops the service's connections (as a restart does) again and again under quiz traffic: no request is
 * answered 500; a read is tried once more and answers; what cannot be answered is a 503 problem with Retry-After.
 */
@QuarkusTest
@TestProfile(LostConnectionTest.OwnApplication.class)
class LostConnectionTest {

    /** An application of its own: the connections it drops are not the other tests' (the Kafka consumers' among them). */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    private static final String BASE = DeliveryFixtures.BASE;

    @Inject
    Pool db;

    private int tried;
    private int ok;
    private int unavailable;
    private final List<String> wrong = new ArrayList<>();

    /** Terminates every connection to the service's database but the one that asks. */
    private void dropConnections() {
        db.query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
                .execute().await().indefinitely();
    }

    private Response record(Response r, boolean read) {
        tried++;
        int status = r.statusCode();
        if (status < 300 || status == 409 && !read) {
            ok++;
        } else if (status == 503 && r.getHeader("Retry-After") != null && r.contentType().startsWith("application/problem+json")) {
            unavailable++;
        } else {
            wrong.add(status + " " + r.asString());
        }
        return r;
    }

    private void retried(java.util.function.Supplier<Response> request) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Response r = request.get();
            if (r.statusCode() != 503) {
                return;
            }
            try {
                Thread.sleep(1000L * Integer.parseInt(r.getHeader("Retry-After")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aLostConnectionIsRetriedForAReadAndNeverA500() {
        DeliveryFixtures f = new DeliveryFixtures(db);
        List<ItemPublished> bank = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bank.add(f.item(UUID.randomUUID(), 1, List.of(f.exam), "Stem " + i, List.of(UUID.randomUUID()), "medium", 3));
        }
        f.publish(bank);
        String quiz = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 6));
        int readsRightAfterADrop = 0;
        int readsRightAfterADropOk = 0;
        for (int round = 0; round < 30; round++) {
            dropConnections();
            Response read = record(f.asStudent().get(BASE + "/" + quiz + "/results"), true);
            readsRightAfterADrop++;
            readsRightAfterADropOk += read.statusCode() == 200 ? 1 : 0;
            record(f.asStudent().get(BASE), true);
            if (round < 6) {
                // a write right after a drop may be refused with 503; the client tries again after Retry-After, as told
                dropConnections();
                int position = round + 1;
                retried(() -> record(f.next(quiz), false));
                dropConnections();
                retried(() -> record(f.answer(quiz, position, "A"), false));
            }
        }
        f.asStudent().get(BASE + "/" + quiz).then().statusCode(200).body("answered", org.hamcrest.Matchers.equalTo(6))
                .body("status", org.hamcrest.Matchers.equalTo("completed"));
        assertThat(f.count("SELECT count(*) FROM response WHERE quiz_id = $1", UUID.fromString(quiz))).isEqualTo(6);
        System.out.printf("lost connections: %d requests, %d answered, %d answered 503, %d wrong; %d of %d reads right after a drop answered%n",
                tried, ok, unavailable, wrong.size(), readsRightAfterADropOk, readsRightAfterADrop);
        assertThat(wrong).as("answers that are neither a success nor a 503 problem with Retry-After").isEmpty();
        assertThat(readsRightAfterADropOk).as("reads right after the connections dropped that the retry answered").isEqualTo(readsRightAfterADrop);
    }
}
