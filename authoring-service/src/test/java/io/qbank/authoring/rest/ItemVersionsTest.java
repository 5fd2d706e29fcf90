package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.BASE;
import static io.qbank.authoring.rest.AuthoringClient.content;
import static io.qbank.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;

/** Versions never change; an edit is a new version, checked against concurrent edits; the live version serves until replaced. */
@QuarkusTest
class ItemVersionsTest {

    private final AuthoringClient api = new AuthoringClient();

    private Map<String, Object> edit(int base, Map<String, Object> content) {
        return Map.of("baseVersion", base, "content", content);
    }

    @Test
    void editingAPublishedItemMakesANewDraftWhileTheLiveVersionKeepsServing() {
        String topic = api.topic("Cardiology", null);
        String itemId = api.createItem(content(topic, "Version one stem about chest pain."));
        try (KafkaTopicReader items = new KafkaTopicReader(Topics.ITEMS)) {
            api.publish(itemId, 1, "DEMO");
            items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), itemId, 1, Duration.ofSeconds(10));

            Map<String, Object> v2 = content(topic, "Version two stem, clearer.");
            v2.put("tags", List.of("Cardiology", "cardiology", "Emergency"));
            v2.put("educationalObjective", "Recognise dissection");
            api.asAuthor().body(edit(1, v2)).post(BASE + "/items/" + itemId + "/versions").then().statusCode(201)
                    .header("Location", containsString("/versions/2"))
                    .body("latestVersion", equalTo(2)).body("liveVersion", equalTo(1)).body("examCodes", equalTo(List.of("DEMO")))
                    .body("latest.state", equalTo("draft")).body("latest.tags", equalTo(List.of("cardiology", "emergency")));
            // version 1 is untouched: same content, still published
            api.asAuthor().get(BASE + "/items/" + itemId + "/versions/1").then().statusCode(200)
                    .body("stem", equalTo("Version one stem about chest pain.")).body("state", equalTo("published"));
            api.asAuthor().get(BASE + "/items/" + itemId + "/versions").then().body("version", equalTo(List.of(1, 2)))
                    .body("state", equalTo(List.of("published", "draft")));

            // publishing version 2 replaces version 1 where it is live, and retires version 1
            api.publish(itemId, 2, "STEP1");
            List<CloudEvent> events = items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), itemId, 2, Duration.ofSeconds(10));
            ItemPublished second = events.get(1).dataAs(ItemPublished.class);
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.examCodes()).containsExactly("DEMO", "STEP1");
            assertThat(second.stem()).isEqualTo("Version two stem, clearer.");
            assertThat(second.educationalObjective()).isEqualTo("Recognise dissection");
            assertThat(second.tags()).containsExactly("cardiology", "emergency");
            assertThat(second.topicPath()).hasToString("[" + topic + "]");
            assertThat(second.provenance()).isEqualTo("human");
        }
        api.asAuthor().get(BASE + "/items/" + itemId + "/versions").then().body("state", equalTo(List.of("retired", "published")));
        api.asAuthor().get(BASE + "/items/" + itemId + "/history").then()
                .body("comment", org.hamcrest.Matchers.hasItem("superseded by version 2"));
    }

    @Test
    void anEditMustStartFromTheLatestVersionAndNotFromOneUnderReview() {
        String topic = api.topic("Renal", null);
        String itemId = api.createItem(content(topic, "Stem one."));
        api.asAuthor().body(edit(1, content(topic, "Stem two."))).post(BASE + "/items/" + itemId + "/versions").then().statusCode(201);
        // someone edited version 1 meanwhile: their edit is stale
        assertProblem(api.asAuthor().body(edit(1, content(topic, "Stale edit."))).post(BASE + "/items/" + itemId + "/versions").then(), 409)
                .body("detail", containsString("version 2 is"));
        // an old draft is history: it does not move through review
        assertProblem(api.asAuthor().body(Map.of("action", "submit")).post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 409)
                .body("detail", containsString("latest"));
        api.act(api.asAuthor(), itemId, 2, "submit");
        assertProblem(api.asAuthor().body(edit(2, content(topic, "Edit in review."))).post(BASE + "/items/" + itemId + "/versions").then(), 409)
                .body("detail", containsString("in_review"));
        api.asAuthor().get(BASE + "/items/" + itemId + "/versions").then().body("version", equalTo(List.of(1, 2)));
        // a publisher does not edit; another tenant does not see the item; bad content writes nothing
        assertProblem(api.asPublisher().body(edit(2, content(topic, "x"))).post(BASE + "/items/" + itemId + "/versions").then(), 403);
        assertProblem(api.as(api.author, "other-" + api.tenant, "author").body(edit(2, content(topic, "x")))
                .post(BASE + "/items/" + itemId + "/versions").then(), 404);
        api.act(api.asPublisher(), itemId, 2, "request_changes");
        Map<String, Object> bad = content(topic, "");
        assertProblem(api.asAuthor().body(edit(2, bad)).post(BASE + "/items/" + itemId + "/versions").then(), 400)
                .body("violations.field", org.hamcrest.Matchers.hasItem(containsString("stem")));
        api.asAuthor().get(BASE + "/items/" + itemId).then().body("latestVersion", equalTo(2));
    }

    @Test
    void twoConcurrentEditsOfTheSameVersionGiveOneNewVersionAndOneConflict() throws Exception {
        String topic = api.topic("Pulmonology", null);
        for (int round = 0; round < 3; round++) {
            String itemId = api.createItem(content(topic, "Base stem."));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String stem = "Concurrent edit " + i;
                edits.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return api.asAuthor().body(edit(1, content(topic, stem))).post(BASE + "/items/" + itemId + "/versions").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = edits.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(201, 409);
            api.asAuthor().get(BASE + "/items/" + itemId + "/versions").then().body("version", equalTo(List.of(1, 2)));
        }
    }

    @Test
    void aRetiredItemCanBePublishedAgainButNotBehindANewerLiveVersion() {
        String topic = api.topic("Neurology", null);
        String itemId = api.createItem(content(topic, "Stroke stem."));
        try (KafkaTopicReader items = new KafkaTopicReader(Topics.ITEMS)) {
            api.publish(itemId, 1, "DEMO", "STEP2");
            api.act(api.asPublisher(), itemId, 1, "retire");
            CloudEvent retired = items.awaitEvents(EventType.ITEM_RETIRED.ceType(), itemId, 1, Duration.ofSeconds(10)).get(0);
            assertThat(retired.dataAs(ItemRetired.class).examCodes()).containsExactly("DEMO", "STEP2");
            api.asPublisher().get(BASE + "/items/" + itemId).then().body("liveVersion", equalTo(null))
                    .body("examCodes", equalTo(List.of())).body("allowedActions", equalTo(List.of("publish")));

            api.asPublisher().body(Map.of("examCodes", List.of("DEMO"))).post(BASE + "/items/" + itemId + "/versions/1/publication")
                    .then().statusCode(200).body("liveVersion", equalTo(1)).body("examCodes", equalTo(List.of("DEMO")));
            List<CloudEvent> published = items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), itemId, 2, Duration.ofSeconds(10));
            assertThat(published.get(1).dataAs(ItemPublished.class).examCodes()).containsExactly("DEMO");
        }
        // version 2 goes live; version 1 (superseded, retired) may not come back over it
        api.asAuthor().body(edit(1, content(topic, "Stroke stem, v2."))).post(BASE + "/items/" + itemId + "/versions").then().statusCode(201);
        api.publish(itemId, 2, "DEMO");
        assertProblem(api.asPublisher().body(Map.of("examCodes", List.of("DEMO"))).post(BASE + "/items/" + itemId + "/versions/1/publication")
                .then(), 409).body("detail", containsString("version 2 has been live"));
        // students never act on items
        assertProblem(api.as(api.author, api.tenant, "student").body(Map.of("action", "retire"))
                .post(BASE + "/items/" + itemId + "/versions/2/transitions").then(), 403);
    }
}
