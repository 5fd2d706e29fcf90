package io.qbank.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A learner's personal study set across the running suite (generation answered by the local OpenAI-compatible
 * stand-in): their notes → a job → their questions → a practice → schedules due and retention counted as personal;
 * no one else sees them, they are in no quiz pool, search, export or item statistics of the bank; deleting the notes
 * removes them from every service; the hourly limit answers 429.
 */
class PersonalStudySetIT {

    private static final String API = Identity.FRONT_DOOR + "/api/v1";
    private static final String NOTES = "# Aortic dissection\n\nSudden tearing chest pain radiating to the back, a blood pressure that differs "
            + "between the arms and a widened mediastinum on the chest radiograph suggest aortic dissection. Stanford type A involves "
            + "the ascending aorta and needs emergency surgery; type B is treated with blood-pressure control.";

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String readyMaterial(String token, String title) {
        String id = as(token).body(Map.of("title", title, "text", NOTES, "contentType", "text/markdown"))
                .post(API + "/generation/personal/materials").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "ready".equals(as(token).get(API + "/generation/personal/materials/" + id)
                .then().statusCode(200).extract().path("embeddingState")));
        return id;
    }

    private static Response startJob(String token, String materialId, int count) {
        return as(token).body(Map.of("topic", "Aortic dissection", "difficulty", 3, "count", count, "materialIds", List.of(materialId)))
                .post(API + "/generation/personal/jobs");
    }

    private static JsonPath finished(String token, String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("succeeded", "failed", "cancelled")
                .contains(as(token).get(API + "/generation/personal/jobs/" + jobId).then().extract().<String>path("state")));
        return as(token).get(API + "/generation/personal/jobs/" + jobId).then().extract().jsonPath();
    }

    private static int practiceSize(String token) {
        return as(token).body(Map.of("personal", true, "ahead", false, "limit", 50)).post(API + "/reviews/sessions").then().statusCode(201)
                .extract().path("itemCount");
    }

    @Test
    void myNotesBecomeMyQuestionsPractisedAndScheduledSeenByNoOneElseAndGoneEverywhereWithTheNotes() {
        String tenant = Identity.tenant("personal");
        String author = Identity.token(tenant, "author"), publisher = Identity.token(tenant, "publisher");
        Identity.User learner = Identity.user(tenant, "student");
        String me = learner.token(), classmate = Identity.token(tenant, "student"), stranger = Identity.token(Identity.tenant("other"), "student");
        String exam = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // the bank holds one published item of the exam
        String topicId = as(author).body(Map.of("name", "Cardiology")).post(API + "/authoring/topics").then().statusCode(201).extract().path("id");
        String bankItem = as(author).body(Map.of("topicId", topicId, "stem", "A 70-year-old man has crushing chest pain for an hour.",
                "leadIn", "Which is the most likely diagnosis?", "rationale", "Crushing pain for an hour is a myocardial infarction.",
                "difficulty", "medium", "difficultyLevel", 3, "options", List.of(
                        Map.of("label", "A", "text", "Myocardial infarction", "correct", true), Map.of("label", "B", "text", "Pericarditis", "correct", false),
                        Map.of("label", "C", "text", "Pneumothorax", "correct", false), Map.of("label", "D", "text", "Oesophagitis", "correct", false))))
                .post(API + "/authoring/items").then().statusCode(201).extract().path("id");
        as(author).body(Map.of("action", "submit")).post(API + "/authoring/items/" + bankItem + "/versions/1/transitions").then().statusCode(200);
        as(publisher).body(Map.of("action", "approve")).post(API + "/authoring/items/" + bankItem + "/versions/1/transitions").then().statusCode(200);
        as(publisher).body(Map.of("examCodes", List.of(exam))).post(API + "/authoring/items/" + bankItem + "/versions/1/publication").then().statusCode(200);

        // my notes → a job → my questions
        String notes = readyMaterial(me, "My aortic notes");
        JsonPath job = finished(me, startJob(me, notes, 3).then().statusCode(202).extract().path("id"));
        assertThat(job.getString("state")).isEqualTo("succeeded");
        int made = job.getInt("valid");
        assertThat(made).isPositive();
        List<String> mine = as(me).get(API + "/generation/personal/items?size=100").then().statusCode(200).body("total", equalTo(made))
                .extract().path("items.id");

        // review hears of them; a practice serves each, new ones first, graded at once; each is then scheduled, as personal
        await().atMost(Duration.ofSeconds(30)).until(() -> practiceSize(me) == made);
        Response practice = as(me).body(Map.of("personal", true, "materialId", notes, "ahead", false, "limit", 50)).post(API + "/reviews/sessions");
        practice.then().statusCode(201).body("personal", equalTo(true)).body("next.personal", equalTo(true));
        String session = practice.path("id");
        for (int position = 1; position <= made; position++) {
            if (position > 1) {
                as(me).post(API + "/reviews/sessions/" + session + "/next").then().statusCode(200).body("next.position", equalTo(position));
            }
            as(me).body(Map.of("position", position, "selectedLabel", "A", "confidence", 3, "timeTakenMs", 30_000))
                    .post(API + "/reviews/sessions/" + session + "/answers").then().statusCode(200)
                    .body("correctLabel", org.hamcrest.Matchers.matchesPattern("[A-E]")).body("rationale", org.hamcrest.Matchers.notNullValue());
        }
        List<Map<String, Object>> schedules = as(me).get(API + "/reviews/schedules").then().statusCode(200).extract().path("$");
        assertThat(schedules).extracting(s -> (String) s.get("itemId")).containsExactlyInAnyOrderElementsOf(mine);
        for (Map<String, Object> s : schedules) {
            Instant due = Instant.parse((String) s.get("dueAt"));
            assertThat(due).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(7)));
        }
        int forecast = as(me).get(API + "/reviews/forecast?days=8").then().statusCode(200).extract().jsonPath().getList("due", Integer.class)
                .stream().mapToInt(Integer::intValue).sum();
        assertThat(forecast).isEqualTo(made);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> personalReviews(publisher, today) == made);

        // nobody else: another learner, an author, a publisher, another tenant
        for (String other : List.of(classmate, author, publisher, stranger)) {
            as(other).get(API + "/generation/personal/items/" + mine.get(0)).then().statusCode(404);
            as(other).get(API + "/generation/personal/materials/" + notes).then().statusCode(404);
            as(other).get(API + "/generation/personal/jobs/" + job.getString("id")).then().statusCode(404);
            as(other).get(API + "/generation/personal/items").then().statusCode(200).body("total", equalTo(0));
        }
        assertThat(practiceSize(classmate)).isZero();
        as(classmate).post(API + "/reviews/sessions/" + session + "/next").then().statusCode(404);

        // nor the bank: the exam's pool, a quiz of it, the authors' search and export, the item statistics
        await().atMost(Duration.ofSeconds(30)).until(() -> as(me).queryParam("examCode", exam).get(API + "/quizzes/matching").then()
                .statusCode(200).extract().<Integer>path("published") == 1);
        String quiz = as(classmate).body(Map.of("examCode", exam, "mode", "tutor", "length", 10)).post(API + "/quizzes").then().statusCode(201)
                .extract().path("id");
        as(classmate).post(API + "/quizzes/" + quiz + "/next").then().statusCode(200).body("itemId", equalTo(bankItem));
        String word = as(me).get(API + "/generation/personal/items/" + mine.get(0)).then().extract().<String>path("question.stem").split("\\s+")[3];
        as(author).queryParam("q", word).get(API + "/authoring/items").then().statusCode(200).body("items.id",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems(mine.toArray(String[]::new))));
        List<String> exported = as(author).get(API + "/authoring/bulk/items").then().statusCode(200).extract().path("id");
        assertThat(exported).containsExactly(bankItem);
        List<String> statistics = as(publisher).get(API + "/analytics/items?size=1000").then().statusCode(200).extract().path("itemId");
        assertThat(statistics).doesNotContainAnyElementsOf(mine);

        // deleting my notes: the questions go here at once, and from review and analytics once they have heard
        as(me).delete(API + "/generation/personal/materials/" + notes).then().statusCode(204);
        as(me).get(API + "/generation/personal/items").then().body("total", equalTo(0));
        as(me).get(API + "/generation/personal/jobs/" + job.getString("id")).then().statusCode(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(me).get(API + "/reviews/schedules").then().extract().<List<?>>path("$").isEmpty());
        for (String id : mine) {
            as(me).get(API + "/reviews/schedules/" + id).then().statusCode(404);
        }
        assertThat(practiceSize(me)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> personalReviews(publisher, today) == 0);
    }

    /** The tenant's reviews of personal questions today, by analytics' retention. */
    private static long personalReviews(String publisher, String day) {
        List<Map<String, Object>> rows = as(publisher).queryParam("from", day).queryParam("to", day).get(API + "/analytics/reviews/retention")
                .then().statusCode(200).extract().path("$");
        return rows.stream().filter(r -> Boolean.TRUE.equals(r.get("personal"))).mapToLong(r -> ((Number) r.get("reviews")).longValue()).sum();
    }

    @Test
    void aLearnersSixthJobOfTheHourAnswers429() {
        String tenant = Identity.tenant("personal-limit");
        String me = Identity.token(tenant, "student");
        String notes = readyMaterial(me, "Notes");
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(startJob(me, notes, 1).then().statusCode(202).extract().path("id"));
        }
        startJob(me, notes, 1).then().statusCode(429).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("detail", org.hamcrest.Matchers.containsString("5 generation jobs per hour"));
        // another learner of the tenant has an hour of their own
        String classmate = Identity.token(tenant, "student");
        startJob(classmate, readyMaterial(classmate, "Their notes"), 1).then().statusCode(202);
        jobs.forEach(id -> finished(me, id));
    }
}
