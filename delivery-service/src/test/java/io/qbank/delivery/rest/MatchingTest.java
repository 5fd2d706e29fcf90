package io.qbank.delivery.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/** The test builder's counts: what a test with these filters would draw from, for this student, before it starts. */
@QuarkusTest
class MatchingTest {

    private static final String BASE = DeliveryFixtures.BASE;

    @Inject
    Pool db;

    private io.restassured.response.Response matching(RequestSpecification as, String exam, Map<String, ?> filters) {
        return as.queryParam("examCode", exam).queryParams(filters).get(BASE + "/matching");
    }

    @Test
    void countsFollowTheFiltersAndTheStudentsOwnHistory() {
        DeliveryFixtures f = new DeliveryFixtures(db);
        UUID cardiology = UUID.randomUUID(), renal = UUID.randomUUID();
        f.publish(List.of(f.item(UUID.randomUUID(), 1, List.of(f.exam), "S1", List.of(cardiology), "easy", 2),
                f.item(UUID.randomUUID(), 1, List.of(f.exam), "S2", List.of(cardiology), "hard", 4),
                f.item(UUID.randomUUID(), 1, List.of(f.exam), "S3", List.of(renal), "easy", 2),
                f.item(UUID.randomUUID(), 1, List.of(f.exam), "S4", List.of(renal), "hard", 4)));

        matching(f.asStudent(), f.exam, Map.of()).then().statusCode(200).body("published", equalTo(4)).body("matching", equalTo(4))
                .body("unused", equalTo(4)).body("incorrect", equalTo(0)).body("flagged", equalTo(0));
        matching(f.asStudent(), f.exam, Map.of("topicIds", cardiology.toString(), "difficulties", "easy")).then()
                .body("matching", equalTo(1)).body("unused", equalTo(1));

        // one item served, answered wrongly and flagged (tutor: the history counts at once)
        String quiz = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 1));
        f.next(quiz).then().statusCode(200);
        f.answer(quiz, 1, "B").then().statusCode(200);
        f.asStudent().body(Map.of("reason", "incorrect_key")).post(BASE + "/" + quiz + "/items/1/flag").then().statusCode(201);
        matching(f.asStudent(), f.exam, Map.of()).then().body("published", equalTo(4)).body("matching", equalTo(4))
                .body("unused", equalTo(3)).body("incorrect", equalTo(1)).body("flagged", equalTo(1));
        matching(f.asStudent(), f.exam, Map.of("history", "unused")).then().body("matching", equalTo(3));
        // the exam codes with the student's used items, for the dashboard
        f.asStudent().get(BASE + "/exams").then().statusCode(200).body("find { it.examCode == '" + f.exam + "' }.items", equalTo(4))
                .body("find { it.examCode == '" + f.exam + "' }.used", equalTo(1));
        f.as(UUID.randomUUID(), f.tenant, "student").get(BASE + "/exams").then().body("find { it.examCode == '" + f.exam + "' }.used", equalTo(0));
        f.as(f.student, "t-" + UUID.randomUUID(), "student").get(BASE + "/exams").then().statusCode(200).body("size()", equalTo(0));
        matching(f.asStudent(), f.exam, Map.of("history", "incorrect")).then().body("matching", equalTo(1));

        // another student's and another tenant's counts are their own
        matching(f.as(UUID.randomUUID(), f.tenant, "student"), f.exam, Map.of()).then().body("unused", equalTo(4)).body("incorrect", equalTo(0));
        matching(f.as(f.student, "t-" + UUID.randomUUID(), "student"), f.exam, Map.of()).then().statusCode(200).body("published", equalTo(0))
                .body("matching", equalTo(0));

        assertProblem(matching(f.asStudent(), "not an exam", Map.of()).then(), 400);
        assertProblem(matching(f.asStudent(), f.exam, Map.of("history", "forgotten")).then(), 400);
        assertProblem(f.asStudent().get(BASE + "/matching").then(), 400);
        assertProblem(matching(f.as(f.student, f.tenant, "author"), f.exam, Map.of()).then(), 403);
    }
}
