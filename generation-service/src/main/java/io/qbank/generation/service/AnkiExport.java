package io.qbank.generation.service;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.qbank.common.events.ItemOption;
import io.qbank.generation.domain.PersonalItem;

/**
 * A study set as a file Anki's text import reads (File › Import, Anki 2.1.55 and later): a header that names the
 * separator, the note type, the deck and the tags column, then one Basic note per question — the case, the question and
 * the options on the front; the answer, the explanation and why each option is right or wrong on the back. Fields are
 * HTML, so that line breaks survive as {@code <br>}: a tab or a line break inside a field would end it.
 */
public final class AnkiExport {

    private AnkiExport() {
    }

    public static String of(String deck, List<PersonalItem> items) {
        StringBuilder out = new StringBuilder()
                .append("#separator:tab\n#html:true\n#notetype:Basic\n#deck:").append(field(deck)).append("\n#tags column:3\n");
        for (PersonalItem item : items) {
            out.append(front(item)).append('\t').append(back(item)).append('\t').append(tags(item)).append('\n');
        }
        return out.toString();
    }

    private static String front(PersonalItem item) {
        return html(item.stem()) + "<br><br><b>" + html(item.leadIn()) + "</b><br><br>"
                + item.options().stream().map(o -> o.label() + ". " + html(o.text())).collect(Collectors.joining("<br>"));
    }

    private static String back(PersonalItem item) {
        ItemOption key = item.options().stream().filter(ItemOption::correct).findFirst().orElseThrow();
        StringBuilder back = new StringBuilder("<b>").append(key.label()).append(". ").append(html(key.text())).append("</b><br><br>")
                .append(html(item.rationale()));
        List<ItemOption> explained = item.options().stream().filter(o -> o.explanation() != null && !o.explanation().isBlank()).toList();
        if (!explained.isEmpty()) {
            back.append("<br><br>").append(explained.stream().map(o -> o.label() + ". " + html(o.explanation())).collect(Collectors.joining("<br>")));
        }
        return back.toString();
    }

    /** qbank-personal and the topic, as one tag each (Anki separates tags by spaces). */
    private static String tags(PersonalItem item) {
        String topic = item.topic().strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
        return "qbank-personal" + (topic.isEmpty() ? "" : " " + topic);
    }

    /** Escaped, with line breaks as {@code <br>} and tabs as spaces. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\t", " ")
                .replace("\r\n", "\n").replace('\r', '\n').replace("\n", "<br>");
    }

    /** A header value: one line, no tab. */
    private static String field(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
