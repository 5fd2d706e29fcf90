package io.qbank.generation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.ItemOption;
import io.qbank.generation.domain.PersonalItem;

class AnkiExportTest {

    private static PersonalItem item(String stem, String rationale, String topic) {
        return new PersonalItem(UUID.randomUUID(), UUID.randomUUID(), List.of(), 1, "active", topic, 3, stem, "Which is the most likely diagnosis?",
                List.of(new ItemOption("A", "Myocardial infarction", false, "No ST <changes>."), new ItemOption("B", "Aortic dissection", true, null),
                        new ItemOption("C", "Pericarditis", false, "")),
                rationale, 1.0, List.of(), List.of(), null, null, null, "m", "v", Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aHeaderAnkiReadsThenOneNotePerQuestionWithThreeFieldsOnOneLine() {
        String file = AnkiExport.of("QBank::My\tquestions\n", List.of(
                item("A 61-year-old man\nhas tearing\tpain & <b>sweats</b>.", "Tearing pain\r\nradiates to the back.", "Cardiology: Aorta / vessels"),
                item("Second case.", "Why.", "  ")));
        List<String> lines = file.lines().toList();
        assertThat(lines.subList(0, 5)).containsExactly("#separator:tab", "#html:true", "#notetype:Basic", "#deck:QBank::My questions",
                "#tags column:3");
        assertThat(lines).hasSize(7);
        String[] fields = lines.get(5).split("\t", -1);
        assertThat(fields).hasSize(3);
        assertThat(fields[0]).isEqualTo("A 61-year-old man<br>has tearing pain &amp; &lt;b&gt;sweats&lt;/b&gt;.<br><br><b>Which is the most likely "
                + "diagnosis?</b><br><br>A. Myocardial infarction<br>B. Aortic dissection<br>C. Pericarditis");
        assertThat(fields[1]).isEqualTo("<b>B. Aortic dissection</b><br><br>Tearing pain<br>radiates to the back.<br><br>A. No ST &lt;changes&gt;.");
        assertThat(fields[2]).isEqualTo("qbank-personal cardiology_aorta_vessels");
        assertThat(lines.get(6).split("\t", -1)[2]).isEqualTo("qbank-personal");
    }
}
