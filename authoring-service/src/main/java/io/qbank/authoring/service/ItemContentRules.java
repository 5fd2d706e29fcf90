package io.qbank.authoring.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.qbank.authoring.rest.OptionRequest;
import io.qbank.common.error.Problem.Violation;

/** The rules of an item's options that one field's annotations cannot say. */
public final class ItemContentRules {

    private static final String LABELS = "ABCDE";

    private ItemContentRules() {
    }

    public static List<Violation> violations(List<OptionRequest> options) {
        List<Violation> violations = new ArrayList<>();
        if (options == null || options.isEmpty()) {
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            OptionRequest option = options.get(i);
            if (option == null || option.label() == null) {
                continue;
            }
            if (!seen.add(option.label())) {
                violations.add(new Violation("options[" + i + "].label", "duplicate label " + option.label()));
            } else if (i < LABELS.length() && !option.label().equals(String.valueOf(LABELS.charAt(i)))) {
                violations.add(new Violation("options[" + i + "].label",
                        "labels run A, B, C… in order; expected " + LABELS.charAt(i) + " here"));
            }
        }
        long correct = options.stream().filter(o -> o != null && o.correct()).count();
        if (correct != 1) {
            violations.add(new Violation("options", "exactly one option must be correct, found " + correct));
        }
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            OptionRequest option = options.get(i);
            if (option != null && option.text() != null && !texts.add(option.text().strip().toLowerCase())) {
                violations.add(new Violation("options[" + i + "].text", "the same text as another option"));
            }
        }
        return violations;
    }
}
