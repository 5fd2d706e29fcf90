package io.qbank.generation.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.qbank.generation.rest.GenerationJobTest.answer;
import static io.qbank.generation.rest.GenerationJobTest.dissection;
import static io.qbank.generation.rest.GenerationJobTest.nephrotic;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import io.qbank.common.events.CloudEventCodec;
import io.qbank.common.events.PersonalItemChanged;
import io.qbank.common.events.PersonalItemProposed;
import io.qbank.common.events.Topics;
import io.qbank.common.testing.KafkaTopicReader;
import io.qbank.common.testing.TestTokens;
import io.qbank.generation.llm.OpenAiStub;
import io.qbank.generation.llm.OpenAiStub.Reply;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A learner's personal study set against the OpenAI-compatible stub: their own material (text or PDF) → a job → questions
 * for them alone, announced for review; edits, reports, discards, the Anki file, the limits, and the deletion of a
 * material with all that was made from it. Nobody else — another learner, an author, a publisher, another tenant — sees any of it.
 */
@QuarkusTest
@QuarkusTestResource(value = OpenAiStub.class, restrictToAnnotatedClass = true)
class PersonalStudySetTest {

    private static final String MATERIALS = "/api/v1/generation/personal/materials";
    private static final String JOBS = "/api/v1/generation/personal/jobs";
    private static final String ITEMS = "/api/v1/generation/personal/items";

    private final String tenant = "t-" + UUID.randomUUID();
    private final UUID learner = UUID.randomUUID();

    private static RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, tenantId, roles)).contentType(ContentType.JSON);
    }

    private RequestSpecification me() {
        return as(learner, tenant, "student");
    }

    /** Everyone but the owner: another learner and an author and a publisher of the tenant, the owner's id in another tenant. */
    private List<RequestSpecification> others() {
        return List.of(as(UUID.randomUUID(), tenant, "student"), as(UUID.randomUUID(), tenant, "author"),
                as(UUID.randomUUID(), tenant, "publisher"), as(learner, "other-" + tenant, "student"));
    }

    private String ready(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "ready".equals(me().get(MATERIALS + "/" + id).then().statusCode(200)
                .extract().path("embeddingState")));
        return id;
    }

    private String uploadText(String title, String text) {
        return ready(me().body(Map.of("title", title, "text", text)).post(MATERIALS).then().statusCode(201)
                .body("contentType", equalTo("text/markdown")).extract().path("id"));
    }

    private JsonPath runJob(List<String> materialIds, int count) {
        String id = me().body(Map.of("topic", "Cardiology", "difficulty", 3, "count", count, "materialIds", materialIds)).post(JOBS)
                .then().statusCode(202).body("state", equalTo("queued")).body("ownerId", equalTo(learner.toString()))
                .body("examCode", equalTo(null)).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String state = me().get(JOBS + "/" + id).then().statusCode(200).extract().path("state");
            return !state.equals("queued") && !state.equals("running");
        });
        return me().get(JOBS + "/" + id).then().extract().jsonPath();
    }

    /** What another user's event stream of the job says: nothing (the stream fails before its first event). */
    private static String eventsOf(RequestSpecification user, String jobId) {
        try {
            return user.accept("text/event-stream").get(JOBS + "/" + jobId + "/events").asString();
        } catch (Exception closed) { // rest-assured throws the closed connection unchecked
            return "";
        }
    }

    private static List<PersonalItemChanged> changes(KafkaTopicReader topic, String itemId, int atLeast) {
        List<PersonalItemChanged> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : topic.await(r -> r.key().equals(itemId), atLeast, Duration.ofSeconds(20))) {
            out.add(CloudEventCodec.decode(r).dataAs(PersonalItemChanged.class));
        }
        return out;
    }

    @Test
    void aJobOnMyNotesMakesQuestionsForMeAloneWhichIEditReportDiscardAndExport() {
        String notes = uploadText("My cardiology notes", "# Aortic dissection\nSudden tearing chest pain radiating to the back, "
                + "unequal arm pressures, widened mediastinum.");
        // the tenant's authors neither see my material nor draw on it
        assertThat(as(UUID.randomUUID(), tenant, "author").get("/api/v1/generation/materials").then().statusCode(200)
                .extract().jsonPath().getList("id")).doesNotContain(notes);
        for (RequestSpecification other : others()) {
            assertProblem(other.get(MATERIALS + "/" + notes).then(), 404);
            assertProblem(other.get(MATERIALS + "/" + notes + "/chunks").then(), 404);
            assertProblem(other.delete(MATERIALS + "/" + notes).then(), 404);
        }
        me().get(MATERIALS).then().statusCode(200).body("id", equalTo(List.of(notes)));

        OpenAiStub.script(Reply.ok(answer(dissection(), nephrotic())));
        try (KafkaTopicReader personal = new KafkaTopicReader(Topics.PERSONAL); KafkaTopicReader drafts = new KafkaTopicReader(Topics.GENERATION_DRAFTS)) {
            JsonPath job = runJob(List.of(notes), 2);
            String jobId = job.getString("id");
            assertThat(job.getString("state")).isEqualTo("succeeded");
            assertThat(job.getInt("valid")).isEqualTo(2);
            String first = job.getString("outcomes[0].itemId"), second = job.getString("outcomes[1].itemId");
            assertThat(first).isNotNull();
            assertThat(job.getString("outcomes[0].draftId")).isNull();
            // the NBME prompt drew on my notes
            assertThat(OpenAiStub.messages(OpenAiStub.requests().get(0)).get("user")).contains("widened mediastinum");

            me().get(ITEMS).then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));
            me().get(ITEMS + "?jobId=" + jobId + "&materialId=" + notes).then().body("total", equalTo(2));
            me().get(ITEMS + "?materialId=" + UUID.randomUUID()).then().body("total", equalTo(0));
            JsonPath item = me().get(ITEMS + "/" + first).then().statusCode(200).extract().jsonPath();
            assertThat(item.getString("question.stem")).startsWith("A 65-year-old man");
            assertThat(item.getString("question.state")).isEqualTo("active");
            assertThat(item.getInt("question.version")).isEqualTo(1);
            assertThat(item.getList("question.materialIds")).containsExactly(notes);
            assertThat(item.getString("question.model")).isEqualTo("stub-model");
            assertThat(item.getList("question.validationNotes")).isNotNull();
            assertThat(item.getString("sources[0].materialTitle")).isEqualTo("My cardiology notes");
            assertThat(item.getString("sources[0].text")).contains("widened mediastinum");

            // announced for review, with everything it needs to serve and grade; authors get no draft of it
            PersonalItemChanged made = changes(personal, first, 1).get(0);
            assertThat(made.ownerId()).isEqualTo(learner);
            assertThat(made.tenantId()).isEqualTo(tenant);
            assertThat(made.state()).isEqualTo("active");
            assertThat(made.correctLabel()).isEqualTo("C");
            assertThat(made.options()).hasSize(4);
            assertThat(made.materialIds()).containsExactly(UUID.fromString(notes));
            assertThat(drafts.await(r -> r.key().equals(jobId), 1, Duration.ofSeconds(2))).isEmpty();

            for (RequestSpecification other : others()) {
                assertProblem(other.get(ITEMS + "/" + first).then(), 404);
                assertProblem(other.get(JOBS + "/" + jobId).then(), 404);
                assertProblem(other.get(JOBS + "/" + jobId + "/sources").then(), 404);
                assertProblem(other.post(JOBS + "/" + jobId + "/cancel").then(), 404);
                assertProblem(other.body(Map.of("reason", "typo")).post(ITEMS + "/" + first + "/report").then(), 404);
                assertProblem(other.delete(ITEMS + "/" + first).then(), 404);
                other.get(ITEMS).then().statusCode(200).body("total", equalTo(0));
                assertThat(eventsOf(other, jobId)).doesNotContain(jobId); // last: it leaves the spec accepting event streams
            }
            // nor is it one of the tenant's jobs
            assertProblem(as(UUID.randomUUID(), tenant, "author").get("/api/v1/generation/jobs/" + jobId).then(), 404);
            assertThat(as(UUID.randomUUID(), tenant, "author").get("/api/v1/generation/jobs").then().extract().jsonPath().getList("id"))
                    .doesNotContain(jobId);

            // an edit is checked like generation: three options are refused, and so is a key that is not an option
            Map<String, Object> edit = new java.util.HashMap<>(Map.of("version", 1, "stem", item.getString("question.stem"),
                    "leadIn", "Which of the following is the most likely diagnosis?", "correctLabel", "C",
                    "rationale", "Tearing pain radiating to the back in a hypertensive man is aortic dissection until proven otherwise.",
                    "options", List.of(Map.of("text", "Acute myocardial infarction"), Map.of("text", "Pulmonary embolism"),
                            Map.of("text", "Aortic dissection", "explanation", "Tearing pain, unequal pressures"), Map.of("text", "Pericarditis"))));
            Map<String, Object> threeOptions = new java.util.HashMap<>(edit);
            threeOptions.put("options", List.of(Map.of("text", "Acute myocardial infarction"), Map.of("text", "Pulmonary embolism"),
                    Map.of("text", "Aortic dissection")));
            assertProblem(me().body(threeOptions).put(ITEMS + "/" + first).then(), 422).body("detail", containsString("option-count"));
            Map<String, Object> noKey = new java.util.HashMap<>(edit);
            noKey.put("correctLabel", "E");
            assertProblem(me().body(noKey).put(ITEMS + "/" + first).then(), 422);
            me().body(edit).put(ITEMS + "/" + first).then().statusCode(200).body("version", equalTo(2))
                    .body("options[3].text", equalTo("Pericarditis")).body("options[2].correct", equalTo(true));
            assertProblem(me().body(edit).put(ITEMS + "/" + first).then(), 409).body("detail", containsString("version 2"));
            assertProblem(others().get(0).body(edit).put(ITEMS + "/" + first).then(), 404);
            assertThat(changes(personal, first, 2).get(1).options().get(3).text()).isEqualTo("Pericarditis");

            // proposed to the tenant's authors: a copy for their review, with who and from which material; once
            me().post(ITEMS + "/" + first + "/proposal").then().statusCode(200).body("proposedAt", org.hamcrest.Matchers.notNullValue());
            assertProblem(me().post(ITEMS + "/" + first + "/proposal").then(), 409).body("detail", containsString("already"));
            assertProblem(others().get(1).post(ITEMS + "/" + first + "/proposal").then(), 404);
            PersonalItemProposed proposal = CloudEventCodec.decode(drafts.await(r -> r.key().equals(jobId), 1, Duration.ofSeconds(20)).get(0))
                    .dataAs(PersonalItemProposed.class);
            assertThat(proposal.personalItemId()).hasToString(first);
            assertThat(proposal.proposedBy()).isEqualTo(learner);
            assertThat(proposal.tenantId()).isEqualTo(tenant);
            assertThat(proposal.materialTitles()).containsExactly("My cardiology notes");
            assertThat(proposal.options().get(3).text()).isEqualTo("Pericarditis");
            assertThat(proposal.proposalId()).isNotEqualTo(proposal.personalItemId());

            // reported: kept, and announced so that it is served nowhere; a bad reason changes nothing
            assertProblem(me().body(Map.of("reason", "dull")).post(ITEMS + "/" + second + "/report").then(), 400);
            me().body(Map.of("reason", "incorrect_key", "comment", "The key should be B.")).post(ITEMS + "/" + second + "/report")
                    .then().statusCode(200).body("state", equalTo("reported")).body("reportReason", equalTo("incorrect_key"));
            assertThat(changes(personal, second, 2).get(1).state()).isEqualTo("reported");
            assertProblem(me().post(ITEMS + "/" + second + "/proposal").then(), 409).body("detail", containsString("edit it"));

            // the Anki file holds the active questions only, one note per line, fields free of tabs and line breaks
            String anki = me().get(ITEMS + "/export").then().statusCode(200).contentType(containsString("text/plain"))
                    .header("Content-Disposition", containsString("attachment")).extract().asString();
            List<String> lines = anki.lines().toList();
            assertThat(lines).startsWith("#separator:tab", "#html:true", "#notetype:Basic");
            List<String> notesLines = lines.stream().filter(l -> !l.startsWith("#")).toList();
            assertThat(notesLines).hasSize(1);
            assertThat(notesLines.get(0).split("\t")).hasSize(3);
            assertThat(notesLines.get(0)).contains("D. Pericarditis").contains("<b>C. Aortic dissection</b>").contains("qbank-personal cardiology");

            // discarded: gone, and its removal carries no text
            me().delete(ITEMS + "/" + first).then().statusCode(204);
            assertProblem(me().get(ITEMS + "/" + first).then(), 404);
            PersonalItemChanged removed = changes(personal, first, 3).get(2);
            assertThat(removed.state()).isEqualTo("removed");
            assertThat(removed.stem()).isNull();
            assertThat(removed.options()).isEmpty();
        }
    }

    @Test
    void aPdfIsReadAndBadFilesAreRefusedWithoutAMaterial() throws IOException {
        byte[] pdf = pdf("Minimal change disease: effacement of podocyte foot processes on electron microscopy.");
        String id = me().contentType("application/pdf").body(pdf).post(MATERIALS + "/pdf?title=Renal lecture").then().statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("title", equalTo("Renal lecture")).extract().path("id");
        me().get(MATERIALS + "/" + id + "/chunks").then().statusCode(200).body("[0].text", containsString("podocyte foot processes"));

        assertProblem(me().contentType("application/pdf").body("not a pdf at all".getBytes()).post(MATERIALS + "/pdf?title=Broken").then(), 422)
                .body("detail", containsString("not a readable PDF"));
        assertProblem(me().contentType("application/pdf").body(pdf("")).post(MATERIALS + "/pdf?title=Scan").then(), 422)
                .body("detail", containsString("no text"));
        assertProblem(me().contentType("application/pdf").body(new byte[200_001]).post(MATERIALS + "/pdf?title=Huge").then(), 413);
        assertProblem(me().contentType("application/pdf").body(pdf).post(MATERIALS + "/pdf").then(), 400);
        me().get(MATERIALS).then().body("id", equalTo(List.of(id)));
    }

    @Test
    void theHourlyLimitAnswers429AndAMaterialNotYetReadOr404IsRefusedFirst() {
        String notes = uploadText("Notes", "Aortic dissection: tearing chest pain radiating to the back.");
        assertProblem(me().body(Map.of("topic", "Cardiology", "difficulty", 3, "count", 1, "materialIds", List.of(UUID.randomUUID()))).post(JOBS)
                .then(), 404);
        String otherNotes = as(UUID.randomUUID(), tenant, "student").body(Map.of("title", "Theirs", "text", "Some text of theirs"))
                .post(MATERIALS).then().statusCode(201).extract().path("id");
        assertProblem(me().body(Map.of("topic", "Cardiology", "difficulty", 3, "count", 1, "materialIds", List.of(otherNotes))).post(JOBS).then(), 404);
        assertProblem(me().body(Map.of("topic", "Cardiology", "difficulty", 3, "count", 11, "materialIds", List.of(notes))).post(JOBS).then(), 400);
        assertProblem(me().body(Map.of("topic", "Cardiology", "difficulty", 3, "count", 1, "materialIds", List.of())).post(JOBS).then(), 400);

        OpenAiStub.script(Reply.ok(answer()), Reply.ok(answer()), Reply.ok(answer()), Reply.ok(answer()), Reply.ok(answer()));
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(me().body(Map.of("topic", "Cardiology", "difficulty", 3, "count", 1, "materialIds", List.of(notes))).post(JOBS)
                    .then().statusCode(202).extract().path("id"));
        }
        assertProblem(me().body(Map.of("topic", "Cardiology", "difficulty", 3, "count", 1, "materialIds", List.of(notes))).post(JOBS).then(), 429)
                .body("detail", containsString("5 generation jobs per hour"));
        // another learner of the tenant has their own hour
        as(UUID.randomUUID(), tenant, "student").get(JOBS).then().statusCode(200).body("", hasSize(0));
        await().atMost(Duration.ofSeconds(60)).until(() -> started.stream().allMatch(id ->
                !List.of("queued", "running").contains(me().get(JOBS + "/" + id).then().extract().path("state"))));
        me().get(JOBS).then().body("", hasSize(5));
    }

    @Test
    void deletingAMaterialDeletesItsPassagesJobsAndQuestionsAndAnnouncesEachRemoval() {
        String notes = uploadText("Notes to delete", "Aortic dissection: sudden tearing chest pain radiating to the back, widened mediastinum.");
        String kept = uploadText("Notes to keep", "Minimal change disease: effacement of podocyte foot processes.");
        OpenAiStub.script(Reply.ok(answer(dissection(), nephrotic())), Reply.ok(answer(GenerationJobTest.question(
                "A 70-year-old woman presents with fever, productive cough and crackles over the right lower lobe.",
                "Which of the following is the most likely causative organism?",
                List.of("Streptococcus pneumoniae", "Mycoplasma pneumoniae", "Legionella pneumophila", "Pneumocystis jirovecii"), 0,
                "Streptococcus pneumoniae is the commonest cause of lobar community-acquired pneumonia in older adults."))));
        JsonPath job = runJob(List.of(notes), 2);
        JsonPath other = runJob(List.of(kept), 1);
        assertThat(other.getInt("valid")).isEqualTo(1);
        List<String> made = List.of(job.getString("outcomes[0].itemId"), job.getString("outcomes[1].itemId"));
        try (KafkaTopicReader personal = new KafkaTopicReader(Topics.PERSONAL)) {
            me().delete(MATERIALS + "/" + notes).then().statusCode(204);
            for (String item : made) {
                assertThat(changes(personal, item, 2)).last().extracting(PersonalItemChanged::state).isEqualTo("removed");
                assertProblem(me().get(ITEMS + "/" + item).then(), 404);
            }
        }
        assertProblem(me().get(MATERIALS + "/" + notes).then(), 404);
        assertProblem(me().get(MATERIALS + "/" + notes + "/chunks").then(), 404);
        assertProblem(me().get(JOBS + "/" + job.getString("id")).then(), 404);
        assertProblem(me().delete(MATERIALS + "/" + notes).then(), 404);
        // what came from the other material stays
        me().get(ITEMS).then().body("total", equalTo(1)).body("items[0].id", equalTo(other.getString("outcomes[0].itemId")));
        me().get(JOBS + "/" + other.getString("id")).then().statusCode(200);
    }

    /** A one-page PDF with the text in Helvetica (no text at all: a page with nothing to read, like a scan). */
    static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            if (!text.isEmpty()) {
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.newLineAtOffset(50, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
