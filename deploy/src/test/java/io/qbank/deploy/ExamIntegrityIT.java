package io.qbank.deploy;

import static io.qbank.deploy.Services.ANALYTICS;
import static io.qbank.deploy.Services.AUTHORING;
import static io.qbank.deploy.Services.DELIVERY;
import static io.qbank.deploy.Services.GENERATION;
import static io.qbank.deploy.Services.REVIEW;
import static io.qbank.deploy.EndToEndIT.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.EventType;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.restassured.response.Response;

/**
 * The exam-integrity rule across the five running services: while a student's exam runs, no endpoint of any service that
 * the student may read answers anything different from what it answered before the exam's first answer, but for
 * delivery's own progress counters. Every GET operation of every service's OpenAPI document is walked with the student's
 * token, its path parameters filled with the student's own ids. After the exam ends the same walk must change (schedules,
 * XP, mastery): the sweep would see a leak.
 */
class ExamIntegrityIT {

    static final String TENANT = Identity.tenant("e2e-exam");
    static final String RATIONALE = "The rationale of item ";
    /** The value of a path parameter the student has no id for. */
    static final UUID UNKNOWN = UUID.randomUUID();

    /** The fields of delivery's own quiz endpoints that move as the exam goes on, without telling anything of correctness. */
    static final Set<String> PROGRESS = Set.of("served", "answered", "totalTimeMs", "selectedLabel", "timeTakenMs", "used");

    @Test
    void duringAnExamNoStudentReadableEndpointChangesUntilItEnds() throws Exception {
        String author = Identity.token(TENANT, "author");
        String publisher = Identity.token(TENANT, "publisher");
        Identity.User signedIn = Identity.user(TENANT, "student");
        String student = signedIn.token();
        List<String> items = new ArrayList<>();
        String topic = as(author).body(Map.of("name", "Cardiology", "blueprintCode", "CV")).post(AUTHORING + "/api/v1/authoring/topics")
                .then().statusCode(201).extract().path("id");
        for (int i = 0; i < 4; i++) {
            items.add(publish(author, publisher, topic, i, "DEMO"));
        }
        // some history before the exam, so that schedules, XP, mastery and standing exist to be compared: a linear tutor quiz
        // over the whole pool, once delivery has all the items (a quiz that runs out of items before is taken again)
        int[] answers = { 0 };
        String tutor = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response r = as(student).body(Map.of("examCode", "DEMO", "mode", "tutor", "adaptive", false, "length", items.size()))
                    .post(DELIVERY + "/api/v1/quizzes");
            if (r.statusCode() != 201) {
                return null;
            }
            for (int position = 1; position <= items.size(); position++) {
                if (as(student).post(DELIVERY + "/api/v1/quizzes/" + r.path("id") + "/next").statusCode() != 200) {
                    return null;
                }
                answer(student, r.path("id"), position, "A").then().statusCode(200).body("correct", equalTo(true));
                answers[0]++;
            }
            return r.<String>path("id");
        }, id -> id != null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                as(student).get(REVIEW + "/api/v1/reviews/schedules").<List<?>>path("$").size() == items.size()
                        && as(student).get(ANALYTICS + "/api/v1/analytics/students/me/standing").statusCode() == 200
                        && as(student).get(ANALYTICS + "/api/v1/analytics/students/me/standing").<Integer>path("attempts") == answers[0]);

        String exam = as(student).body(Map.of("examCode", "DEMO", "mode", "exam", "length", 3)).post(DELIVERY + "/api/v1/quizzes")
                .then().statusCode(201).extract().path("id");
        as(student).post(DELIVERY + "/api/v1/quizzes/" + exam + "/next").then().statusCode(200).body("position", equalTo(1));
        Map<String, List<String>> ids = Map.of("quizId", List.of(exam, tutor), "itemId", items, "userId", List.of("me", signedIn.id().toString()),
                "position", List.of("1"));
        Map<String, Object> before = sweep(student, ids);
        assertThat(before.values()).as("the walk reads something").anyMatch(v -> v instanceof List<?> l && !l.isEmpty());

        try (KafkaTopicReader delivery = new KafkaTopicReader(Topics.DELIVERY)) {
            answer(student, exam, 1, "B").then().statusCode(200).body("recorded", equalTo(true));
            as(student).post(DELIVERY + "/api/v1/quizzes/" + exam + "/next").then().statusCode(200).body("position", equalTo(2));
            answer(student, exam, 2, "A").then().statusCode(200);
            as(student).post(DELIVERY + "/api/v1/quizzes/" + exam + "/next").then().statusCode(200).body("position", equalTo(3));
            // the ItemServed of position 3 follows the first two answers on the student's partition: every consumer has had them
            // (were they sent) once it is out and consumed; the walk is then repeated for 10 s
            assertThat(delivery.awaitEvents(EventType.ITEM_SERVED.ceType(), exam, 2, Duration.ofSeconds(15))).hasSize(2);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            do {
                Map<String, Object> during = sweep(student, ids);
                assertThat(during.keySet()).isEqualTo(before.keySet());
                before.forEach((call, body) -> assertThat(differences(call, body, during.get(call), call.startsWith("GET /api/v1/quizzes")))
                        .as(call).isEmpty());
                during.entrySet().stream().filter(e -> e.getKey().contains(exam))
                        .forEach(e -> assertThat(String.valueOf(e.getValue())).as(e.getKey()).doesNotContain(RATIONALE).doesNotContain("why "));
                Thread.sleep(1_000);
            } while (System.nanoTime() < until);
        }

        // the end releases the answers: the same walk now changes where the answers count (review, analytics)
        as(student).post(DELIVERY + "/api/v1/quizzes/" + exam + "/finish").then().statusCode(200).body("items[0].correct", equalTo(false));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> after = sweep(student, ids);
            List<String> changed = before.keySet().stream().filter(call -> !call.contains(exam))
                    .filter(call -> !differences(call, before.get(call), after.get(call), false).isEmpty()).toList();
            assertThat(changed).anyMatch(c -> c.contains("/reviews/schedules")).anyMatch(c -> c.contains("/reviews/profile"))
                    .anyMatch(c -> c.contains("/mastery")).anyMatch(c -> c.contains("/standing"));
        });
    }

    /** Writes, approves and publishes an item to an exam code; its key is A. */
    static String publish(String author, String publisher, String topic, int n, String examCode) {
        String itemId = as(author).body(Map.of("topicId", topic, "stem", "A 40-year-old woman, case " + n + ", has chest pain.",
                "leadIn", "Which is the most likely diagnosis?",
                "options", List.of(Map.of("label", "A", "text", "Right " + n, "correct", true, "explanation", "why right " + n),
                        Map.of("label", "B", "text", "Wrong 1", "correct", false, "explanation", "why wrong 1"),
                        Map.of("label", "C", "text", "Wrong 2", "correct", false, "explanation", "why wrong 2"),
                        Map.of("label", "D", "text", "Wrong 3", "correct", false, "explanation", "why wrong 3")),
                "rationale", RATIONALE + n, "difficulty", "medium", "difficultyLevel", 3))
                .post(AUTHORING + "/api/v1/authoring/items").then().statusCode(201).extract().path("id");
        String versions = AUTHORING + "/api/v1/authoring/items/" + itemId + "/versions/1";
        as(author).body(Map.of("action", "submit")).post(versions + "/transitions").then().statusCode(200);
        as(publisher).body(Map.of("action", "approve")).post(versions + "/transitions").then().statusCode(200);
        as(publisher).body(Map.of("examCodes", List.of(examCode))).post(versions + "/publication").then().statusCode(200);
        return itemId;
    }

    static Response answer(String token, String quiz, int position, String label) {
        return as(token).body(Map.of("position", position, "selectedLabel", label, "confidence", 4, "timeTakenMs", 30_000))
                .post(DELIVERY + "/api/v1/quizzes/" + quiz + "/answers");
    }

    /**
     * Every GET operation of every service, each path parameter filled with each of the student's ids for it (another
     * name gets {@link #UNKNOWN}): the status and body of each call, keyed by method and URL. Event streams are left out.
     */
    static Map<String, Object> sweep(String token, Map<String, List<String>> ids) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String base : List.of(AUTHORING, DELIVERY, GENERATION, REVIEW, ANALYTICS)) {
            Map<String, Map<String, Object>> paths = given().accept("application/json").get(base + "/q/openapi").then().statusCode(200)
                    .extract().jsonPath().getMap("paths");
            paths.forEach((path, operations) -> {
                if (!operations.containsKey("get") || !path.startsWith("/api/") || String.valueOf(operations.get("get")).contains("text/event-stream")) {
                    return;
                }
                for (String url : urls(path, ids)) {
                    Response r = as(token).accept("application/json").get(base + url);
                    Object body = r.contentType().contains("json") && !r.asString().isEmpty() ? r.jsonPath().get("$") : r.asString();
                    answers.put("GET " + url, List.of(r.statusCode(), body == null ? "" : body));
                }
            });
        }
        return answers;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    static List<String> urls(String path, Map<String, List<String>> ids) {
        Matcher m = PARAMETER.matcher(path);
        if (!m.find()) {
            return List.of(path);
        }
        List<String> values = ids.getOrDefault(m.group(1), List.of(m.group(1).equals("version") ? "1" : UNKNOWN.toString()));
        List<String> urls = new ArrayList<>();
        for (String value : values) {
            urls.addAll(urls(path.substring(0, m.start()) + value + path.substring(m.end()), ids));
        }
        return urls;
    }

    /**
     * Where two answers of one call differ, as JSON paths. In delivery's answers about the running exam itself the progress
     * fields may move (served, answered, time, the student's own answers, the exam code's used items) and its item and
     * position lists may grow (positions served since), nothing else.
     */
    static List<String> differences(String at, Object before, Object after, boolean progressMayMove) {
        List<String> found = new ArrayList<>();
        diff(at, before, after, progressMayMove, found);
        return found;
    }

    private static void diff(String at, Object before, Object after, boolean progress, List<String> found) {
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
            Set<Object> keys = new java.util.HashSet<>(b.keySet());
            keys.addAll(a.keySet());
            for (Object key : keys) {
                if (!(progress && PROGRESS.contains(key))) {
                    diff(at + "." + key, b.get(key), a.get(key), progress, found);
                }
            }
        } else if (before instanceof List<?> b && after instanceof List<?> a) {
            if (a.size() < b.size() || a.size() > b.size() && !(progress && (at.endsWith(".items") || at.contains("/positions")))) {
                found.add(at + " (" + b.size() + " → " + a.size() + " elements)");
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                diff(at + "[" + i + "]", b.get(i), a.get(i), progress, found);
            }
        } else if (!java.util.Objects.equals(before, after)) {
            found.add(at + ": " + before + " → " + after);
        }
    }
}
