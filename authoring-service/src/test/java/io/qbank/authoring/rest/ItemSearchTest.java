package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.BASE;
import static io.qbank.authoring.rest.AuthoringClient.content;
import static io.qbank.common.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ItemSearchTest {

    private final AuthoringClient api = new AuthoringClient();

    @Test
    void filtersCombineAndFullTextSearchesStemLeadInAndOptions() {
        String cardio = api.topic("Cardiology", null);
        String renal = api.topic("Renal", null);
        Map<String, Object> dissection = content(cardio, "Tearing chest pain radiating to the back in a hypertensive man.");
        dissection.put("tags", List.of("Emergency"));
        String a = api.createItem(dissection);
        Map<String, Object> nephritic = content(renal, "Cola-coloured urine two weeks after a sore throat.");
        nephritic.put("difficulty", "easy");
        String b = api.createItem(nephritic);
        UUID secondAuthor = UUID.randomUUID();
        String c = api.as(secondAuthor, api.tenant, "author").body(content(cardio, "Exertional chest pressure relieved by rest."))
                .post(BASE + "/items").then().statusCode(201).extract().path("id");
        api.publish(a, 1, "STEP1");

        api.asAuthor().queryParam("q", "chest pain").get(BASE + "/items").then().statusCode(200).body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("q", "chest").queryParam("sort", "relevance").get(BASE + "/items").then().body("items", hasSize(2));
        // options are searched too (every item here has "Pericarditis" as option C)
        api.asAuthor().queryParam("q", "pericarditis").get(BASE + "/items").then().body("items", hasSize(3));
        api.asAuthor().queryParam("q", "urine -throat").get(BASE + "/items").then().body("items", hasSize(0));
        api.asAuthor().queryParam("topicId", cardio).queryParam("state", "draft").get(BASE + "/items").then()
                .body("items.id", equalTo(List.of(c)));
        api.asAuthor().queryParam("state", "published").get(BASE + "/items").then().body("items.id", equalTo(List.of(a)))
                .body("items[0].examCodes", equalTo(List.of("STEP1"))).body("items[0].topicName", equalTo("Cardiology"));
        api.asAuthor().queryParam("examCode", "STEP1").get(BASE + "/items").then().body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("difficulty", "easy").get(BASE + "/items").then().body("items.id", equalTo(List.of(b)));
        api.asAuthor().queryParam("tag", "EMERGENCY").get(BASE + "/items").then().body("items.id", equalTo(List.of(a)));
        api.asAuthor().queryParam("author", secondAuthor.toString()).get(BASE + "/items").then().body("items.id", equalTo(List.of(c)));
        api.asAuthor().queryParam("provenance", "generated").get(BASE + "/items").then().body("items", hasSize(0));
        api.asAuthor().queryParam("flagged", "true").get(BASE + "/items").then().body("items", hasSize(0));

        // pages: newest change first, hasNext tells whether to ask again
        api.asAuthor().queryParam("size", 2).get(BASE + "/items").then().body("items", hasSize(2)).body("hasNext", equalTo(true))
                .body("items[0].id", equalTo(a));
        api.asAuthor().queryParam("size", 2).queryParam("page", 1).get(BASE + "/items").then().body("items", hasSize(1))
                .body("hasNext", equalTo(false));
        api.asAuthor().queryParam("sort", "created").get(BASE + "/items").then().body("items.id", equalTo(List.of(c, b, a)));

        // another tenant sees none of it, even with the same words or topic id
        api.as(api.author, "other-" + api.tenant, "author").queryParam("q", "chest").get(BASE + "/items").then().body("items", hasSize(0));
        api.as(api.author, "other-" + api.tenant, "author").queryParam("topicId", cardio).get(BASE + "/items").then().body("items", hasSize(0));
    }

    /** More matches than the search collects in its first step: the pages come from the ordered index walk instead. */
    @Test
    void denseMatchesPageTheSameWay() {
        String topic = api.topic("Dense", null);
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 510; i++) {
            Map<String, Object> content = content(topic, "Murmur case number " + i + ".");
            content.put("tags", List.of(i % 2 == 0 ? "even" : "odd"));
            items.add(Map.of("versions", List.of(Map.of("content", content))));
        }
        api.asAuthor().body(items).post("/api/v1/authoring/bulk/items").then().statusCode(201).body("items", equalTo(510));
        api.asAuthor().body(content(topic, "A single tachycardia case.")).post(BASE + "/items").then().statusCode(201);

        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 6; page++) {
            seen.addAll(api.asAuthor().queryParam("q", "murmur").queryParam("topicId", topic).queryParam("size", 100).queryParam("page", page)
                    .get(BASE + "/items").then().statusCode(200).body("hasNext", equalTo(page < 5)).extract().<List<String>>path("items.id"));
        }
        org.assertj.core.api.Assertions.assertThat(seen).hasSize(510).doesNotHaveDuplicates();
        api.asAuthor().queryParam("tag", "even").queryParam("size", 100).queryParam("page", 2).get(BASE + "/items").then()
                .body("items", hasSize(55)).body("hasNext", equalTo(false));
        api.asAuthor().queryParam("q", "tachycardia").get(BASE + "/items").then().body("items", hasSize(1));

        // relevance over more matches than the bounded step takes: the best match first, every match on some page
        Map<String, Object> strong = content(topic, "Murmur, murmur and murmur again: a murmur case.");
        strong.put("leadIn", "Which murmur is this?");
        String best = api.asAuthor().body(strong).post(BASE + "/items").then().statusCode(201).extract().path("id");
        api.asAuthor().queryParam("q", "murmur").queryParam("sort", "relevance").queryParam("size", 5).get(BASE + "/items").then()
                .statusCode(200).body("items", hasSize(5)).body("items[0].id", equalTo(best)).body("hasNext", equalTo(true));
        List<String> ranked = new java.util.ArrayList<>();
        for (int page = 0; page < 6; page++) {
            ranked.addAll(api.asAuthor().queryParam("q", "murmur").queryParam("topicId", topic).queryParam("sort", "relevance")
                    .queryParam("size", 100).queryParam("page", page).get(BASE + "/items").then().statusCode(200)
                    .extract().<List<String>>path("items.id"));
        }
        // the 510 equal matches follow in the order of the listing (latest change first), across page boundaries
        org.assertj.core.api.Assertions.assertThat(ranked).hasSize(511).doesNotHaveDuplicates().startsWith(best);
        org.assertj.core.api.Assertions.assertThat(ranked.subList(1, 511)).containsExactlyElementsOf(seen);
        List<String> small = new java.util.ArrayList<>();
        for (int page = 0; page < 4; page++) {
            small.addAll(api.asAuthor().queryParam("q", "murmur").queryParam("sort", "relevance").queryParam("size", 7)
                    .queryParam("page", page).get(BASE + "/items").then().statusCode(200).extract().<List<String>>path("items.id"));
        }
        org.assertj.core.api.Assertions.assertThat(small).containsExactlyElementsOf(ranked.subList(0, 28));
    }

    /** The queue waits longest first, pages without gaps, and holds only what waits for someone. */
    @Test
    void reviewQueueListsWaitingItemsLongestFirst() {
        String topic = api.topic("Queue", null);
        List<String> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = api.createItem(content(topic, "Waiting case " + i + "."));
            api.act(api.asAuthor(), id, 1, "submit");
            submitted.add(id);
        }
        api.createItem(content(topic, "A draft nobody has to look at yet."));
        api.act(api.asPublisher(), submitted.remove(1), 1, "approve"); // no longer waits for anyone

        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 2; page++) {
            seen.addAll(api.asPublisher().queryParam("size", 2).queryParam("page", page).get(BASE + "/review-queue").then().statusCode(200)
                    .body("hasNext", equalTo(page == 0)).extract().<List<String>>path("items.id"));
        }
        org.assertj.core.api.Assertions.assertThat(seen).containsExactlyElementsOf(submitted);
    }

    @Test
    void badFiltersAreRefused() {
        assertProblem(api.asAuthor().queryParam("state", "live").get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("size", 1000).get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("page", -1).get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("sort", "random").get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().queryParam("topicId", "not-a-uuid").get(BASE + "/items").then(), 400);
        assertProblem(api.asAuthor().get(BASE + "/items/not-a-uuid").then(), 400);
        assertProblem(api.asAuthor().queryParam("q", "x".repeat(201)).get(BASE + "/items").then(), 400);
        assertProblem(api.as(api.author, api.tenant, "student").get(BASE + "/items").then(), 403);
    }
}
