package io.qbank.analytics.psychometrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why an item version needs a publisher's look, from its statistics, as an item analysis report says it: it does not
 * separate strong from weak students, nearly everyone or nearly no one gets it right, a distractor draws nobody or draws
 * the strongest students, or students meet it more often than its exposure target allows.
 */
public final class ItemAttention {

    /** Below this point-biserial an item hardly separates strong from weak students. */
    public static final double MIN_DISCRIMINATION = 0.1;
    public static final double MAX_FACILITY = 0.95;
    public static final double MIN_FACILITY = 0.2;

    private static final String LABELS = "ABCDE";

    private ItemAttention() {
    }

    /**
     * @param chose       how many picked each option A–E
     * @param upperChose  how many of the strongest group (upper 27 % by rest score) picked each option; null if unknown
     * @param minAttempts fewer attempts than this say nothing yet about discrimination, facility or distractors
     */
    public record Figures(long attempts, Double pValue, Double pointBiserial, String correctLabel, int optionCount, long[] chose,
            long[] upperChose, Double exposureRate, Double exposureTarget, long minAttempts) {
    }

    public record Reason(String code, String message) {
    }

    public static List<Reason> reasons(Figures f) {
        List<Reason> reasons = new ArrayList<>();
        if (f.attempts() >= f.minAttempts()) {
            if (f.pointBiserial() != null && f.pointBiserial() < MIN_DISCRIMINATION) {
                reasons.add(new Reason("discrimination", f.pointBiserial() < 0
                        ? "negative discrimination (r = %s): students who do well overall get it wrong more often".formatted(two(f.pointBiserial()))
                        : "near-zero discrimination (r = %s): it does not separate strong from weak students".formatted(two(f.pointBiserial()))));
            }
            if (f.pValue() != null && f.pValue() > MAX_FACILITY) {
                reasons.add(new Reason("too-easy", "p = %s: almost everyone gets it right".formatted(two(f.pValue()))));
            }
            if (f.pValue() != null && f.pValue() < MIN_FACILITY) {
                reasons.add(new Reason("too-hard", "p = %s: almost no one gets it right; check the key".formatted(two(f.pValue()))));
            }
            for (int i = 0; i < Math.min(f.optionCount(), LABELS.length()); i++) {
                String label = String.valueOf(LABELS.charAt(i));
                if (label.equals(f.correctLabel())) {
                    continue;
                }
                if (f.chose()[i] == 0) {
                    reasons.add(new Reason("unused-distractor", "nobody picks " + label));
                }
                int key = f.correctLabel() == null ? -1 : LABELS.indexOf(f.correctLabel());
                if (f.upperChose() != null && key >= 0 && f.upperChose()[i] > 0 && f.upperChose()[i] >= f.upperChose()[key]) {
                    reasons.add(new Reason("distractor-draws-strong", "the strongest students pick %s as often as the key or more (%d against %d)"
                            .formatted(label, f.upperChose()[i], f.upperChose()[key])));
                }
            }
        }
        if (f.exposureRate() != null && f.exposureTarget() != null && f.exposureRate() > f.exposureTarget()) {
            reasons.add(new Reason("overexposed", "in %s of tests, over its target of %s".formatted(percent(f.exposureRate()), percent(f.exposureTarget()))));
        }
        return reasons;
    }

    private static String two(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * x);
    }
}
