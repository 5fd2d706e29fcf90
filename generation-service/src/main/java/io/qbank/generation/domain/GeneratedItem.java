package io.qbank.generation.domain;

import java.util.List;

/**
 * One question as the model returned it (the prompt's JSON format): vignette, lead-in question, options in order,
 * the index of the correct one, the explanation, and optionally why each option is wrong and teaching points.
 */
public record GeneratedItem(String vignette, String question, List<String> options, Integer correctIndex, String explanation,
        List<String> optionExplanations, List<String> teachingPoints, String topic, String subtopic) {
}
