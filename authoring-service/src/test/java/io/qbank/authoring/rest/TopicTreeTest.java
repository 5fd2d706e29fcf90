package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.BASE;
import static io.qbank.authoring.rest.AuthoringClient.content;
import static io.qbank.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TopicTreeTest {

    private final AuthoringClient api = new AuthoringClient();

    private Map<String, Object> moveTo(String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        return body;
    }

    @Test
    void aSubtreeMovesWithItsItemsAndLiveItemsArePublishedAgainWithTheNewPath() {
        String medicine = api.topic("Medicine", null);
        String cardiology = api.topic("Cardiology", medicine);
        String valves = api.topic("Valvular disease", cardiology);
        String surgery = api.topic("Surgery", null);
        String inValves = api.createItem(content(valves, "Mitral stenosis stem."));
        String inCardiology = api.createItem(content(cardiology, "Angina stem."));
        api.createItem(content(surgery, "Appendicitis stem."));

        // "all items under Cardiology"
        api.asAuthor().queryParam("topicId", cardiology).get(BASE + "/items").then().statusCode(200)
                .body("items.id", containsInAnyOrder(inValves, inCardiology));
        api.asAuthor().queryParam("under", cardiology).get(BASE + "/topics").then()
                .body("name", equalTo(List.of("Cardiology", "Valvular disease")));

        try (KafkaTopicReader items = new KafkaTopicReader(Topics.ITEMS)) {
            api.publish(inValves, 1, "DEMO");
            items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), inValves, 1, Duration.ofSeconds(10)); // the publication itself
            api.asPublisher().body(moveTo(surgery)).post(BASE + "/topics/" + cardiology + "/move").then().statusCode(200)
                    .body("parentId", equalTo(surgery)).body("path", equalTo(List.of(surgery, cardiology)));
            api.asAuthor().get(BASE + "/topics/" + valves).then().body("path", equalTo(List.of(surgery, cardiology, valves)));
            List<CloudEvent> again = items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), inValves, 2, Duration.ofSeconds(10));
            assertThat(again).hasSize(2);
            ItemPublished republished = again.get(1).dataAs(ItemPublished.class);
            assertThat(republished.version()).isEqualTo(1);
            assertThat(republished.topicPath()).containsExactly(UUID.fromString(surgery), UUID.fromString(cardiology), UUID.fromString(valves));
            assertThat(republished.examCodes()).containsExactly("DEMO");
        }
        // the subtree query follows the move; Medicine has no items left
        api.asAuthor().queryParam("topicId", surgery).get(BASE + "/items").then().body("items", hasSize(3));
        api.asAuthor().queryParam("topicId", medicine).get(BASE + "/items").then().body("items", hasSize(0));

        // rename: the live item goes out again with the new topic name and blueprint code
        try (KafkaTopicReader items = new KafkaTopicReader(Topics.ITEMS)) {
            api.asPublisher().body(Map.of("name", "Valve disease", "blueprintCode", "CV-V")).put(BASE + "/topics/" + valves).then()
                    .statusCode(200).body("name", equalTo("Valve disease"));
            ItemPublished renamed = items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), inValves, 1, Duration.ofSeconds(10)).get(0)
                    .dataAs(ItemPublished.class);
            assertThat(renamed.topicName()).isEqualTo("Valve disease");
            assertThat(renamed.blueprintCode()).isEqualTo("CV-V");
        }
    }

    @Test
    void theTreeStaysATree() {
        String root = api.topic("Pharmacology", null);
        String child = api.topic("Autonomic drugs", root);
        String grandchild = api.topic("Cholinergic agonists", child);
        assertProblem(api.asPublisher().body(moveTo(grandchild)).post(BASE + "/topics/" + root + "/move").then(), 422)
                .body("violations.field", equalTo(List.of("parentId")));
        assertProblem(api.asPublisher().body(moveTo(root)).post(BASE + "/topics/" + root + "/move").then(), 422);
        // siblings have distinct names, case-insensitively, on create, rename and move
        assertProblem(api.asPublisher().body(Map.of("name", "AUTONOMIC DRUGS", "parentId", root)).post(BASE + "/topics").then(), 409);
        String other = api.topic("Antibiotics", root);
        assertProblem(api.asPublisher().body(Map.of("name", "autonomic drugs")).put(BASE + "/topics/" + other).then(), 409);
        api.topic("Cholinergic agonists", root);
        assertProblem(api.asPublisher().body(moveTo(root)).post(BASE + "/topics/" + grandchild + "/move").then(), 409);
        assertProblem(api.asPublisher().body(moveTo(UUID.randomUUID().toString())).post(BASE + "/topics/" + child + "/move").then(), 422);
        // nothing moved
        api.asAuthor().get(BASE + "/topics/" + grandchild).then().body("path", equalTo(List.of(root, child, grandchild)));
        // roles and tenants
        assertProblem(api.asAuthor().body(moveTo(null)).post(BASE + "/topics/" + child + "/move").then(), 403);
        assertProblem(api.asAuthor().body(Map.of("name", "x")).put(BASE + "/topics/" + child).then(), 403);
        assertProblem(api.as(api.publisher, "other-" + api.tenant, "publisher").body(moveTo(null))
                .post(BASE + "/topics/" + child + "/move").then(), 404);
        assertProblem(api.as(api.publisher, "other-" + api.tenant, "publisher").get(BASE + "/topics/" + child).then(), 404);
        assertProblem(api.asAuthor().body(Map.of("name", "")).post(BASE + "/topics").then(), 400);
        // to the root
        api.asPublisher().body(moveTo(null)).post(BASE + "/topics/" + child + "/move").then().statusCode(200)
                .body("parentId", equalTo(null));
        api.asAuthor().get(BASE + "/topics/" + grandchild).then().body("path", equalTo(List.of(child, grandchild)));
    }

    @Test
    void studentsReadTheTopicTreeToBuildTestsAndChangeNothing() {
        String cardiology = api.topic("Cardiology", null);
        String valves = api.topic("Valvular disease", cardiology);
        var student = api.as(UUID.randomUUID(), api.tenant, "student");
        student.get(BASE + "/topics").then().statusCode(200).body("name", equalTo(List.of("Cardiology", "Valvular disease")));
        api.as(UUID.randomUUID(), api.tenant, "student").get(BASE + "/topics/" + valves).then().statusCode(200)
                .body("path", equalTo(List.of(cardiology, valves)));
        assertProblem(api.as(UUID.randomUUID(), api.tenant, "student").body(Map.of("name", "Mine")).post(BASE + "/topics").then(), 403);
        assertProblem(api.as(UUID.randomUUID(), api.tenant, "student").get(BASE + "/items").then(), 403);
        // another tenant's student sees none of it
        api.as(UUID.randomUUID(), "t-" + UUID.randomUUID(), "student").get(BASE + "/topics").then().statusCode(200).body("", hasSize(0));
    }
}
