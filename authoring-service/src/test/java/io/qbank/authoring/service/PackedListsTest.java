package io.qbank.authoring.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class PackedListsTest {

    /**
     * Items 1..items hold each word with the given chance and a random impact; with {@code topics} topics in the filter,
     * each item is in one of them or (as likely as in any one) outside the filter; the rows as the database packs them.
     */
    private record Bank(int[][] impacts, boolean[] passes, List<PackedLists.Row> rows) {

        static Bank random(Random random, int items, double[] chances, int firstItem, int topics) {
            int[][] impacts = new int[chances.length][items];
            boolean[] passes = new boolean[items];
            TreeMap<Integer, List<PackedLists.Row>> byBlock = new TreeMap<>();
            TreeMap<Integer, TreeMap<Integer, List<byte[]>>> topicEntries = new TreeMap<>();
            for (int item = 0; item < items; item++) {
                int topic = random.nextInt(topics + 1);
                passes[item] = topics == 0 || topic < topics;
                if (topic < topics) {
                    int no = firstItem + item;
                    topicEntries.computeIfAbsent(topic, t -> new TreeMap<>()).computeIfAbsent(no >> PackedLists.BLOCK_BITS, b -> new ArrayList<>())
                            .add(PackedLists.entry(no, 0));
                }
            }
            for (var topic : topicEntries.values()) {
                for (var block : topic.entrySet()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    block.getValue().forEach(bytes::writeBytes);
                    byBlock.computeIfAbsent(block.getKey(), b -> new ArrayList<>()).add(new PackedLists.Row(PackedLists.FILTER, block.getKey(), bytes.toByteArray()));
                }
            }
            for (int list = 0; list < chances.length; list++) {
                TreeMap<Integer, List<byte[]>> entries = new TreeMap<>();
                for (int item = 0; item < items; item++) {
                    if (random.nextDouble() < chances[list]) {
                        impacts[list][item] = 1 + random.nextInt(255);
                        int no = firstItem + item;
                        entries.computeIfAbsent(no >> PackedLists.BLOCK_BITS, b -> new ArrayList<>()).add(PackedLists.entry(no, impacts[list][item]));
                    }
                }
                for (var block : entries.entrySet()) {
                    Collections.shuffle(block.getValue(), random); // a row's entries come in no particular order
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    block.getValue().forEach(bytes::writeBytes);
                    byBlock.computeIfAbsent(block.getKey(), b -> new ArrayList<>()).add(new PackedLists.Row(list, block.getKey(), bytes.toByteArray()));
                }
            }
            List<PackedLists.Row> rows = new ArrayList<>();
            byBlock.values().forEach(rows::addAll);
            Collections.shuffle(rows, random); // the database's rows come in no particular order
            return new Bank(impacts, passes, rows);
        }

        /** Every item with every word (in the filter), scored, best first (then by item number): what the merge must find. */
        List<int[]> matches(int[] weights, int firstItem) {
            List<int[]> matches = new ArrayList<>();
            for (int item = 0; item < impacts[0].length; item++) {
                int score = 0;
                boolean all = passes[item];
                for (int list = 0; list < weights.length; list++) {
                    all &= impacts[list][item] > 0;
                    score += weights[list] * impacts[list][item];
                }
                if (all) {
                    matches.add(new int[] { firstItem + item, score });
                }
            }
            matches.sort(Comparator.<int[]> comparingInt(m -> -m[1]).thenComparingInt(m -> m[0]));
            return matches;
        }
    }

    @Test
    void findsEveryItemThatCanMakeTheBestTiesIncluded() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int words = 2 + random.nextInt(3);
            double[] chances = new double[words];
            int[] weights = new int[words];
            for (int list = 0; list < words; list++) {
                chances[list] = 0.05 + 0.6 * random.nextDouble();
                weights[list] = 1 + random.nextInt(400);
            }
            int firstItem = 1 + random.nextInt(100_000);
            int topics = random.nextInt(4); // rounds with 1-3 topics in the filter, a quarter without filter
            Bank bank = Bank.random(random, 500 + random.nextInt(5_000), chances, firstItem, topics);
            List<int[]> expected = bank.matches(weights, firstItem);
            int needed = 1 + random.nextInt(60);
            int bar = expected.size() < needed ? Integer.MIN_VALUE : expected.get(needed - 1)[1];
            List<int[]> kept = expected.stream().filter(m -> m[1] >= bar).toList();

            PackedLists.Best best = PackedLists.best(bank.rows(), weights, needed, topics > 0);

            assertArrayEquals(kept.stream().mapToInt(m -> m[0]).toArray(), best.itemNos(), "round " + round);
            assertArrayEquals(kept.stream().mapToInt(m -> m[1]).toArray(), best.scores(), "round " + round);
            // the rest: every other match, once, with its score
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < best.rest().itemNos().length; i++) {
                rest.add(best.rest().itemNos()[i] + ":" + best.rest().scores()[i]);
            }
            Collections.sort(rest);
            List<String> others = new ArrayList<>(expected.stream().filter(m -> m[1] < bar).map(m -> m[0] + ":" + m[1]).toList());
            Collections.sort(others);
            assertEquals(others, rest, "round " + round);
        }
    }

    @Test
    void aBlockWithoutOneOfTheWordsHoldsNoMatch() {
        // item 5 holds both words; item 1,030 (block 1) holds only the first word, and block 1 has no row of the second
        List<PackedLists.Row> rows = List.of(new PackedLists.Row(0, 0, PackedLists.entry(5, 10)), new PackedLists.Row(1, 0, PackedLists.entry(5, 3)),
                new PackedLists.Row(0, 1, PackedLists.entry(1_030, 200)));

        PackedLists.Best best = PackedLists.best(rows, new int[] { 2, 5 }, 10, false);

        assertArrayEquals(new int[] { 5 }, best.itemNos());
        assertArrayEquals(new int[] { 2 * 10 + 5 * 3 }, best.scores());
    }

    @Test
    void aFilteredBlockWithoutAFilterRowHoldsNoMatch() {
        // items 5 and 1,030 hold both words; only item 5 is in the filter, and block 1 has no filter row
        List<PackedLists.Row> rows = List.of(new PackedLists.Row(0, 0, PackedLists.entry(5, 10)), new PackedLists.Row(1, 0, PackedLists.entry(5, 3)),
                new PackedLists.Row(PackedLists.FILTER, 0, PackedLists.entry(5, 0)), new PackedLists.Row(0, 1, PackedLists.entry(1_030, 200)),
                new PackedLists.Row(1, 1, PackedLists.entry(1_030, 1)));

        assertArrayEquals(new int[] { 5 }, PackedLists.best(rows, new int[] { 2, 5 }, 10, true).itemNos());
        assertArrayEquals(new int[] { 1_030, 5 }, PackedLists.best(rows, new int[] { 2, 5 }, 10, false).itemNos());
    }

    @Test
    void entriesStartWithTheOnlyByteThatHasItsHighBitSet() {
        for (int no : new int[] { 0, 1, 127, 128, 1_023, 1_024, 123_456_789 }) {
            for (int impact : new int[] { 1, 127, 128, 255 }) {
                byte[] entry = PackedLists.entry(no, impact);
                assertEquals(0x80, entry[0] & 0x80);
                for (int at = 1; at < 4; at++) {
                    assertEquals(0, entry[at] & 0x80);
                }
                assertEquals(no & 1_023, (entry[0] & 0x07) << 7 | entry[1]);
                assertEquals(impact, entry[2] << 7 | entry[3]);
            }
        }
    }
}
