package io.qbank.delivery.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Marks, strikes, highlights and notes: kept per served position of the student's own quiz, read back by the navigator. */
@QuarkusTest
class AnnotationTest {

    private static final String BASE = DeliveryFixtures.BASE;

    @Inject
    Pool db;

    private DeliveryFixtures f;

    @BeforeEach
    void publishBank() {
        f = new DeliveryFixtures(db);
        f.publishBank(4);
    }

    private Map<String, Object> annotation(boolean marked, List<String> struck, List<Map<String, Integer>> highlights, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("marked", marked);
        body.put("struck", struck);
        body.put("highlights", highlights);
        body.put("note", note);
        return body;
    }

    @Test
    void aStudentsAnnotationsAreKeptPerPositionAndShownByTheNavigator() {
        String quiz = f.start(Map.of("examCode", f.exam, "mode", "exam", "adaptive", false, "length", 3));
        f.next(quiz).then().statusCode(200);
        f.next(quiz).then().statusCode(200);
        f.answer(quiz, 1, "A").then().statusCode(200);

        f.asStudent().body(annotation(true, List.of("D", "B", "B"), List.of(Map.of("start", 2, "end", 9)), "Recheck the BP"))
                .put(BASE + "/" + quiz + "/items/2/annotation").then().statusCode(200)
                .body("position", equalTo(2)).body("answered", equalTo(false)).body("marked", equalTo(true))
                .body("struck", equalTo(List.of("B", "D"))).body("highlights[0].start", equalTo(2)).body("highlights[0].end", equalTo(9))
                .body("note", equalTo("Recheck the BP"));

        // the navigator: every served position, answered or not, with its annotation (another device sees the same)
        f.asStudent().get(BASE + "/" + quiz + "/positions").then().statusCode(200).body("", hasSize(2))
                .body("[0].position", equalTo(1)).body("[0].answered", equalTo(true)).body("[0].marked", equalTo(false))
                .body("[0].struck", hasSize(0)).body("[0].note", nullValue())
                .body("[1].position", equalTo(2)).body("[1].marked", equalTo(true)).body("[1].struck", equalTo(List.of("B", "D")));

        // the whole annotation is replaced: unmarking and clearing
        f.asStudent().body(annotation(false, List.of(), List.of(), "  ")).put(BASE + "/" + quiz + "/items/2/annotation").then()
                .statusCode(200).body("marked", equalTo(false)).body("struck", hasSize(0)).body("note", nullValue());
    }

    @Test
    void onlyTheStudentsOwnServedPositionsAndSaneAnnotations() {
        String quiz = f.start(Map.of("examCode", f.exam, "mode", "tutor", "length", 2));
        f.next(quiz).then().statusCode(200);
        Map<String, Object> fine = annotation(true, List.of("A"), List.of(), null);

        assertProblem(f.asStudent().body(fine).put(BASE + "/" + quiz + "/items/2/annotation").then(), 404);
        assertProblem(f.as(UUID.randomUUID(), f.tenant, "student").body(fine).put(BASE + "/" + quiz + "/items/1/annotation").then(), 404);
        assertProblem(f.as(f.student, "t-" + UUID.randomUUID(), "student").get(BASE + "/" + quiz + "/positions").then(), 404);
        assertProblem(f.as(UUID.randomUUID(), f.tenant, "student").get(BASE + "/" + quiz + "/positions").then(), 404);
        assertProblem(f.as(f.student, f.tenant, "author").body(fine).put(BASE + "/" + quiz + "/items/1/annotation").then(), 403);

        assertProblem(f.asStudent().body(annotation(false, List.of("F"), List.of(), null)).put(BASE + "/" + quiz + "/items/1/annotation").then(), 400);
        assertProblem(f.asStudent().body(annotation(false, List.of(), List.of(Map.of("start", 9, "end", 2)), null))
                .put(BASE + "/" + quiz + "/items/1/annotation").then(), 400);
        assertProblem(f.asStudent().body(annotation(false, List.of(), List.of(), "x".repeat(2001)))
                .put(BASE + "/" + quiz + "/items/1/annotation").then(), 400);
        f.asStudent().get(BASE + "/" + quiz + "/positions").then().statusCode(200).body("[0].marked", equalTo(false));
    }
}
