package io.qbank.analytics.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.qbank.analytics.psychometrics.ItemAttention.Figures;
import io.qbank.analytics.psychometrics.ItemAttention.Reason;

class ItemAttentionTest {

    private static List<String> codes(Figures f) {
        return ItemAttention.reasons(f).stream().map(Reason::code).toList();
    }

    private static Figures good() {
        return new Figures(100, 0.6, 0.35, "B", 4, new long[] { 15, 60, 15, 10, 0 }, new long[] { 2, 24, 1, 0, 0 }, 0.1, 0.25, 10);
    }

    @Test
    void aWellBehavedItemNeedsNothing() {
        assertThat(ItemAttention.reasons(good())).isEmpty();
    }

    @Test
    void eachRuleSaysWhy() {
        Figures f = good();
        var negative = ItemAttention.reasons(new Figures(100, 0.6, -0.12, "B", 4, f.chose(), f.upperChose(), 0.1, 0.25, 10));
        assertThat(negative).extracting(Reason::message).containsExactly(
                "negative discrimination (r = -0.12): students who do well overall get it wrong more often");
        assertThat(codes(new Figures(100, 0.6, 0.05, "B", 4, f.chose(), f.upperChose(), 0.1, 0.25, 10))).containsExactly("discrimination");
        assertThat(codes(new Figures(100, 0.97, 0.35, "B", 4, f.chose(), f.upperChose(), 0.1, 0.25, 10))).containsExactly("too-easy");
        assertThat(codes(new Figures(100, 0.12, 0.35, "B", 4, f.chose(), f.upperChose(), 0.1, 0.25, 10))).containsExactly("too-hard");
        // E is not an option of a four-option item, so nobody picking it is no finding; D nobody picking is
        assertThat(ItemAttention.reasons(new Figures(100, 0.6, 0.35, "B", 4, new long[] { 20, 60, 20, 0, 0 }, f.upperChose(), 0.1, 0.25, 10)))
                .extracting(Reason::message).containsExactly("nobody picks D");
        assertThat(ItemAttention.reasons(new Figures(100, 0.6, 0.35, "B", 4, f.chose(), new long[] { 1, 12, 12, 2, 0 }, 0.1, 0.25, 10)))
                .extracting(Reason::message).containsExactly("the strongest students pick C as often as the key or more (12 against 12)");
        assertThat(ItemAttention.reasons(new Figures(100, 0.6, 0.35, "B", 4, f.chose(), f.upperChose(), 0.34, 0.25, 10)))
                .extracting(Reason::message).containsExactly("in 34 % of tests, over its target of 25 %");
    }

    @Test
    void fewAnswersSayNothingYetButExposureStillCounts() {
        Figures few = new Figures(5, 1.0, -0.5, "B", 4, new long[] { 0, 5, 0, 0, 0 }, null, 0.5, 0.25, 10);
        assertThat(codes(few)).containsExactly("overexposed");
        assertThat(codes(new Figures(5, 1.0, -0.5, "B", 4, new long[] { 0, 5, 0, 0, 0 }, null, null, null, 10))).isEmpty();
    }
}
