package io.qbank.common.writing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.qbank.common.writing.ItemWritingChecks.Finding;
import io.qbank.common.writing.ItemWritingChecks.Item;
import io.qbank.common.writing.ItemWritingChecks.Report;
import io.qbank.common.writing.ItemWritingChecks.Severity;

class ItemWritingChecksTest {

    static final String VIGNETTE = "A 65-year-old man with a history of hypertension presents to the emergency department with sudden "
            + "tearing chest pain radiating to the back. Blood pressure is 180/100 mm Hg in the right arm and 140/80 mm Hg in the left.";
    static final List<String> OPTIONS = List.of("Acute myocardial infarction", "Pulmonary embolism", "Aortic dissection", "Tension pneumothorax");
    static final String EXPLANATION = "Sudden tearing pain radiating to the back with unequal arm pressures indicates aortic dissection.";

    static Item item(String vignette, String question, List<String> options, Integer key, String explanation) {
        return new Item(vignette, question, options, key, explanation);
    }

    static Item good() {
        return item(VIGNETTE, "What is the most likely diagnosis?", OPTIONS, 2, EXPLANATION);
    }

    /** The findings' codes; every one of them is a rule with a name and a why. */
    private static List<String> codes(Report report) {
        List<String> codes = report.findings().stream().map(Finding::code).toList();
        assertThat(ItemWritingChecks.RULES).containsKeys(codes.toArray(String[]::new));
        return codes;
    }

    @Test
    void aWellWrittenItemPassesWithFullQuality() {
        Report report = ItemWritingChecks.check(good(), 5);
        assertThat(report.findings()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.qualityScore()).isEqualTo(1.0);
    }

    @Test
    void theSeedsFormatRules() {
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Q?", OPTIONS.subList(0, 3), 1, EXPLANATION), 3))).containsExactly("option-count");
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Q?", OPTIONS, 4, EXPLANATION), 3))).containsExactly("correct-index");
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Q?", OPTIONS, null, EXPLANATION), 3))).containsExactly("correct-index");
        assertThat(codes(ItemWritingChecks.check(item(" ", "", OPTIONS, 2, null), 3)))
                .containsExactly("missing-vignette", "missing-question", "missing-explanation");
        Report broken = ItemWritingChecks.check(item(VIGNETTE, "Q?", List.of("a", "b", "c", "d", "e", "f"), -1, EXPLANATION), 3);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.rejections()).containsExactly("option-count: needs 4 or 5 options, has 6",
                "correct-index: the key must be one of the 6 options, was -1");
        assertThat(broken.qualityScore()).isZero();
        assertThat(codes(ItemWritingChecks.check(item("x".repeat(ItemWritingChecks.MAX_VIGNETTE + 1), "Q?", OPTIONS, 2, EXPLANATION), 1)))
                .containsExactly("oversized");
    }

    @Test
    void itemWritingFlawsThatReject() {
        List<String> allOfTheAbove = List.of("Aortic dissection", "Pulmonary embolism", "Pneumothorax", "All of the above");
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Diagnosis?", allOfTheAbove, 0, EXPLANATION), 3)))
                .containsExactly("all-none-of-the-above");
        List<String> twice = List.of("Aortic dissection", "Pulmonary embolism", "aortic  dissection.", "Pneumothorax");
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Diagnosis?", twice, 0, EXPLANATION), 3))).containsExactly("duplicate-options");
        List<String> nearly = List.of("Acute inferior myocardial infarction", "Acute inferior wall myocardial infarction", "Aortic dissection",
                "Pneumothorax");
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Diagnosis?", nearly, 2, EXPLANATION), 3))).containsExactly("near-duplicate-options");
        // the key is pulmonary embolism, but the explanation argues for dissection
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Diagnosis?", OPTIONS, 1, EXPLANATION), 3)))
                .containsExactly("explanation-does-not-support-key");
    }

    @Test
    void fromLevelThreeTheVignetteSaysWhoThePatientIsAndWhyTheyCame() {
        String bare = "Chest pain radiating to the back; unequal arm blood pressures.";
        Report level3 = ItemWritingChecks.check(item(bare, "Diagnosis?", OPTIONS, 2, EXPLANATION), 3);
        assertThat(level3.rejections()).containsExactly("vignette-incomplete: a level 3 vignette must give the patient's age, sex, presentation");
        assertThat(ItemWritingChecks.check(item(bare, "Diagnosis?", OPTIONS, 2, EXPLANATION), 2).valid()).isTrue();
        assertThat(ItemWritingChecks.check(item("A newborn girl is brought to the clinic because of cyanosis.", "Diagnosis?", OPTIONS, 2,
                EXPLANATION), 4).valid()).isTrue();
    }

    @Test
    void flawsThatLowerTheQualityScore() {
        Report negative = ItemWritingChecks.check(item(VIGNETTE, "Which of the following is not a likely diagnosis?", OPTIONS, 2, EXPLANATION), 3);
        assertThat(codes(negative)).containsExactly("negative-stem-unemphasised");
        assertThat(negative.valid()).isTrue();
        assertThat(negative.qualityScore()).isEqualTo(0.85);
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Each is a cause EXCEPT which?", OPTIONS, 2, EXPLANATION), 3)))
                .containsExactly("negative-stem");
        List<String> longKey = List.of("Myocardial infarction", "Pulmonary embolism",
                "Aortic dissection extending from the ascending aorta into the arch", "Pneumothorax");
        assertThat(codes(ItemWritingChecks.check(item(VIGNETTE, "Diagnosis?", longKey, 2,
                "Tearing pain and unequal arm pressures: an aortic dissection from the ascending aorta extending into the arch."), 3)))
                .containsExactly("longest-option-is-key");
        List<String> absolute = List.of("Always a myocardial infarction", "Pulmonary embolism", "Aortic dissection", "Pneumothorax");
        Report cue = ItemWritingChecks.check(item(VIGNETTE, "Diagnosis?", absolute, 2, EXPLANATION), 3);
        assertThat(cue.findings()).extracting(Finding::code, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("absolute-term-in-distractor", Severity.WARN));
    }

    @Test
    void eachFindingNamesTheFieldItIsAbout() {
        List<String> flawed = List.of("Aortic dissection", "", "Pneumothorax", "None of the above");
        Report report = ItemWritingChecks.check(item("", "Which is NOT likely?", flawed, 0, EXPLANATION), 1);
        assertThat(report.findings()).extracting(Finding::code, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("missing-vignette", "stem"),
                org.assertj.core.groups.Tuple.tuple("empty-option", "options[1]"));
        Report flaws = ItemWritingChecks.check(item(VIGNETTE, "Which is not likely?", List.of("Aortic dissection", "Pulmonary embolism",
                "Pneumothorax", "None of the above"), 1, EXPLANATION), 3);
        assertThat(flaws.findings()).extracting(Finding::code, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("all-none-of-the-above", "options[3]"),
                org.assertj.core.groups.Tuple.tuple("explanation-does-not-support-key", "rationale"),
                org.assertj.core.groups.Tuple.tuple("negative-stem-unemphasised", "leadIn"));
    }

    @Test
    void everyRuleHasANameAndAOneLineWhy() {
        assertThat(ItemWritingChecks.RULES).hasSize(16);
        ItemWritingChecks.RULES.forEach((code, rule) -> {
            assertThat(rule.code()).isEqualTo(code);
            assertThat(rule.name()).isNotBlank();
            assertThat(rule.why()).isNotBlank().doesNotContain("\n").endsWith(".");
        });
    }

    @Test
    void anExplanationSupportsTheKeyByItsWordsNotOnlyVerbatim() {
        assertThat(ItemWritingChecks.explanationSupports("The embolus lodged in the pulmonary artery.", "Pulmonary embolism")).isTrue();
        assertThat(ItemWritingChecks.explanationSupports("Classic for dissection.", "Pulmonary embolism")).isFalse();
    }
}
