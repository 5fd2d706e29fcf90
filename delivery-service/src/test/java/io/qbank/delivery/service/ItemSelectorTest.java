package io.qbank.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.delivery.domain.Candidate;

class ItemSelectorTest {

    private static Candidate item(double b, double shP) {
        return new Candidate(UUID.randomUUID(), 1, UUID.randomUUID(), 1.0, b, 0.2, shP);
    }

    @Test
    void adaptiveSelectionPicksTheMostInformativeItemAtTheta() {
        Candidate easy = item(-2, 1), middle = item(0.1, 1), hard = item(2, 1);
        List<Candidate> ranked = ItemSelector.ranked(List.of(easy, hard, middle), 0.0, true, new Random(1));
        assertThat(ranked.get(0)).isEqualTo(middle);
        assertThat(ItemSelector.ranked(List.of(easy, hard, middle), 2.2, true, new Random(1)).get(0)).isEqualTo(hard);
    }

    @Test
    void cappedItemsAreNeverChosen() {
        Candidate best = item(0, 1), second = item(1, 1);
        List<Candidate> ranked = ItemSelector.ranked(List.of(best, second), 0, true, new Random(1));
        assertThat(ItemSelector.choose(ranked, Set.of(best.itemId()), true, new Random(1))).contains(second);
        assertThat(ItemSelector.choose(ranked, Set.of(best.itemId(), second.itemId()), true, new Random(1))).isEmpty();
    }

    @Test
    void sympsonHetterRefusesTheBestItemWithProbabilityOneMinusP() {
        Candidate best = item(0, 0.3), second = item(1.5, 1);
        List<Candidate> ranked = ItemSelector.ranked(List.of(best, second), 0, true, new Random(1));
        Random random = new Random(7);
        int bestChosen = 0;
        for (int i = 0; i < 10_000; i++) {
            if (ItemSelector.choose(ranked, Set.of(), true, random).orElseThrow() == best) {
                bestChosen++;
            }
        }
        assertThat(bestChosen / 10_000.0).isBetween(0.28, 0.32);
        // the last open candidate is always taken, so exposure control never ends a quiz early
        assertThat(ItemSelector.choose(List.of(best), Set.of(), true, new Random(1))).contains(best);
    }

    @Test
    void linearOrderIsAPermutation() {
        List<Candidate> all = List.of(item(0, 1), item(1, 1), item(2, 1), item(3, 1));
        assertThat(ItemSelector.ranked(all, 0, false, new Random(3))).containsExactlyInAnyOrderElementsOf(all);
    }
}
