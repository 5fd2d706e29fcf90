package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * PostgreSQL drops authoring's connections again and again: reads (Hibernate Reactive sessions and plain statements) are
 * tried once more and answer; nothing is answered 500.
 */
@QuarkusTest
@TestProfile(LostConnectionTest.OwnApplication.class)
class LostConnectionTest {

    /** An application of its own: the connections it drops are not the other tests'. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    Pool db;

    private final AuthoringClient api = new AuthoringClient();

    private void dropConnections() {
        db.query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
                .execute().await().indefinitely();
    }

    @Test
    void readsAfterALostConnectionAreTriedOnceMore() {
        String topic = api.topic("Cardiology", null);
        String item = api.createItem(AuthoringClient.content(topic, "A 62-year-old man has tearing chest pain."));
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (int round = 0; round < 20; round++) {
            for (String path : List.of("/topics/" + topic, "/items/" + item, "/items?q=tearing", "/topics")) {
                dropConnections();
                Response r = api.asAuthor().get(BASE + path);
                tried++;
                if (r.statusCode() != 200) {
                    wrong.add(path + " " + r.statusCode() + " " + r.asString());
                }
            }
        }
        System.out.printf("authoring lost connections: %d reads right after a drop, %d not answered%n", tried, wrong.size());
        assertThat(wrong).isEmpty();
    }
}
