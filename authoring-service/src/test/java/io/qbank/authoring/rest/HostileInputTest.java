package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.BASE;
import static io.qbank.common.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Input that PostgreSQL or a reader would choke on is refused with 400 and the field, and changes nothing. */
@QuarkusTest
class HostileInputTest {

    private final AuthoringClient api = new AuthoringClient();

    @Test
    void aNulCharacterAnywhereIsAFieldViolation() {
        String topic = api.topic("Cardiology", null);
        assertProblem(api.asPublisher().body(Map.of("name", "Cardio\u0000logy")).post(BASE + "/topics").then(), 400)
                .body("violations.field", equalTo(List.of("name"))).body("violations[0].message", equalTo("must not contain the NUL character (\\u0000)"));
        Map<String, Object> item = new HashMap<>(AuthoringClient.content(topic, "A stem\u0000 with a NUL"));
        assertProblem(api.asAuthor().body(item).post(BASE + "/items").then(), 400).body("violations.field", equalTo(List.of("stem")));
        item = new HashMap<>(AuthoringClient.content(topic, "A clean stem"));
        List<Map<String, Object>> options = new java.util.ArrayList<>(AuthoringResourceTest.fourOptions());
        Map<String, Object> second = new HashMap<>(options.get(1));
        second.put("explanation", "no\u0000");
        options.set(1, second);
        item.put("options", options);
        assertProblem(api.asAuthor().body(item).post(BASE + "/items").then(), 400)
                .body("violations.field", equalTo(List.of("options[1].explanation")));
        assertProblem(api.asAuthor().queryParam("q", "murmur\u0000").get(BASE + "/items").then(), 400)
                .body("violations.field", equalTo(List.of("q")));
        assertProblem(api.asAuthor().queryParam("tag", "\u0000").get(BASE + "/bulk/items").then(), 400)
                .body("violations.field", equalTo(List.of("tag")));
        api.asAuthor().get(BASE + "/items").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aNumberWhereTextBelongsIsRefusedNotCoerced() {
        String topic = api.topic("Renal", null);
        String itemId = api.createItem(AuthoringClient.content(topic, "A 30-year-old man has flank pain."));
        api.act(api.asAuthor(), itemId, 1, "submit");
        api.act(api.asPublisher(), itemId, 1, "approve");
        assertProblem(api.asPublisher().body(Map.of("examCodes", List.of(12345))).post(BASE + "/items/" + itemId + "/versions/1/publication")
                .then(), 400).body("violations.field", hasItem("examCodes[0]"));
        assertProblem(api.asPublisher().body(Map.of("name", 42)).post(BASE + "/topics").then(), 400)
                .body("violations.field", equalTo(List.of("name")));
        api.asAuthor().get(BASE + "/items/" + itemId).then().body("latest.state", equalTo("approved"));
    }

    @Test
    void namesAreOneLineOfVisibleText() {
        String topic = api.topic("Neurology", null);
        for (String name : List.of("\u202Egnp.exe", "Neuro\u2066logy\u2069", "Neuro\nlogy", "Neuro\u200Blogy")) {
            assertProblem(api.asPublisher().body(Map.of("name", name)).put(BASE + "/topics/" + topic).then(), 400)
                    .body("violations.field", equalTo(List.of("name")));
        }
        assertProblem(api.asPublisher().body(Map.of("name", "Neurology", "blueprintCode", "NE\u202E")).put(BASE + "/topics/" + topic).then(), 400)
                .body("violations.field", equalTo(List.of("blueprintCode")));
        // text in other scripts is fine
        api.asPublisher().body(Map.of("name", "طب الأعصاب")).put(BASE + "/topics/" + topic).then().statusCode(200);
        api.asAuthor().get(BASE + "/topics/" + topic).then().body("name", equalTo("طب الأعصاب"));
    }

    @Test
    void aBodyWithoutItsContentTypeIsA415Problem() {
        assertProblem(io.restassured.RestAssured.given().header("Authorization", io.qbank.common.testing.TestTokens.bearer(api.publisher, api.tenant,
                "publisher")).body("{\"name\":\"Renal\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(BASE + "/topics").then(), 415);
        assertProblem(api.asPublisher().contentType("text/plain").body("{\"name\":\"Renal\"}").post(BASE + "/topics").then(), 415);
    }
}
