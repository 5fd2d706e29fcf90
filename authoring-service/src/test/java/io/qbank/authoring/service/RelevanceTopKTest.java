package io.qbank.authoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The threshold algorithm against the brute-force answer: random banks (correlated or anti-correlated words, few impact
 * levels so that ties are large, equal weights so that items of other impacts tie too, filters that reject some items),
 * read the way ItemSearch reads the lists.
 */
class RelevanceTopKTest {

    /** An item: its impact per word (0: not there), whether it passes the other filters, its latest change. */
    private record Item(UUID id, int[] impacts, boolean passes, OffsetDateTime updatedAt) {
        int score(int[] weights) {
            int score = 0;
            for (int w = 0; w < weights.length; w++) {
                score += weights[w] * impacts[w];
            }
            return score;
        }

        boolean matches(boolean everyWord) {
            boolean any = false;
            boolean all = true;
            for (int impact : impacts) {
                any |= impact > 0;
                all &= impact > 0;
            }
            return passes && (everyWord ? all : any);
        }
    }

    /** The list order: impact, then latest change first, then id as PostgreSQL compares uuids. */
    private static Comparator<Item> listOrder(int word) {
        return Comparator.<Item> comparingInt(i -> -i.impacts()[word]).thenComparing(Item::updatedAt, Comparator.reverseOrder())
                .thenComparing(Item::id, RelevanceTopK::compareAsPostgres);
    }

    @Test
    void findsTheBruteForceTopKOnRandomBanks() {
        Random random = new Random(20261202);
        for (int bank = 0; bank < 400; bank++) {
            int words = 1 + random.nextInt(3);
            int size = 1 + random.nextInt(400);
            int levels = 1 + random.nextInt(4); // few levels: big ties
            boolean anticorrelated = random.nextBoolean();
            boolean everyWord = random.nextBoolean();
            double filterPass = random.nextBoolean() ? 1.0 : 0.3;
            List<Item> items = new ArrayList<>();
            for (int n = 0; n < size; n++) {
                int[] impacts = new int[words];
                for (int w = 0; w < words; w++) {
                    if (random.nextDouble() < 0.6) {
                        impacts[w] = 50 + 20 * random.nextInt(levels);
                    }
                }
                if (anticorrelated && words > 1 && impacts[0] > 50) {
                    impacts[1] = Math.min(impacts[1], 50); // a high first word never meets a high second word
                }
                // few distinct times: ties in the list order go down to the id
                OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(random.nextInt(50));
                items.add(new Item(new UUID(random.nextLong(), random.nextLong()), impacts, random.nextDouble() < filterPass, at));
            }
            // equal weights half the time: items with other impacts (70 and 50 against 50 and 70) then tie too
            boolean equalWeights = random.nextBoolean();
            int[] weights = new int[words];
            for (int w = 0; w < words; w++) {
                weights[w] = equalWeights ? 100 : 1 + random.nextInt(300);
            }
            int k = 1 + random.nextInt(60);
            int firstBatch = 1 + random.nextInt(40);

            List<RelevanceTopK.Ranked> expected = items.stream().filter(i -> i.matches(everyWord))
                    .map(i -> new RelevanceTopK.Ranked(i.id(), i.updatedAt(), i.score(weights))).sorted(RelevanceTopK.ORDER).limit(k)
                    .toList();
            assertThat(run(items, weights, k, firstBatch, everyWord)).as("bank %d", bank).isEqualTo(expected);
        }
    }

    @Test
    void anUnreadItemOfOtherImpactsCanWinATie() {
        // two words of equal weight, either may match; A (70, 50) is read first from the first list; once both lists are
        // read down to 60, the threshold (60 + 60) equals A's score, and U (60, 60), newer than A but not read yet, wins
        Item a = item("a", 70, 50, 1);
        Item v = item("v", 60, 0, 9);
        Item w = item("w", 0, 60, 8);
        Item x = item("x", 0, 60, 7);
        Item u = item("u", 60, 60, 5);
        List<RelevanceTopK.Ranked> best = run(List.of(a, v, w, x, u), new int[] { 100, 100 }, 1, 2, false);
        assertThat(best).extracting(RelevanceTopK.Ranked::id).containsExactly(u.id());
    }

    private static Item item(String name, int first, int second, int minute) {
        return new Item(UUID.nameUUIDFromBytes(name.getBytes()), new int[] { first, second }, true,
                OffsetDateTime.of(2026, 1, 1, 0, minute, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void stopsEarlyWhenTheBestItemsHeadTheLists() {
        List<Item> items = new ArrayList<>();
        Random random = new Random(7);
        for (int n = 0; n < 10_000; n++) {
            int impact = 1 + random.nextInt(200);
            items.add(new Item(new UUID(random.nextLong(), random.nextLong()), new int[] { impact, impact }, true,
                    OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(n)));
        }
        int[] read = new int[1];
        List<RelevanceTopK.Ranked> best = run(items, new int[] { 100, 100 }, 21, 64, true, read);
        assertThat(best).hasSize(21);
        assertThat(read[0]).as("entries read from the lists").isLessThanOrEqualTo(2 * 64 * 2);
    }

    private static List<RelevanceTopK.Ranked> run(List<Item> items, int[] weights, int k, int firstBatch, boolean everyWord) {
        return run(items, weights, k, firstBatch, everyWord, new int[1]);
    }

    /** What ItemSearch does against the database, against lists held in memory. */
    private static List<RelevanceTopK.Ranked> run(List<Item> items, int[] weights, int k, int firstBatch, boolean everyWord, int[] entriesRead) {
        int words = weights.length;
        List<List<Item>> lists = new ArrayList<>();
        long[] lengths = new long[words];
        for (int w = 0; w < words; w++) {
            int word = w;
            lists.add(items.stream().filter(i -> i.impacts()[word] > 0).sorted(listOrder(word)).toList());
            lengths[w] = lists.get(w).size();
        }
        RelevanceTopK run = new RelevanceTopK(k, weights, lengths);
        int[] offsets = new int[words];
        int batch = firstBatch;
        while (true) {
            int bar = run.bar(); // one bar for the whole round, as in the database's round
            for (int w = 0; w < words; w++) {
                if (run.exhausted(w)) {
                    continue;
                }
                List<Item> list = lists.get(w);
                List<Item> slice = list.subList(Math.min(offsets[w], list.size()), Math.min(offsets[w] + batch, list.size()));
                for (Item item : slice) {
                    // only what can still make the best k is handed over, as the database does
                    if (item.matches(everyWord) && item.score(weights) >= bar) {
                        run.match(item.id(), item.updatedAt(), item.score(weights));
                    }
                }
                run.met(slice.size(), slice.stream().filter(i -> i.matches(everyWord)).count());
                offsets[w] += slice.size();
                entriesRead[0] += slice.size();
                run.read(w, slice.isEmpty() ? 0 : slice.get(slice.size() - 1).impacts()[w], slice.size() < batch);
            }
            switch (run.step()) {
                case DECIDED:
                    return run.best();
                case TIED:
                    int word = run.tieList();
                    int tie = run.tie();
                    List<RelevanceTopK.Ranked> walked = lists.get(word).stream()
                            .filter(i -> i.impacts()[word] == run.tieImpact() && i.matches(everyWord) && i.score(weights) == tie)
                            .limit(run.tieNeeded()).map(i -> new RelevanceTopK.Ranked(i.id(), i.updatedAt(), tie)).toList();
                    return run.withTied(walked);
                case MORE:
                    batch *= 2;
                    break;
            }
        }
    }
}
