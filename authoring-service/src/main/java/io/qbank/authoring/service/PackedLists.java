package io.qbank.authoring.service;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The merge of several words' packed lists (the rows of {@code term_block}, migration V11) into the best items that
 * hold every word.
 * <p>
 * A row holds a word's entries for one block of {@value #BLOCK_SIZE} consecutive item numbers, 4 bytes each, in no
 * particular order: byte 1 is 0x80 plus the top 3 bits of the item's place in the block, byte 2 its low 7 bits, bytes 3
 * and 4 the word's impact in the item in 7-bit halves. The rows of one block are merged through an array indexed by
 * place, so that the merge costs a few array accesses per entry, with neither sorting nor hashing.
 */
final class PackedLists {

    static final int BLOCK_BITS = 10;
    static final int BLOCK_SIZE = 1 << BLOCK_BITS;

    /**
     * One row: the word's position among the query's words, or {@link #FILTER} for a row of the filter's items (a topic
     * of the subtree searched), the block, the entries.
     */
    record Row(int list, int block, byte[] entries) {
    }

    /** The list of a row that names items of the filter, not a word's: its entries' impacts count for nothing. */
    static final int FILTER = -1;

    /**
     * The items that can make the best {@code needed}, best first: every item that scores at least the {@code needed}-th
     * best score (ties included, so that the caller can order them by its own tie-break), or every match if there are
     * fewer. Item numbers and scores in parallel arrays; the other matches in {@code rest}, in no particular order.
     */
    record Best(int[] itemNos, int[] scores, Best rest) {
    }

    private PackedLists() {
    }

    /** An item's entry, as the database writes it (term_entry in V11). */
    static byte[] entry(int itemNo, int impact) {
        int place = itemNo & (BLOCK_SIZE - 1);
        return new byte[] { (byte) (0x80 | place >> 7), (byte) (place & 0x7F), (byte) (impact >> 7), (byte) (impact & 0x7F) };
    }

    /**
     * The best of the items that hold every one of the {@code weights.length} words, each scored as the sum of weight ×
     * impact over the words. The rows may come in any order; a block that lacks a word's row holds no match. If
     * {@code filtered}, only the items in one of the {@link #FILTER} rows match, and a block without such a row holds none.
     */
    static Best best(List<Row> unordered, int[] weights, int needed, boolean filtered) {
        // block by block; sorted here rather than by the database, whose sort of the rows cost more than the rest of the
        // statement (1.3 of 1.8 ms for stenosis murmur in the Cardiology subtree), and costs next to nothing in an order
        // that is nearly so already (TimSort)
        Row[] rows = unordered.toArray(Row[]::new);
        Arrays.sort(rows, Comparator.comparingInt(Row::block));
        int lists = weights.length;
        Matches matches = new Matches();
        int[] score = new int[BLOCK_SIZE];
        int[] stamp = new int[BLOCK_SIZE]; // base + k: the item was met in the first k lists of the current block
        int[] member = new int[BLOCK_SIZE]; // blocks: the item is in a filter row of the current block
        int base = 0;
        int blocks = 0;
        Row[] block = new Row[lists];
        for (int start = 0; start < rows.length;) {
            int end = start;
            Arrays.fill(block, null);
            boolean passes = !filtered;
            blocks++;
            while (end < rows.length && rows[end].block() == rows[start].block()) {
                Row row = rows[end++];
                if (row.list() != FILTER) {
                    block[row.list()] = row;
                } else {
                    passes = true;
                    for (int at = 0; at + 3 < row.entries().length; at += 4) {
                        member[(row.entries()[at] & 0x07) << 7 | row.entries()[at + 1]] = blocks;
                    }
                }
            }
            if (passes && Arrays.stream(block).allMatch(row -> row != null)) {
                // shortest first: the later lists only confirm items of the first (the array is filled anew for each block)
                Arrays.sort(block, (a, b) -> Integer.compare(a.entries().length, b.entries().length));
                for (int k = 0; k < lists; k++) {
                    byte[] entries = block[k].entries();
                    int weight = weights[block[k].list()];
                    for (int at = 0; at + 3 < entries.length; at += 4) {
                        int place = (entries[at] & 0x07) << 7 | entries[at + 1];
                        int points = weight * ((entries[at + 2] << 7) | entries[at + 3]);
                        if (k == 0) {
                            stamp[place] = base + 1;
                            score[place] = points;
                        } else if (stamp[place] == base + k) {
                            stamp[place] = base + k + 1;
                            score[place] += points;
                        }
                    }
                }
                byte[] last = block[lists - 1].entries();
                int firstItem = block[0].block() << BLOCK_BITS;
                for (int at = 0; at + 3 < last.length; at += 4) {
                    int place = (last[at] & 0x07) << 7 | last[at + 1];
                    if (stamp[place] == base + lists && (!filtered || member[place] == blocks)) {
                        matches.add(firstItem | place, score[place]);
                    }
                }
                base += lists;
            }
            start = end;
        }
        return matches.best(needed);
    }

    /** The best {@code needed} of the given matches (ties included), as {@link #best(List, int[], int, boolean)} finds them. */
    static Best best(int[] itemNos, int[] scores, int needed) {
        Matches matches = new Matches();
        for (int i = 0; i < itemNos.length; i++) {
            matches.add(itemNos[i], scores[i]);
        }
        return matches.best(needed);
    }

    /** The matches so far, in parallel growing arrays. */
    private static final class Matches {
        int[] itemNos = new int[256];
        int[] scores = new int[256];
        int size;

        void add(int itemNo, int score) {
            if (size == itemNos.length) {
                itemNos = Arrays.copyOf(itemNos, 2 * size);
                scores = Arrays.copyOf(scores, 2 * size);
            }
            itemNos[size] = itemNo;
            scores[size++] = score;
        }

        Best best(int needed) {
            int bar = size < needed ? Integer.MIN_VALUE : kthBest(needed);
            long[] kept = new long[size]; // score in the high half (best first when sorted), item number in the low
            int count = 0;
            Matches rest = new Matches();
            for (int i = 0; i < size; i++) {
                if (scores[i] >= bar) {
                    kept[count++] = (long) -scores[i] << 32 | itemNos[i];
                } else {
                    rest.add(itemNos[i], scores[i]);
                }
            }
            Arrays.sort(kept, 0, count);
            int[] nos = new int[count];
            int[] best = new int[count];
            for (int i = 0; i < count; i++) {
                nos[i] = (int) kept[i];
                best[i] = (int) -(kept[i] >> 32);
            }
            return new Best(nos, best, new Best(Arrays.copyOf(rest.itemNos, rest.size), Arrays.copyOf(rest.scores, rest.size), null));
        }

        /** The k-th best score, through a heap of the k best seen (the least on top). */
        private int kthBest(int k) {
            int[] heap = Arrays.copyOf(scores, k);
            for (int i = k / 2 - 1; i >= 0; i--) {
                siftDown(heap, i, k);
            }
            for (int i = k; i < size; i++) {
                if (scores[i] > heap[0]) {
                    heap[0] = scores[i];
                    siftDown(heap, 0, k);
                }
            }
            return heap[0];
        }

        private static void siftDown(int[] heap, int at, int size) {
            while (true) {
                int least = at;
                int left = 2 * at + 1;
                int right = left + 1;
                if (left < size && heap[left] < heap[least]) {
                    least = left;
                }
                if (right < size && heap[right] < heap[least]) {
                    least = right;
                }
                if (least == at) {
                    return;
                }
                int swap = heap[at];
                heap[at] = heap[least];
                heap[least] = swap;
                at = least;
            }
        }
    }
}
