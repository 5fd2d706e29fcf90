package io.qbank.authoring.messaging;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.DraftGenerated;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.PersonalItemProposed;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestEvents;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Generated drafts and students' flags arrive from Kafka; each counts once however often it is delivered. */
@QuarkusTest
class AuthoringInboxTest {

    private static final String BASE = "/api/v1/authoring";

    @Inject
    Pool db;

    private final String tenant = "t-" + UUID.randomUUID();
    private final UUID author = UUID.randomUUID();

    private RequestSpecification as(String... roles) {
        return given().header("Authorization", TestTokens.bearer(author, tenant, roles)).contentType(ContentType.JSON);
    }

    private long count(String sql, Object... params) {
        return db.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }

    private DraftGenerated draft(UUID draftId, UUID topicId, String topicName) {
        return new DraftGenerated(draftId, UUID.randomUUID(), tenant, author, "DEMO", topicId, topicName,
                "A 24-year-old woman has palpitations and weight loss.", "Which is the most likely diagnosis?",
                List.of(new ItemOption("A", "Graves disease", true, "diffuse goitre, eye signs"),
                        new ItemOption("B", "Toxic adenoma", false, "single nodule"),
                        new ItemOption("C", "Subacute thyroiditis", false, "painful gland"),
                        new ItemOption("D", "Factitious thyrotoxicosis", false, "low thyroglobulin")),
                "Graves disease is the most common cause of hyperthyroidism in young women.", "medium", 3, "gpt-4o-mini", "nbme-v2",
                List.of(UUID.randomUUID(), UUID.randomUUID()), 0.86, List.of("vignette has age, sex, presentation"), Instant.now());
    }

    @Test
    void aGeneratedDraftBecomesOneDraftItemWithProvenanceHoweverOftenItArrives() {
        UUID draftId = UUID.randomUUID();
        DraftGenerated draft = draft(draftId, null, "Endocrinology");
        UUID eventId;
        UUID resentId;
        try (TestEvents events = new TestEvents()) {
            eventId = events.send(tenant, draft.jobId().toString(), draftId.toString(), draft);
            events.send(eventId, tenant, draft.jobId().toString(), draftId.toString(), draft); // redelivery: same ce_id
            resentId = events.send(tenant, draft.jobId().toString(), draftId.toString(), draft); // re-sent: a new ce_id
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("author").get(BASE + "/items/" + draftId).then().statusCode(200)
                .body("latest.state", equalTo("draft")).body("latest.provenance.kind", equalTo("generated"))
                .body("latest.provenance.model", equalTo("gpt-4o-mini")).body("latest.provenance.promptVersion", equalTo("nbme-v2"))
                .body("latest.provenance.jobId", equalTo(draft.jobId().toString()))
                .body("latest.provenance.sourceChunkIds", hasSize(2)).body("latest.provenance.qualityScore", equalTo(0.86f))
                .body("latest.createdBy", equalTo(author.toString())));
        // the last copy has been consumed (records of one key arrive in order), and still there is one item
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE consumer = 'generated-drafts' AND event_id = ANY($1)",
                (Object) new UUID[] { eventId, resentId }) == 2);
        assertThat(count("SELECT count(*) FROM item WHERE tenant_id = $1", tenant)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM item_version WHERE item_id = $1", draftId)).isEqualTo(1);
        // the unknown topic became a root topic of that name; the draft waits in the review queue for its author
        as("author").get(BASE + "/topics").then().body("name", equalTo(List.of("Endocrinology")));
        as("publisher").get(BASE + "/review-queue").then().body("items.id", hasItem(draftId.toString()));
        as("author").queryParam("provenance", "generated").get(BASE + "/items").then().body("items.id", equalTo(List.of(draftId.toString())));
        // it never publishes by itself: the workflow starts with the author's submit
        as("author").get(BASE + "/items/" + draftId).then().body("liveVersion", equalTo(null))
                .body("allowedActions", equalTo(List.of("submit", "discard")));
        // a publisher discards it: it leaves the queue, and nothing publishes it but a new version through review
        as("publisher").body(Map.of("action", "discard", "comment", "off topic")).post(BASE + "/items/" + draftId + "/versions/1/transitions")
                .then().statusCode(200).body("latest.state", equalTo("discarded")).body("allowedActions", equalTo(List.of()));
        as("publisher").get(BASE + "/review-queue").then().body("items.id", not(hasItem(draftId.toString())));
        as("author").queryParam("state", "discarded").get(BASE + "/items").then().body("items.id", equalTo(List.of(draftId.toString())));
        assertProblem(as("publisher").body(Map.of("examCodes", List.of("DEMO"))).post(BASE + "/items/" + draftId + "/versions/1/publication")
                .then(), 409);
        assertProblem(as("author").body(Map.of("action", "submit")).post(BASE + "/items/" + draftId + "/versions/1/transitions").then(), 409);
    }

    @Test
    void aLearnersProposalBecomesTheirDraftWithItsProvenanceForAuthorsToTakeOn() {
        UUID learner = UUID.randomUUID(), proposalId = UUID.randomUUID(), job = UUID.randomUUID();
        DraftGenerated like = draft(proposalId, null, "Endocrinology");
        PersonalItemProposed proposal = new PersonalItemProposed(proposalId, UUID.randomUUID(), tenant, learner, List.of("Thyroid lecture notes"),
                "Endocrinology", like.stem(), like.leadIn(), like.options(), like.rationale(), "medium", 3, "gpt-4o-mini", "nbme-v2.1", 0.85,
                List.of(), Instant.now());
        UUID[] sent;
        try (TestEvents events = new TestEvents()) {
            sent = new UUID[] { events.send(tenant, job.toString(), proposal.personalItemId().toString(), proposal),
                    events.send(tenant, job.toString(), proposal.personalItemId().toString(), proposal) }; // re-sent: still one item
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("author").get(BASE + "/items/" + proposalId).then().statusCode(200)
                .body("latest.state", equalTo("draft")).body("latest.provenance.kind", equalTo("generated"))
                .body("latest.provenance.model", equalTo("gpt-4o-mini")).body("latest.provenance.jobId", equalTo(null))
                .body("latest.provenance.sourceChunkIds", hasSize(0)).body("latest.createdBy", equalTo(learner.toString())));
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE consumer = 'generated-drafts' AND event_id = ANY($1)", (Object) sent) == 2);
        assertThat(count("SELECT count(*) FROM item WHERE tenant_id = $1", tenant)).isEqualTo(1);
        as("author").get(BASE + "/items/" + proposalId + "/history").then().body("[0].comment",
                equalTo("proposed by a learner from their own material “Thyroid lecture notes”; written by gpt-4o-mini and reviewed by nobody yet"))
                .body("[0].actor", equalTo(learner.toString()));
        // it waits for the tenant's people like any generated draft, and is never live by itself
        as("publisher").get(BASE + "/review-queue").then().body("items.id", hasItem(proposalId.toString()));
        as("author").get(BASE + "/items/" + proposalId).then().body("liveVersion", equalTo(null));
        assertProblem(given().header("Authorization", TestTokens.bearer(learner, tenant, "student")).get(BASE + "/items/" + proposalId).then(), 403);
    }

    @Test
    void flagsAreRecordedOnceShownAndResolvedByPublishers() {
        String topic = as("author").body(Map.of("name", "Cardiology")).post(BASE + "/topics").then().statusCode(201).extract().path("id");
        String itemId = as("author").body(io.qbank.authoring.rest.AuthoringClient.content(topic, "Stem to be flagged."))
                .post(BASE + "/items").then().statusCode(201).extract().path("id");
        ItemFlagged flag = new ItemFlagged(UUID.randomUUID(), UUID.fromString(itemId), 1, tenant, UUID.randomUUID(), "wrong_key",
                "B is also right", "delivery", Instant.now());
        UUID eventId;
        UUID resentId;
        try (TestEvents events = new TestEvents()) {
            eventId = events.send(tenant, itemId, itemId, flag);
            events.send(eventId, tenant, itemId, itemId, flag);
            resentId = events.send(tenant, itemId, itemId, flag); // same flag id under a new event id
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE consumer = 'item-flags' AND event_id = ANY($1)",
                (Object) new UUID[] { eventId, resentId }) == 2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("publisher").get(BASE + "/items/" + itemId + "/flags").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].reason", equalTo("wrong_key")));
        as("publisher").queryParam("flagged", true).get(BASE + "/items").then().body("items.id", equalTo(List.of(itemId)))
                .body("items[0].openFlags", equalTo(1));
        as("publisher").get(BASE + "/review-queue").then().body("items.id", equalTo(List.of(itemId)));

        String flagId = flag.flagId().toString();
        assertProblem(as("author").body(Map.of("resolution", "fixed")).post(BASE + "/items/" + itemId + "/flags/" + flagId + "/resolution").then(), 403);
        assertProblem(given().header("Authorization", TestTokens.bearer(author, "other-" + tenant, "publisher")).contentType(ContentType.JSON)
                .body(Map.of("resolution", "fixed")).post(BASE + "/items/" + itemId + "/flags/" + flagId + "/resolution").then(), 404);
        assertProblem(as("publisher").body(Map.of("resolution", "")).post(BASE + "/items/" + itemId + "/flags/" + flagId + "/resolution").then(), 400);
        as("publisher").body(Map.of("resolution", "B reworded in version 2")).post(BASE + "/items/" + itemId + "/flags/" + flagId + "/resolution")
                .then().statusCode(200).body("resolvedBy", equalTo(author.toString())).body("resolution", equalTo("B reworded in version 2"));
        assertProblem(as("publisher").body(Map.of("resolution", "again")).post(BASE + "/items/" + itemId + "/flags/" + flagId + "/resolution").then(), 409);
        as("publisher").get(BASE + "/items/" + itemId + "/flags").then().body("$", hasSize(0));
        as("publisher").queryParam("open", false).get(BASE + "/items/" + itemId + "/flags").then().body("$", hasSize(1));
        as("publisher").get(BASE + "/review-queue").then().body("items", hasSize(0));
    }

    @Test
    void aFlagForAnItemOfAnotherTenantGoesToTheDeadLetterTopic() {
        ItemFlagged stray = new ItemFlagged(UUID.randomUUID(), UUID.randomUUID(), 1, tenant, UUID.randomUUID(), "typo", null, "review",
                Instant.now());
        try (TestEvents events = new TestEvents(); KafkaTopicReader dlq = new KafkaTopicReader(Topics.deadLetter(Topics.ITEM_FLAGS))) {
            events.send(tenant, stray.itemId().toString(), stray.itemId().toString(), stray);
            var dead = dlq.await(r -> stray.itemId().toString().equals(r.key()), 1, Duration.ofSeconds(15));
            assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value())).contains("does not exist");
        }
        assertThat(count("SELECT count(*) FROM item_flag WHERE id = $1", stray.flagId())).isZero();
    }
}
