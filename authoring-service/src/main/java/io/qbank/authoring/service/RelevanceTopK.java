package io.qbank.authoring.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The best {@code k} matches of a search by relevance, found by Fagin's threshold algorithm over one list per query word,
 * each listing the items that hold the word by impact, highest first. An item's score is the sum, over the query's words,
 * of the word's weight times its impact in the item; the order is score, then latest change first, then id.
 * <p>
 * The caller reads the lists a batch at a time ({@link #read}), scores the items it meets, hands over those that can
 * still make the best k ({@link #match}, at or above {@link #bar()}) and asks {@link #step()} whether more must be read.
 * No item further down any list can score more than the threshold, the sum of weight × last impact read: once the k-th
 * best score seen is above it, the best k are known. When it is equal, the items of that score (a tie, common when most
 * items hold a word once) are known but for those that sit, in every list, exactly at the last impact read; the caller
 * walks one list at that impact in the list order for them and hands them to {@link #withTied}.
 */
final class RelevanceTopK {

    /** The order of a search by relevance. */
    static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::score).reversed()
            .thenComparing(Ranked::updatedAt, Comparator.reverseOrder()).thenComparing(Ranked::id, RelevanceTopK::compareAsPostgres);

    enum Step {
        /** read the next batch of the lists that are not exhausted */
        MORE,
        /** {@link #best()} are the best k (or every match, if there are fewer) */
        DECIDED,
        /** the k-th best ties with the threshold: walk {@link #tieList()} at {@link #tieImpact()} for the items of {@link #tie()} */
        TIED
    }

    record Ranked(UUID id, OffsetDateTime updatedAt, int score) {
    }

    private final int k;
    private final int[] weights;
    private final long[] lengths;
    private final int[] level;
    private final boolean[] exhausted;
    private final Map<UUID, Ranked> matches = new HashMap<>();
    private long met;
    private long matched;
    private List<Ranked> sorted;

    /**
     * @param k how many of the best are wanted
     * @param weights each word's weight
     * @param lengths each word's list length (the walk for a tie takes the shortest list)
     */
    RelevanceTopK(int k, int[] weights, long[] lengths) {
        this.k = k;
        this.weights = weights.clone();
        this.lengths = lengths.clone();
        this.level = new int[weights.length];
        this.exhausted = new boolean[weights.length];
        Arrays.fill(level, Integer.MAX_VALUE);
    }

    /** A batch of list {@code list} was read: the impact of its last entry, and whether the list ended with it. */
    void read(int list, int lastImpact, boolean ended) {
        level[list] = Math.min(level[list], lastImpact);
        exhausted[list] |= ended;
    }

    /** Items met in a round of reads, and how many of them match the search (all its filters). */
    void met(long items, long matching) {
        met += items;
        matched += matching;
    }

    /** An item met in a list matches the search with this score (at least {@link #bar()}). */
    void match(UUID id, OffsetDateTime updatedAt, int score) {
        matches.putIfAbsent(id, new Ranked(id, updatedAt, score));
        sorted = null;
    }

    /** The least score that can still make the best k: matches below it need not be handed over. */
    int bar() {
        return matches.size() < k ? 0 : sorted().get(k - 1).score();
    }

    /**
     * How many more list entries the threshold algorithm is likely to read before it decides, extrapolated from the last
     * round (its threshold fell from {@code thresholdBefore} to the current one over {@code entries}), times three: further
     * down the lists impacts fall more slowly than at their heads (on the benchmark bank, the straight line foresaw a
     * third of what was read). {@link Long#MAX_VALUE} while fewer than k matches are known or the threshold stands still.
     */
    long predictedEntries(long thresholdBefore, long entries) {
        long drop = thresholdBefore - threshold();
        if (matches.size() < k || drop <= 0 || entries <= 0) {
            return Long.MAX_VALUE;
        }
        long gap = Math.max(0, threshold() - bar());
        return (long) Math.ceil(3.0 * gap / drop * entries);
    }

    /**
     * How many of {@code candidates} items (those that may match) are likely to match, judged from the items met so far:
     * what scoring every match at once would cost.
     */
    long estimatedMatches(long candidates) {
        return met == 0 ? candidates : Math.round((double) matched / met * candidates);
    }

    boolean exhausted(int list) {
        return exhausted[list];
    }

    /** No unread item can score more than this. */
    long threshold() {
        long threshold = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!exhausted[i]) {
                threshold += (long) weights[i] * level[i];
            }
        }
        return threshold;
    }

    Step step() {
        boolean allRead = true;
        for (boolean e : exhausted) {
            allRead &= e;
        }
        if (allRead) {
            return Step.DECIDED;
        }
        if (matches.size() < k) {
            return Step.MORE;
        }
        long kth = sorted().get(k - 1).score();
        long threshold = threshold();
        return kth > threshold ? Step.DECIDED : kth == threshold ? Step.TIED : Step.MORE;
    }

    /** The best k seen, in order. */
    List<Ranked> best() {
        List<Ranked> all = sorted();
        return all.subList(0, Math.min(k, all.size()));
    }

    /** The score of the tie (when {@link #step()} is TIED). */
    int tie() {
        return sorted().get(k - 1).score();
    }

    /** The list to walk for the tie: the shortest one not yet read to its end. */
    int tieList() {
        int best = -1;
        for (int i = 0; i < weights.length; i++) {
            if (!exhausted[i] && (best < 0 || lengths[i] < lengths[best])) {
                best = i;
            }
        }
        return best;
    }

    /** How many items of the tie's score the best k still need. */
    int tieNeeded() {
        int tie = tie();
        return k - (int) sorted().stream().filter(r -> r.score() > tie).count();
    }

    /** The impact at which the tie's unread items sit in {@link #tieList()}. */
    int tieImpact() {
        return level[tieList()];
    }

    /**
     * The best k, given the first items of the tie's score in the list order among those at {@link #tieImpact()} in
     * {@link #tieList()} (at least as many as the tie may still need): every other item of that score has been seen.
     */
    List<Ranked> withTied(List<Ranked> walked) {
        int tie = tie();
        List<Ranked> result = new ArrayList<>(sorted().stream().filter(r -> r.score() > tie).toList());
        Map<UUID, Ranked> tied = new HashMap<>();
        sorted().stream().filter(r -> r.score() == tie).forEach(r -> tied.put(r.id(), r));
        walked.forEach(r -> tied.putIfAbsent(r.id(), r));
        tied.values().stream().sorted(ORDER).limit(k - result.size()).forEach(result::add);
        return result;
    }

    private List<Ranked> sorted() {
        if (sorted == null) {
            sorted = matches.values().stream().sorted(ORDER).toList();
        }
        return sorted;
    }

    /** uuid order as PostgreSQL has it, the 16 bytes compared unsigned (UUID.compareTo compares signed longs). */
    static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
