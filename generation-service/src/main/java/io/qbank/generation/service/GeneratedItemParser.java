package io.qbank.generation.service;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qbank.generation.domain.GeneratedItem;

/**
 * The model's answer to items: a JSON array of questions, or an object holding one under "questions", possibly wrapped
 * in a Markdown code fence or surrounded by prose. An answer that holds no such JSON is refused as a whole; inside one,
 * each question is read as far as it goes (the validator judges what is missing).
 */
public final class GeneratedItemParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer held no readable JSON array of questions. */
    public static final class UnreadableAnswer extends Exception {
        public UnreadableAnswer(String message) {
            super(message);
        }
    }

    private GeneratedItemParser() {
    }

    public static List<GeneratedItem> parse(String answer) throws UnreadableAnswer {
        if (answer == null || answer.isBlank()) {
            throw new UnreadableAnswer("the model answered nothing");
        }
        JsonNode root = readJson(stripFence(answer.strip()));
        JsonNode questions = root.isArray() ? root : root.path("questions");
        if (!questions.isArray()) {
            throw new UnreadableAnswer("the answer is JSON but holds no array of questions");
        }
        List<GeneratedItem> items = new ArrayList<>();
        for (JsonNode q : questions) {
            items.add(new GeneratedItem(text(q, "vignette"), text(q, "question"), strings(q.get("options")),
                    q.hasNonNull("correct_index") && q.get("correct_index").canConvertToExactIntegral() ? q.get("correct_index").asInt() : null,
                    text(q, "explanation"), strings(q.get("option_explanations")), strings(q.get("teaching_points")), text(q, "topic"),
                    text(q, "subtopic")));
        }
        return items;
    }

    /** The body of the first ``` fence if there is one. */
    static String stripFence(String answer) {
        int open = answer.indexOf("```");
        if (open < 0) {
            return answer;
        }
        int bodyStart = answer.indexOf('\n', open);
        int close = bodyStart < 0 ? -1 : answer.indexOf("```", bodyStart);
        return close < 0 ? answer.substring(bodyStart < 0 ? open + 3 : bodyStart + 1) : answer.substring(bodyStart + 1, close);
    }

    /** The JSON value from the first [ or { to its matching end, so prose before or after does not matter. */
    private static JsonNode readJson(String text) throws UnreadableAnswer {
        int array = text.indexOf('['), object = text.indexOf('{');
        int start = array < 0 ? object : object < 0 ? array : Math.min(array, object);
        if (start < 0) {
            throw new UnreadableAnswer("the answer holds no JSON");
        }
        try {
            return JSON.reader().readTree(JSON.getFactory().createParser(text.substring(start)));
        } catch (Exception e) {
            throw new UnreadableAnswer("the answer is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.isValueNode() ? v.asText() : v.toString()));
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
