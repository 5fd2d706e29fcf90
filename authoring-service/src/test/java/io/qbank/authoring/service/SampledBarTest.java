package io.qbank.authoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The sampled bar against the brute-force answer: random banks of two or three words (independent, correlated or
 * anti-correlated impacts, few impact levels so that ties are large), merged the way ItemSearch merges them.
 */
class SampledBarTest {

    @Test
    void theGuessRankIsTheLeastWhoseTailIsWithinTheMiss() {
        for (int needed : new int[] { 1, 2, 10, 21, 41, 101, 1_001, 100_001 }) {
            int shift = SampledBar.shift(needed);
            int rank = SampledBar.rank(needed, shift);
            assertThat(tail(needed - 1, Math.scalb(1.0, -shift), rank)).as("needed %d", needed).isLessThanOrEqualTo(SampledBar.MISS);
            if (rank > 1) {
                assertThat(tail(needed - 1, Math.scalb(1.0, -shift), rank - 1)).as("needed %d", needed).isGreaterThan(SampledBar.MISS);
            }
        }
        // a page of 20 (21 needed): a sixteenth of the lists, and its fifth best
        assertThat(SampledBar.shift(21)).isEqualTo(4);
        assertThat(SampledBar.rank(21, 4)).isEqualTo(5);
        // never more than an eighth of the lists, and deeper pages sample less
        assertThat(SampledBar.shift(2)).isEqualTo(SampledBar.MIN_SHIFT);
        assertThat(SampledBar.shift(1_001)).isGreaterThan(SampledBar.shift(101));
    }

    /** P(X >= r) for X ~ Binomial(n, p): one less the terms below r, each from the definition. */
    private static double tail(int n, double p, int r) {
        double below = 0;
        for (int k = 0; k < r; k++) {
            below += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
        }
        return 1 - below;
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    @Test
    void theSampleIsItsShareOfTheIdSpaceInPostgresOrder() {
        assertThat(SampledBar.sampleEnd(4)).hasToString("10000000-0000-0000-0000-000000000000");
        assertThat(SampledBar.sampleEnd(1)).hasToString("80000000-0000-0000-0000-000000000000");
        Random random = new Random(7);
        int below = 0;
        for (int i = 0; i < 160_000; i++) {
            below += RelevanceTopK.compareAsPostgres(new UUID(random.nextLong(), random.nextLong()), SampledBar.sampleEnd(4)) < 0 ? 1 : 0;
        }
        assertThat(below).isBetween(9_600, 10_400); // a sixteenth
    }

    @Test
    void everyItemAtOrOverTheBarIsOverEveryBound() {
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            int words = 2 + random.nextInt(2);
            int[] weights = new int[words];
            int[] maxImpacts = new int[words];
            long best = 0;
            for (int w = 0; w < words; w++) {
                weights[w] = 1 + random.nextInt(300);
                maxImpacts[w] = 1 + random.nextInt(250);
                best += (long) weights[w] * maxImpacts[w];
            }
            int bar = random.nextInt((int) best + 1);
            int[] bounds = SampledBar.bounds(bar, weights, maxImpacts);
            for (int trial = 0; trial < 200; trial++) {
                int[] impacts = new int[words];
                long score = 0;
                for (int w = 0; w < words; w++) {
                    impacts[w] = 1 + random.nextInt(maxImpacts[w]);
                    score += (long) weights[w] * impacts[w];
                }
                if (score >= bar) {
                    for (int w = 0; w < words; w++) {
                        assertThat(impacts[w]).isGreaterThanOrEqualTo(bounds[w]);
                    }
                }
            }
            // and each bound is tight: one less, with every other word at its most, falls short of the bar
            for (int w = 0; w < words; w++) {
                if (bounds[w] > 0) {
                    assertThat(best - (long) weights[w] * maxImpacts[w] + (long) weights[w] * (bounds[w] - 1)).isLessThan(bar);
                }
            }
        }
    }

    private record Item(UUID id, int[] impacts, OffsetDateTime updatedAt) {
        int score(int[] weights) {
            int score = 0;
            for (int w = 0; w < weights.length; w++) {
                score += weights[w] * impacts[w];
            }
            return score;
        }

        RelevanceTopK.Ranked ranked(int[] weights) {
            return new RelevanceTopK.Ranked(id, updatedAt, score(weights));
        }
    }

    /**
     * The page found through the sample and the head of the first list (first merge at the guess or the floor, the second at the floor when the guess
     * fails) is the page of the brute-force order, and a guess fails about as often as {@link SampledBar#MISS} says.
     */
    @Test
    void theMergeAtTheSampledBarFindsTheBestPage() {
        Random random = new Random(42);
        OffsetDateTime base = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int guesses = 0;
        int misses = 0;
        for (int run = 0; run < 1_500; run++) {
            int words = 2 + random.nextInt(2);
            int levels = 3 + random.nextInt(60); // few levels: large ties
            int shape = random.nextInt(3); // 0 independent, 1 correlated, 2 anti-correlated
            int[] weights = new int[words];
            for (int w = 0; w < words; w++) {
                weights[w] = random.nextBoolean() ? 100 : 50 + random.nextInt(150);
            }
            List<Item> items = new ArrayList<>();
            int bank = 200 + random.nextInt(3_000);
            for (int i = 0; i < bank; i++) {
                int[] impacts = new int[words];
                int topic = random.nextInt(levels);
                for (int w = 0; w < words; w++) {
                    int impact = switch (shape) {
                        case 1 -> Math.max(0, Math.min(levels, topic + random.nextInt(5) - 2));
                        case 2 -> w % 2 == 0 ? topic : levels - topic - random.nextInt(3);
                        default -> random.nextInt(levels + 1);
                    };
                    impacts[w] = Math.max(0, impact); // 0: the item does not hold the word
                }
                items.add(new Item(new UUID(random.nextLong(), random.nextLong()), impacts, base.plusSeconds(random.nextInt(bank / 2 + 1))));
            }
            List<Item> matches = items.stream().filter(item -> java.util.Arrays.stream(item.impacts()).allMatch(impact -> impact > 0)).toList();
            int[] maxImpacts = new int[words];
            for (Item item : items) {
                for (int w = 0; w < words; w++) {
                    maxImpacts[w] = Math.max(maxImpacts[w], item.impacts()[w]);
                }
            }
            int size = 1 + random.nextInt(25);
            int page = random.nextInt(4);
            int needed = (page + 1) * size + 1;
            List<RelevanceTopK.Ranked> expected = merge(matches, weights, null, maxImpacts, page, size);

            int shift = SampledBar.shift(needed);
            int rank = SampledBar.rank(needed, shift);
            UUID end = SampledBar.sampleEnd(shift);
            int[] sample = matches.stream().filter(item -> RelevanceTopK.compareAsPostgres(item.id(), end) < 0)
                    .mapToInt(item -> item.score(weights)).map(score -> -score).sorted().map(score -> -score).limit(Math.max(needed, rank)).toArray();
            // the head: the first word's best entries, each looked up in the other lists
            int[] head = items.stream().filter(item -> item.impacts()[0] > 0)
                    .sorted(java.util.Comparator.<Item>comparingInt(item -> item.impacts()[0]).reversed()).limit(50)
                    .filter(matches::contains).mapToInt(item -> -item.score(weights)).sorted().map(score -> -score).toArray();
            SampledBar.Bars bars = SampledBar.of(sample, needed, rank, head.length >= needed ? head[needed - 1] : null);
            List<RelevanceTopK.Ranked> found = merge(matches, weights, bars.first(), maxImpacts, page, size);
            if (bars.guessFirst()) {
                guesses++;
                int last = found.isEmpty() ? 0 : found.get(found.size() - 1).score();
                if (!SampledBar.holds(bars.guess(), found.size(), size + 1, last)) {
                    misses++;
                    found = merge(matches, weights, bars.floor(), maxImpacts, page, size);
                }
            }
            assertThat(found).as("run %d", run).containsExactlyElementsOf(expected);
        }
        assertThat(guesses).isGreaterThan(500);
        // a guess fails when the sample took `rank` of the best `needed` - 1: at most MISS of the time, on average
        assertThat(misses).isLessThanOrEqualTo((int) (2 * SampledBar.MISS * guesses));
    }

    /** The page (and one more) of the merge over the entries at or over the bar's bounds, in the order of relevance. */
    private static List<RelevanceTopK.Ranked> merge(List<Item> matches, int[] weights, Integer bar, int[] maxImpacts, int page, int size) {
        int[] bounds = bar == null ? new int[weights.length] : SampledBar.bounds(bar, weights, maxImpacts);
        return matches.stream().filter(item -> {
            for (int w = 0; w < weights.length; w++) {
                if (item.impacts()[w] < bounds[w]) {
                    return false;
                }
            }
            return true;
        }).map(item -> item.ranked(weights)).sorted(RelevanceTopK.ORDER).skip((long) page * size).limit(size + 1).toList();
    }
}
