package io.qbank.authoring.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class AuthoringResourceTest {

    private static final String BASE = "/api/v1/authoring";

    @Inject
    Pool db;

    private final String tenant = "t-" + UUID.randomUUID();
    private final UUID author = UUID.randomUUID();
    private final UUID publisher = UUID.randomUUID();

    private RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, tenantId, roles)).contentType(ContentType.JSON);
    }

    private RequestSpecification asAuthor() {
        return as(author, tenant, "author");
    }

    private RequestSpecification asPublisher() {
        return as(publisher, tenant, "publisher");
    }

    private String topic() {
        return asAuthor().body(Map.of("name", "Cardiology " + UUID.randomUUID(), "blueprintCode", "CV"))
                .post(BASE + "/topics").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> item(String topicId, List<Map<String, Object>> options) {
        return Map.of("topicId", topicId, "stem", "A 54-year-old man has sudden tearing chest pain radiating to the back.",
                "leadIn", "Which is the most likely diagnosis?", "options", options, "rationale", "Tearing pain: dissection.",
                "difficulty", "hard", "difficultyLevel", 4);
    }

    static List<Map<String, Object>> fourOptions() {
        return List.of(option("A", "Aortic dissection", true), option("B", "Myocardial infarction", false),
                option("C", "Pericarditis", false), option("D", "Pulmonary embolism", false));
    }

    static Map<String, Object> option(String label, String text, boolean correct) {
        return Map.of("label", label, "text", text, "correct", correct, "explanation", "why " + text);
    }

    private String createItem() {
        return asAuthor().body(item(topic(), fourOptions())).post(BASE + "/items").then().statusCode(201)
                .body("latest.state", equalTo("draft")).body("latest.version", equalTo(1)).extract().path("id");
    }

    private void act(RequestSpecification who, String itemId, String action, int status) {
        who.body(Map.of("action", action)).post(BASE + "/items/" + itemId + "/versions/1/transitions").then().statusCode(status);
    }

    private long itemsOfTenant() {
        return db.preparedQuery("SELECT count(*) FROM item WHERE tenant_id = $1").execute(Tuple.of(tenant))
                .await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void theWholeWorkflowPublishesTheItemAndItsEventReachesKafka() {
        String itemId = createItem();
        try (KafkaTopicReader items = new KafkaTopicReader(Topics.ITEMS)) {
            act(asAuthor(), itemId, "submit", 200);
            act(asPublisher(), itemId, "approve", 200);
            asPublisher().body(Map.of("examCodes", List.of("DEMO", "STEP1"))).post(BASE + "/items/" + itemId + "/versions/1/publication")
                    .then().statusCode(200).body("liveVersion", equalTo(1)).body("latest.state", equalTo("published"))
                    .body("examCodes", equalTo(List.of("DEMO", "STEP1")));

            List<CloudEvent> events = items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), itemId, 1, Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            CloudEvent event = events.get(0);
            assertThat(event.tenant()).isEqualTo(tenant);
            assertThat(event.source()).isEqualTo("authoring-service");
            ItemPublished published = event.dataAs(ItemPublished.class);
            assertThat(published.itemId()).hasToString(itemId);
            assertThat(published.version()).isEqualTo(1);
            assertThat(published.examCodes()).containsExactly("DEMO", "STEP1");
            assertThat(published.correctLabel()).isEqualTo("A");
            assertThat(published.options()).hasSize(4);
            assertThat(published.options().get(0).explanation()).isEqualTo("why Aortic dissection");
            assertThat(published.topicName()).startsWith("Cardiology");
            assertThat(published.blueprintCode()).isEqualTo("CV");
            assertThat(published.difficultyLevel()).isEqualTo(4);
        }
        asAuthor().get(BASE + "/items/" + itemId + "/history").then().statusCode(200)
                .body("toState", equalTo(List.of("draft", "in_review", "approved", "published")))
                .body("actor", equalTo(List.of(author.toString(), author.toString(), publisher.toString(), publisher.toString())));
    }

    @Test
    void illegalTransitionsAnswer409WithWhatIsAllowed() {
        String itemId = createItem();
        assertProblem(asPublisher().body(Map.of("action", "approve")).post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 409)
                .body("detail", containsString("draft"));
        assertProblem(asPublisher().body(Map.of("examCodes", List.of("DEMO"))).post(BASE + "/items/" + itemId + "/versions/1/publication").then(), 409);
        act(asAuthor(), itemId, "submit", 200);
        assertProblem(asAuthor().body(Map.of("action", "submit")).post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 409)
                .body("detail", containsString("in_review"));
    }

    @Test
    void rolesGateEveryTransition() {
        String itemId = createItem();
        // a publisher does not submit, an author does not approve, a student does nothing
        assertProblem(asPublisher().body(Map.of("action", "submit")).post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 403);
        act(asAuthor(), itemId, "submit", 200);
        assertProblem(asAuthor().body(Map.of("action", "approve")).post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 403);
        assertProblem(as(UUID.randomUUID(), tenant, "student").body(Map.of("action", "approve"))
                .post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 403);
        assertProblem(asAuthor().body(Map.of("examCodes", List.of("DEMO"))).post(BASE + "/items/" + itemId + "/versions/1/publication").then(), 403);
        assertProblem(as(UUID.randomUUID(), tenant, "publisher").body(item(topic(), fourOptions())).post(BASE + "/items").then(), 403);
        // changes requested go back to draft
        act(asPublisher(), itemId, "request_changes", 200);
        asAuthor().get(BASE + "/items/" + itemId).then().body("latest.state", equalTo("draft"))
                .body("allowedActions", equalTo(List.of("submit", "discard")));
    }

    @Test
    void nobodyApprovesAVersionTheyWrote() {
        UUID both = UUID.randomUUID();
        String itemId = as(both, tenant, "author", "publisher").body(item(topic(), fourOptions())).post(BASE + "/items")
                .then().statusCode(201).extract().path("id");
        as(both, tenant, "author", "publisher").body(Map.of("action", "submit"))
                .post(BASE + "/items/" + itemId + "/versions/1/transitions").then().statusCode(200);
        assertProblem(as(both, tenant, "author", "publisher").body(Map.of("action", "approve"))
                .post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 403)
                .body("detail", containsString("wrote"));
    }

    @Test
    void anotherTenantsItemIsNotFound() {
        String itemId = createItem();
        String other = "other-" + UUID.randomUUID();
        assertProblem(as(author, other, "author").get(BASE + "/items/" + itemId).then(), 404);
        assertProblem(as(UUID.randomUUID(), other, "publisher").body(Map.of("action", "approve"))
                .post(BASE + "/items/" + itemId + "/versions/1/transitions").then(), 404);
        assertProblem(as(author, other, "author").body(item(topic(), fourOptions())).post(BASE + "/items").then(), 422)
                .body("violations.field", hasItem("topicId"));
        as(author, other, "author").get(BASE + "/topics").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void authenticationIsRequiredAndATokenWithoutTenantIsRefused() {
        assertProblem(given().get(BASE + "/topics").then(), 401).header("WWW-Authenticate", "Bearer");
        assertProblem(given().header("Authorization", TestTokens.bearerWithoutTenant(author, "author")).get(BASE + "/topics").then(), 401);
        assertProblem(given().header("Authorization", "Bearer not.a.jwt").get(BASE + "/topics").then(), 401);
    }

    @Test
    void badContentIsRefusedAndNothingIsWritten() {
        String topicId = topic();
        long before = itemsOfTenant();
        assertProblem(asAuthor().body("{\"stem\": ").post(BASE + "/items").then(), 400);
        assertProblem(asAuthor().body(item(topicId, fourOptions().subList(0, 3))).post(BASE + "/items").then(), 400)
                .body("violations.field", hasItem("options"));
        List<Map<String, Object>> twoCorrect = List.of(option("A", "a", true), option("B", "b", true), option("C", "c", false),
                option("D", "d", false));
        assertProblem(asAuthor().body(item(topicId, twoCorrect)).post(BASE + "/items").then(), 422)
                .body("violations.message", hasItem(containsString("exactly one")));
        List<Map<String, Object>> noneCorrect = List.of(option("A", "a", false), option("B", "b", false), option("C", "c", false),
                option("D", "d", false));
        assertProblem(asAuthor().body(item(topicId, noneCorrect)).post(BASE + "/items").then(), 422);
        List<Map<String, Object>> duplicateLabel = List.of(option("A", "a", true), option("A", "b", false), option("C", "c", false),
                option("D", "d", false));
        assertProblem(asAuthor().body(item(topicId, duplicateLabel)).post(BASE + "/items").then(), 422)
                .body("violations.field", hasItem("options[1].label"));
        List<Map<String, Object>> badLabel = List.of(option("A", "a", true), option("B", "b", false), option("C", "c", false),
                option("Z", "d", false));
        assertProblem(asAuthor().body(item(topicId, badLabel)).post(BASE + "/items").then(), 400)
                .body("violations.field", hasItem("options[3].label"));
        assertProblem(asAuthor().body(item(UUID.randomUUID().toString(), fourOptions())).post(BASE + "/items").then(), 422)
                .body("violations.field", hasItem("topicId"));
        Map<String, Object> empty = new java.util.HashMap<>(item(topicId, fourOptions()));
        empty.put("stem", " ");
        assertProblem(asAuthor().body(empty).post(BASE + "/items").then(), 400).body("violations.field", hasItem("stem"));
        Map<String, Object> oversized = new java.util.HashMap<>(item(topicId, fourOptions()));
        oversized.put("leadIn", "x".repeat(2001));
        assertProblem(asAuthor().body(oversized).post(BASE + "/items").then(), 400).body("violations.field", hasItem("leadIn"));
        assertProblem(asAuthor().body(Map.of("action", "dance")).post(BASE + "/items/" + UUID.randomUUID() + "/versions/1/transitions").then(), 400);
        assertThat(itemsOfTenant()).isEqualTo(before);
    }

    @Test
    void aSiblingTopicWithTheSameNameIsAConflict() {
        asAuthor().body(Map.of("name", "Renal")).post(BASE + "/topics").then().statusCode(201);
        assertProblem(asAuthor().body(Map.of("name", "renal")).post(BASE + "/topics").then(), 409);
        assertProblem(asAuthor().body(Map.of("name", "Child", "parentId", UUID.randomUUID().toString())).post(BASE + "/topics").then(), 422);
    }
}
