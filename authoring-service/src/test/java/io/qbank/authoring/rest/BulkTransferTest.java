package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.content;
import static io.qbank.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BulkTransferTest {

    private static final String BULK = "/api/v1/authoring/bulk/items";

    private final AuthoringClient api = new AuthoringClient();

    @Test
    void whatIsExportedImportsBackAsNewDraftItems() {
        String topic = api.topic("Gastroenterology", null);
        String itemId = api.createItem(content(topic, "Version one."));
        api.asAuthor().body(Map.of("baseVersion", 1, "content", content(topic, "Version two."))).post(AuthoringClient.BASE + "/items/" + itemId + "/versions")
                .then().statusCode(201);
        api.publish(itemId, 2, "DEMO");

        String exported = api.asPublisher().get(BULK).then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(itemId)).body("[0].liveVersion", equalTo(2)).body("[0].examCodes", equalTo(List.of("DEMO")))
                .body("[0].versions.version", equalTo(List.of(1, 2))).body("[0].versions[1].content.stem", equalTo("Version two."))
                .extract().asString();

        JsonPath report = api.asAuthor().body(exported).post(BULK).then().statusCode(201).body("items", equalTo(1))
                .body("versions", equalTo(2)).extract().jsonPath();
        String copy = report.getString("itemIds[0]");
        assertThat(copy).isNotEqualTo(itemId);
        api.asAuthor().get(AuthoringClient.BASE + "/items/" + copy + "/versions").then()
                .body("stem", equalTo(List.of("Version one.", "Version two."))).body("state", equalTo(List.of("draft", "draft")));
        api.asAuthor().get(AuthoringClient.BASE + "/items/" + copy).then().body("liveVersion", equalTo(null)).body("latestVersion", equalTo(2));
        api.asAuthor().get(AuthoringClient.BASE + "/items/" + copy + "/history").then().body("comment", equalTo(List.of("imported", "imported")));
    }

    @Test
    void exportTakesEveryFilterOfTheItemList() {
        String topic = api.topic("Pulmonology", null);
        Map<String, Object> easy = content(topic, "An easy one.");
        easy.put("difficulty", "easy");
        String easyId = api.createItem(easy);
        api.createItem(content(topic, "A hard one."));
        api.asAuthor().get(BULK).then().statusCode(200).body("$", hasSize(2));
        api.asAuthor().queryParam("difficulty", "easy").get(BULK).then().statusCode(200).body("id", equalTo(List.of(easyId)));
        api.asAuthor().queryParam("author", api.author).get(BULK).then().body("$", hasSize(2));
        api.asAuthor().queryParam("author", UUID.randomUUID()).get(BULK).then().body("$", hasSize(0));
        api.asAuthor().queryParam("provenance", "generated").get(BULK).then().body("$", hasSize(0));
        api.asAuthor().queryParam("flagged", true).get(BULK).then().body("$", hasSize(0));
        api.asAuthor().queryParam("flagged", false).get(BULK).then().body("$", hasSize(2));
        assertProblem(api.asAuthor().queryParam("difficulty", "brutal").get(BULK).then(), 400);
    }

    @Test
    void oneBadRowRejectsTheWholeImportWithEveryProblemAndWritesNothing() {
        String topic = api.topic("Hematology", null);
        Map<String, Object> good = content(topic, "A good item.");
        Map<String, Object> twoCorrect = content(topic, "Two keys.");
        twoCorrect.put("options", List.of(AuthoringResourceTest.option("A", "a", true), AuthoringResourceTest.option("B", "b", true),
                AuthoringResourceTest.option("C", "c", false), AuthoringResourceTest.option("D", "d", false)));
        Map<String, Object> unknownTopic = content(UUID.randomUUID().toString(), "Nowhere.");
        List<Map<String, Object>> body = List.of(
                Map.of("versions", List.of(Map.of("content", good))),
                Map.of("versions", List.of(Map.of("content", good), Map.of("content", twoCorrect))),
                Map.of("versions", List.of(Map.of("content", unknownTopic))));
        assertProblem(api.asAuthor().body(body).post(BULK).then(), 422)
                .body("violations.field", hasItems("[1].versions[1].content.options", "[2].versions[0].content.topicId"));
        Map<String, Object> empty = content(topic, "");
        assertProblem(api.asAuthor().body(List.of(Map.of("versions", List.of(Map.of("content", good))),
                Map.of("versions", List.of(Map.of("content", empty))))).post(BULK).then(), 400);
        assertProblem(api.asAuthor().body(List.of(Map.of("versions", List.of()))).post(BULK).then(), 400);
        assertProblem(api.asAuthor().body(List.of()).post(BULK).then(), 400);
        assertProblem(api.asAuthor().body("[{\"versions\": [{\"content\": {}, \"colour\": 1}]}]").post(BULK).then(), 400);
        api.asAuthor().get(AuthoringClient.BASE + "/items").then().body("items", hasSize(0));
        // publishers review, they do not import; export stays within the tenant
        assertProblem(api.asPublisher().body(List.of(Map.of("versions", List.of(Map.of("content", good))))).post(BULK).then(), 403);
        api.createItem(good);
        api.as(api.author, "other-" + api.tenant, "author").get(BULK).then().statusCode(200).body("$", hasSize(0));
    }

    /** The most items one import takes, each with two versions, in one request; one more is refused. */
    @Test
    void theLargestImportIsWrittenWhole() {
        String topic = api.topic("Nephrology", null);
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            items.add(Map.of("versions", List.of(Map.of("content", content(topic, "Draft " + i + ".")),
                    Map.of("content", content(topic, "Case number" + i + " with proteinuria.")))));
        }
        api.asAuthor().body(items).post(BULK).then().statusCode(201).body("items", equalTo(1_000)).body("versions", equalTo(2_000));

        api.asAuthor().queryParam("size", 1_000).get(BULK).then().statusCode(200).body("$", hasSize(1_000));
        api.asAuthor().queryParam("q", "number999").get(AuthoringClient.BASE + "/items").then().statusCode(200)
                .body("items.latestVersion", equalTo(List.of(2)));
        items.add(items.get(0));
        assertProblem(api.asAuthor().body(items).post(BULK).then(), 400);
        api.asAuthor().queryParam("page", 1).queryParam("size", 1_000).get(BULK).then().statusCode(200).body("$", hasSize(0));
    }
}
