package io.qbank.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The first flow of the suite, across the five services running as separate processes on the real
 * infrastructure (started by ./qbank test): each hop is checked where it lands, not only that a call said 200.
 */
class EndToEndIT {

    /** The APIs, all through the front door (the gateway routes each prefix to its service). */
    static final String AUTHORING = Identity.FRONT_DOOR;
    static final String DELIVERY = Identity.FRONT_DOOR;
    static final String GENERATION = Identity.FRONT_DOOR;
    static final String REVIEW = Identity.FRONT_DOOR;
    static final String ANALYTICS = Identity.FRONT_DOOR;

    static final String TENANT = Identity.tenant("e2e");
    static UUID STUDENT;
    static String authorToken;
    static String publisherToken;
    static String studentToken;

    @BeforeAll
    static void signIn() {
        authorToken = Identity.token(TENANT, "author");
        publisherToken = Identity.token(TENANT, "publisher");
        Identity.User student = Identity.user(TENANT, "student");
        STUDENT = student.id();
        studentToken = student.token();
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void anItemWrittenByAnAuthorReachesAStudentAndComesBackAsAReviewAndInTheRollup() {
        // authoring: an author writes an item, a publisher approves and publishes it to DEMO
        String topicId = as(authorToken).body(Map.of("name", "Cardiology", "blueprintCode", "CV"))
                .post(AUTHORING + "/api/v1/authoring/topics").then().statusCode(201).extract().path("id");
        String itemId = as(authorToken).body(Map.of("topicId", topicId,
                "stem", "A 62-year-old man has sudden tearing chest pain radiating to the back; BP differs between arms.",
                "leadIn", "Which is the most likely diagnosis?",
                "options", List.of(
                        Map.of("label", "A", "text", "Aortic dissection", "correct", true, "explanation", "tearing pain, BP asymmetry"),
                        Map.of("label", "B", "text", "Acute myocardial infarction", "correct", false, "explanation", "pressure, not tearing"),
                        Map.of("label", "C", "text", "Acute pericarditis", "correct", false, "explanation", "positional pain"),
                        Map.of("label", "D", "text", "Pulmonary embolism", "correct", false, "explanation", "pleuritic pain, hypoxia"),
                        Map.of("label", "E", "text", "Tension pneumothorax", "correct", false, "explanation", "absent breath sounds")),
                "rationale", "Tearing pain to the back with unequal arm pressures is aortic dissection.",
                "difficulty", "medium", "difficultyLevel", 3))
                .post(AUTHORING + "/api/v1/authoring/items").then().statusCode(201).extract().path("id");
        as(authorToken).body(Map.of("action", "submit")).post(AUTHORING + "/api/v1/authoring/items/" + itemId + "/versions/1/transitions")
                .then().statusCode(200).body("latest.state", equalTo("in_review"));
        as(publisherToken).body(Map.of("action", "approve")).post(AUTHORING + "/api/v1/authoring/items/" + itemId + "/versions/1/transitions")
                .then().statusCode(200).body("latest.state", equalTo("approved"));

        try (KafkaTopicReader items = new KafkaTopicReader(Topics.ITEMS);
                KafkaTopicReader delivery = new KafkaTopicReader(Topics.DELIVERY);
                KafkaTopicReader reviews = new KafkaTopicReader(Topics.REVIEWS)) {
            as(publisherToken).body(Map.of("examCodes", List.of("DEMO")))
                    .post(AUTHORING + "/api/v1/authoring/items/" + itemId + "/versions/1/publication")
                    .then().statusCode(200).body("latest.state", equalTo("published")).body("examCodes", equalTo(List.of("DEMO")));

            // hop 1: authoring's outbox → Kafka
            List<CloudEvent> published = items.awaitEvents(EventType.ITEM_PUBLISHED.ceType(), itemId, 1, Duration.ofSeconds(15));
            assertThat(published).as("ItemPublished on qbank.items.v1").hasSize(1);
            assertThat(published.get(0).tenant()).isEqualTo(TENANT);
            assertThat(published.get(0).dataAs(ItemPublished.class).correctLabel()).isEqualTo("A");

            // hop 2: Kafka → delivery's pool: the tenant's DEMO pool is empty until the event lands
            String quizId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Response r = as(studentToken).body(Map.of("examCode", "DEMO", "mode", "tutor", "length", 1))
                        .post(DELIVERY + "/api/v1/quizzes");
                return r.statusCode() == 201 ? r.<String>path("id") : null;
            }, id -> id != null);
            Response served = as(studentToken).post(DELIVERY + "/api/v1/quizzes/" + quizId + "/next");
            served.then().statusCode(200).body("itemId", equalTo(itemId)).body("version", equalTo(1))
                    .body("options.label", equalTo(List.of("A", "B", "C", "D", "E")));
            assertThat(served.asString()).doesNotContain("correct").doesNotContain("explanation").doesNotContain("rationale");

            // the student answers: tutor mode shows the key of the served version
            as(studentToken).body(Map.of("position", 1, "selectedLabel", "A", "confidence", 5, "timeTakenMs", 42_000))
                    .post(DELIVERY + "/api/v1/quizzes/" + quizId + "/answers")
                    .then().statusCode(200).body("correct", equalTo(true)).body("correctLabel", equalTo("A"))
                    .body("quizStatus", equalTo("completed"));

            // hop 3: delivery's outbox → Kafka
            List<CloudEvent> answers = delivery.awaitEvents(EventType.ANSWER_SUBMITTED.ceType(), quizId, 1, Duration.ofSeconds(15));
            assertThat(answers).as("AnswerSubmitted on qbank.delivery.v1").hasSize(1);
            AnswerSubmitted answer = answers.get(0).dataAs(AnswerSubmitted.class);
            assertThat(answer.itemId()).hasToString(itemId);
            assertThat(answer.userId()).isEqualTo(STUDENT);
            assertThat(answer.correct()).isTrue();
            assertThat(delivery.awaitEvents(EventType.QUIZ_COMPLETED.ceType(), quizId, 1, Duration.ofSeconds(15))).hasSize(1);

            // hop 4: Kafka → review: an SM-2 schedule for this student and item (q = 5: EF 2.6, 1 day)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    as(studentToken).get(REVIEW + "/api/v1/reviews/schedules/" + itemId).statusCode() == 200);
            as(studentToken).get(REVIEW + "/api/v1/reviews/schedules/" + itemId).then().statusCode(200)
                    .body("scheduler", equalTo("sm2")).body("repetition", equalTo(1)).body("intervalDays", equalTo(1))
                    .body("easinessFactor", equalTo(2.6f)).body("attempts", equalTo(1));
            assertThat(reviews.awaitEvents(EventType.REVIEW_RECORDED.ceType(), itemId, 1, Duration.ofSeconds(15)))
                    .extracting(e -> e.dataAs(ReviewRecorded.class).userId()).contains(STUDENT);

            // hop 5: Kafka → analytics: the response counts in today's cohort rollup of the tenant
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    as(publisherToken).get(ANALYTICS + "/api/v1/analytics/cohorts/daily?from=" + today + "&to=" + today)
                            .<List<?>>path("$").size() == 1);
            as(publisherToken).get(ANALYTICS + "/api/v1/analytics/cohorts/daily?from=" + today + "&to=" + today).then()
                    .body("[0].attempts", equalTo(1)).body("[0].correct", equalTo(1)).body("[0].activeUsers", equalTo(1))
                    .body("[0].meanTimeMs", equalTo(42000.0f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "authoring", "delivery", "generation", "review", "analytics" })
    void everyServiceIsReadyAndServesMetricsAndOpenApi(String service) {
        String base = Services.url(service, switch (service) {
            case "authoring" -> 8081;
            case "delivery" -> 8082;
            case "generation" -> 8083;
            case "review" -> 8084;
            default -> 8085;
        });
        given().get(base + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(base + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name.findAll { it.contains('PostgreSQL') || it.contains('Redis') || it.contains('Kafka') }.size()",
                        equalTo(3));
        given().get(base + "/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
        io.restassured.path.json.JsonPath openApi = given().accept("application/json").get(base + "/q/openapi").then()
                .statusCode(200).body("openapi", startsWith("3.")).body("components.schemas.Problem.properties.status.type", equalTo("integer"))
                // the scheme the operations name exists, so that generated clients and Swagger UI attach the token
                .body("components.securitySchemes.jwt.type", equalTo("http")).body("components.securitySchemes.jwt.scheme", equalTo("bearer"))
                .extract().jsonPath();
        given().get(base + "/q/swagger-ui/").then().statusCode(200);
        // every API operation documents its shared errors as problem+json (ProblemResponsesFilter in common)
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        assertThat(paths.keySet()).anyMatch(p -> p.startsWith("/api/v1/"));
        java.util.Set<Object> operationIds = new java.util.HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                // named, once, and with the roles that may call it (from its @RolesAllowed)
                assertThat(operationIds.add(operation.get("operationId"))).as(method + " " + path + " has a name of its own").isTrue();
                assertThat(operation.get("operationId")).as(method + " " + path).isNotNull();
                assertThat((List<?>) operation.get("x-roles")).as(method + " " + path + " x-roles").isNotEmpty()
                        .allMatch(role -> List.of("student", "author", "publisher", "admin").contains(role));
                Map<?, ?> unauthorized = (Map<?, ?>) ((Map<?, ?>) operation.get("responses")).get("401");
                assertThat(unauthorized).as(method + " " + path).isNotNull();
                assertThat(unauthorized.toString()).as(method + " " + path)
                        .contains("application/problem+json").contains("#/components/schemas/Problem");
                // and its success: a 2xx response, with the body's schema (JSON, or events for a stream) unless it has none (204)
                Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
                List<String> successes = responses.keySet().stream().map(Object::toString).filter(code -> code.startsWith("2")).toList();
                assertThat(successes).as(method + " " + path).isNotEmpty();
                successes.stream().filter(code -> !code.equals("204")).forEach(code -> assertThat(((Map<?, ?>) responses.get(code)).get("content"))
                        .as(method + " " + path + " " + code).asString().contains("schema="));
            }
        }));
        if (service.equals("authoring")) {
            // every field of authoring's requests and responses shows an example (a nested object shows its own)
            Map<String, Map<String, Object>> schemas = openApi.getMap("components.schemas");
            schemas.forEach((name, schema) -> {
                Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
                if (!name.equals("Problem") && properties != null) {
                    properties.forEach((field, property) -> assertThat(property.toString()).as(name + "." + field)
                            .containsAnyOf("example", "$ref"));
                }
            });
        }
    }

    @Test
    void noServiceAnswersWithoutAToken() {
        for (String path : List.of(AUTHORING + "/api/v1/authoring/topics", DELIVERY + "/api/v1/quizzes", GENERATION + "/api/v1/generation/materials",
                REVIEW + "/api/v1/reviews/due", ANALYTICS + "/api/v1/analytics/cohorts/daily")) {
            given().get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
    }
}
