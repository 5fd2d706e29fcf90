package io.qbank.review.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.qbank.review.rest.ReviewFixtures.BASE;
import static io.qbank.review.rest.ReviewFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.PersonalItemChanged;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A learner's personal questions (from generation's qbank.personal.v1): practised by their owner alone in tutor mode,
 * scheduled like bank items and marked personal in the due queue and in ReviewRecorded; a report takes one out of
 * service, an edit brings it back, a removal leaves nothing of it.
 */
@QuarkusTest
class PersonalPracticeTest {

    @Inject
    Pool db;

    private ReviewFixtures f;
    private final UUID notes = UUID.randomUUID();
    private final UUID otherNotes = UUID.randomUUID();
    private UUID first;
    private UUID second;

    @BeforeEach
    void twoQuestionsOfMyNotesAndOneOfOthers() {
        f = new ReviewFixtures(db);
        first = change(UUID.randomUUID(), 1, "active", notes);
        second = change(UUID.randomUUID(), 1, "active", notes);
        change(UUID.randomUUID(), 1, "active", otherNotes);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private PersonalItemChanged question(UUID itemId, int version, String state, UUID material) {
        return new PersonalItemChanged(itemId, f.tenant, f.student, version, state, List.of(material), "Cardiology", "medium",
                "A 61-year-old man has tearing chest pain, v" + version, "Which is the most likely diagnosis?",
                List.of(new ItemOption("A", "Myocardial infarction", false, "No ST changes."), new ItemOption("B", "Aortic dissection", true,
                        "Tearing pain radiating to the back."), new ItemOption("C", "Pericarditis", false, null),
                        new ItemOption("D", "Pulmonary embolism", false, null)),
                "B", "Unequal arm pressures point to dissection.", Instant.now());
    }

    /** Sends the change and waits until review has applied it. */
    private UUID change(UUID itemId, int version, String state, UUID material) {
        PersonalItemChanged e = state.equals("removed") ? PersonalItemChanged.removed(itemId, f.tenant, f.student, version, Instant.now())
                : question(itemId, version, state, material);
        f.events.send(f.tenant, itemId.toString(), itemId.toString(), e);
        String applied = switch (state) {
            case "active" -> "SELECT count(*) FROM review_item WHERE item_id = $1 AND live_version = " + version;
            case "reported" -> "SELECT count(*) FROM review_item WHERE item_id = $1 AND live_version IS NULL";
            default -> "SELECT 1 - count(*) FROM review_item WHERE item_id = $1";
        };
        await().atMost(Duration.ofSeconds(20)).until(() -> f.count(applied, itemId) == 1);
        return itemId;
    }

    private Map<String, Object> answer(int position, String label) {
        return Map.of("position", position, "selectedLabel", label, "confidence", 4, "timeTakenMs", 20_000);
    }

    @Test
    void iPractiseMyNotesQuestionsInTutorModeAndTheyComeBackAsPersonalReviews() {
        var started = f.asStudent().body(Map.of("personal", true, "materialId", notes.toString())).post(BASE + "/sessions");
        started.then().statusCode(201).body("personal", equalTo(true)).body("materialId", equalTo(notes.toString()))
                .body("itemCount", equalTo(2)).body("next.itemId", equalTo(first.toString())).body("next.personal", equalTo(true));
        assertThat(started.asString()).doesNotContain("correct").doesNotContain("explanation").doesNotContain("rationale");
        String session = started.path("id");
        try (KafkaTopicReader reviews = new KafkaTopicReader(Topics.REVIEWS)) {
            f.asStudent().body(answer(1, "A")).post(BASE + "/sessions/" + session + "/answers").then().statusCode(200)
                    .body("correct", equalTo(false)).body("correctLabel", equalTo("B")).body("options[1].explanation", equalTo("Tearing pain radiating to the back."))
                    .body("rationale", equalTo("Unequal arm pressures point to dissection.")).body("intervalDays", equalTo(1));
            ReviewRecorded recorded = reviews.awaitEvents(EventType.REVIEW_RECORDED.ceType(), first.toString(), 1, Duration.ofSeconds(15))
                    .get(0).dataAs(ReviewRecorded.class);
            assertThat(recorded.personal()).isTrue();
            assertThat(recorded.userId()).isEqualTo(f.student);
        }
        f.asStudent().post(BASE + "/sessions/" + session + "/next").then().body("next.itemId", equalTo(second.toString()));
        f.asStudent().body(answer(2, "B")).post(BASE + "/sessions/" + session + "/answers").then().statusCode(200).body("correct", equalTo(true));
        f.asStudent().post(BASE + "/sessions/" + session + "/next").then().body("next", nullValue()).body("answered", equalTo(2));

        // a practice of the whole set serves the never-answered question first
        f.asStudent().body(Map.of("personal", true)).post(BASE + "/sessions").then().statusCode(201).body("itemCount", equalTo(3))
                .body("next.itemId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf(first.toString(), second.toString())));

        // once due, they are in my due queue, marked personal, and a review session serves them
        db.preparedQuery("UPDATE review_schedule SET due_at = now() - interval '1 hour' WHERE user_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(f.student)).await().indefinitely();
        f.asStudent().get(BASE + "/due").then().statusCode(200).body("items.itemId", org.hamcrest.Matchers.containsInAnyOrder(first.toString(), second.toString()))
                .body("items.personal", equalTo(List.of(true, true)));
        f.asStudent().body(Map.of()).post(BASE + "/sessions").then().statusCode(201).body("personal", equalTo(false))
                .body("itemCount", equalTo(2)).body("next.personal", equalTo(true));

        // they are not the bank's: flagging one for publishers is refused
        assertProblem(f.asStudent().body(Map.of("reason", "incorrect_key")).post(BASE + "/items/" + first + "/flags").then(), 409);
    }

    @Test
    void nobodyElseIsServedMyQuestionsAndBadRequestsAreRefused() {
        String session = f.asStudent().body(Map.of("personal", true)).post(BASE + "/sessions").then().statusCode(201).extract().path("id");
        var other = as(UUID.randomUUID(), f.tenant, "student");
        other.body(Map.of("personal", true)).post(BASE + "/sessions").then().statusCode(201).body("itemCount", equalTo(0)).body("next", nullValue());
        assertProblem(other.post(BASE + "/sessions/" + session + "/next").then(), 404);
        assertProblem(other.body(answer(1, "B")).post(BASE + "/sessions/" + session + "/answers").then(), 404);
        assertProblem(as(f.student, "other-" + f.tenant, "student").post(BASE + "/sessions/" + session + "/next").then(), 404);
        as(f.student, "other-" + f.tenant, "student").body(Map.of("personal", true)).post(BASE + "/sessions").then().body("itemCount", equalTo(0));
        assertProblem(f.asStudent().body(Map.of("personal", true, "ahead", true)).post(BASE + "/sessions").then(), 400);
        assertProblem(f.asStudent().body(Map.of("materialId", notes.toString())).post(BASE + "/sessions").then(), 400);
        assertProblem(as(UUID.randomUUID(), f.tenant, "author").body(Map.of("personal", true)).post(BASE + "/sessions").then(), 403);
    }

    @Test
    void aReportTakesAQuestionOutOfServiceAnEditBringsItBackAndARemovalLeavesNothing() {
        String session = f.asStudent().body(Map.of("personal", true, "materialId", notes.toString())).post(BASE + "/sessions")
                .then().extract().path("id");
        f.asStudent().body(answer(1, "B")).post(BASE + "/sessions/" + session + "/answers").then().statusCode(200);
        assertThat(f.attempts(first)).isEqualTo(1);

        change(first, 1, "reported", notes);
        f.asStudent().body(Map.of("personal", true, "materialId", notes.toString())).post(BASE + "/sessions").then()
                .body("itemCount", equalTo(1)).body("next.itemId", equalTo(second.toString()));
        db.preparedQuery("UPDATE review_schedule SET due_at = now() - interval '1 hour' WHERE user_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(f.student)).await().indefinitely();
        f.asStudent().get(BASE + "/due").then().body("items", org.hamcrest.Matchers.hasSize(0));

        change(first, 2, "active", notes);
        f.asStudent().get(BASE + "/due").then().body("items.itemId", equalTo(List.of(first.toString()))).body("items[0].version", equalTo(2));

        change(first, 2, "removed", notes);
        assertThat(f.attempts(first)).isZero();
        assertThat(f.count("SELECT count(*) FROM review_schedule WHERE item_id = $1", first)).isZero();
        assertThat(f.count("SELECT count(*) FROM review_item_version WHERE item_id = $1", first)).isZero();
        assertThat(f.count("SELECT count(*) FROM review_session_item WHERE item_id = $1", first)).isZero();
        assertProblem(f.asStudent().get(BASE + "/schedules/" + first).then(), 404);
        f.asStudent().get(BASE + "/due").then().body("items", org.hamcrest.Matchers.hasSize(0));
        // the session goes on without it
        f.asStudent().post(BASE + "/sessions/" + session + "/next").then().statusCode(200).body("next.itemId", equalTo(second.toString()));
    }
}
