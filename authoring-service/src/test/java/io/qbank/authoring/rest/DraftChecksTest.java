package io.qbank.authoring.rest;

import static io.qbank.authoring.rest.AuthoringClient.BASE;
import static io.qbank.common.testing.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The item-writing checks on an item as it stands in the editor: the same rules generation applies, each finding explained. */
@QuarkusTest
class DraftChecksTest {

    private final AuthoringClient api = new AuthoringClient();

    private static List<Map<String, Object>> options(String... texts) {
        return java.util.stream.IntStream.range(0, texts.length)
                .mapToObj(i -> Map.<String, Object>of("text", texts[i], "correct", i == 0)).toList();
    }

    private static Map<String, Object> draft(String leadIn, List<Map<String, Object>> options) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("stem", "A 54-year-old man comes to the emergency department because of sudden tearing chest pain radiating to the back.");
        draft.put("leadIn", leadIn);
        draft.put("options", options);
        draft.put("rationale", "Tearing pain radiating to the back with unequal arm pressures is an aortic dissection.");
        return draft;
    }

    @Test
    void aWellWrittenDraftHasNoFinding() {
        api.asAuthor().body(draft("Which of the following is the most likely diagnosis?",
                options("Aortic dissection", "Pulmonary embolism", "Myocardial infarction", "Tension pneumothorax"))).post(BASE + "/items/checks")
                .then().statusCode(200).body("valid", equalTo(true)).body("qualityScore", equalTo(1.0f)).body("findings", hasSize(0));
    }

    @Test
    void eachFlawIsNamedExplainedAndPlacedOnItsField() {
        api.asAuthor().body(draft("Which of the following is not the diagnosis?",
                options("Aortic dissection", "Pulmonary embolism", "Myocardial infarction", "None of the above"))).post(BASE + "/items/checks")
                .then().statusCode(200).body("valid", equalTo(false))
                .body("findings.code", contains("all-none-of-the-above", "negative-stem-unemphasised"))
                .body("findings.field", contains("options[3]", "leadIn"))
                .body("findings.severity", contains("reject", "warn"))
                .body("findings[0].rule", equalTo("All or none of the above"))
                .body("findings[0].why", startsWith("Test-wise students"))
                .body("findings[1].message", equalTo("the lead-in's \"not\" is easy to miss: emphasise it or rephrase positively"));
    }

    @Test
    void anUnfinishedDraftIsCheckedAsItStands() {
        api.as(UUID.randomUUID(), api.tenant, "publisher").body(Map.of("leadIn", "Diagnosis?", "options", options("Aortic dissection", "")))
                .post(BASE + "/items/checks").then().statusCode(200)
                .body("findings.code", contains("missing-vignette", "missing-explanation", "option-count", "empty-option"))
                .body("findings.field", contains("stem", "rationale", "options", "options[1]"));
        // two keys are no key
        List<Map<String, Object>> twoKeys = List.of(Map.of("text", "Aortic dissection", "correct", true), Map.of("text", "Embolism", "correct", true),
                Map.of("text", "Infarction", "correct", false), Map.of("text", "Pneumothorax", "correct", false));
        api.asAuthor().body(draft("Diagnosis?", twoKeys)).post(BASE + "/items/checks").then().statusCode(200)
                .body("findings.code", contains("correct-index"));
    }

    @Test
    void studentsMayNotAndBadInputIsRefused() {
        assertProblem(api.as(UUID.randomUUID(), api.tenant, "student").body(draft("Diagnosis?", options("a", "b", "c", "d")))
                .post(BASE + "/items/checks").then(), 403);
        assertProblem(api.asAuthor().body(Map.of("difficultyLevel", 9)).post(BASE + "/items/checks").then(), 400)
                .body("violations.field", contains("difficultyLevel"));
        assertProblem(api.asAuthor().body(Map.of("options", options("a", "b", "c", "d", "e", "f"))).post(BASE + "/items/checks").then(), 400)
                .body("violations.field", contains("options"));
        assertProblem(api.asAuthor().body("[]").post(BASE + "/items/checks").then(), 400);
    }
}
