package io.qbank.authoring.service;

import java.util.UUID;

/**
 * The bar of a merge of the words' lists: the least score an item of the best {@code needed} can have, from which each
 * list gets a least impact ({@link #bounds}) and the merge reads only the entries over it.
 * <p>
 * The bar comes from a sample of the lists: the items whose id lies in the first 2<sup>-shift</sup> of the id space,
 * merged in full. Ids are random, so the sample is a random share of the matches, wherever the words meet in their lists.
 * (A bar from the heads of the lists, best impact first, fails for words that meet only in their lists' middles: an item
 * about one organ system names the other system's word in passing, so the best items for the two words together are in
 * neither list's head.)
 * <ul>
 * <li>The sample's {@code needed}-th best score, the <em>floor</em>, is a bar outright: those are real matches. So is
 * the {@code needed}-th best among the items at the head of the first word's list, which is the higher of the two for
 * words that meet there (and then the merge reads fewer entries than at a guess).</li>
 * <li>Its {@link #rank}-th best, the <em>guess</em>, is higher and about where the true bar is. The guess holds unless
 * the sample happened to take that many of the best {@code needed} - 1 matches (a chance of at most {@link #MISS}); the
 * merge tells which ({@link #holds}): if it does not, the merge runs again at the floor.</li>
 * </ul>
 */
final class SampledBar {

    /** The most a guess may be too high: how often a merge must run a second time. */
    static final double MISS = 0.01;
    /**
     * How many of the best {@code needed} matches the sample holds on average. A bigger sample costs more and puts the
     * guess closer to the true bar, where the merge costs less: for two words of 35,000 items each in the benchmark bank,
     * a sixteenth of the lists (0.5 ms) puts the guess where the merge takes 3.8 ms, a quarter (1.7 ms) where it takes 3.5
     * (2.9 at the true bar, 7.5 for the whole lists; CPU time with both cores busy).
     */
    static final double SAMPLE_HITS = 1.5;
    /** At most an eighth of the lists is read for the sample. */
    static final int MIN_SHIFT = 3;
    static final int MAX_SHIFT = 40;

    /** The bars one sample gives; either may be null (the sample held too few matches). */
    record Bars(Integer guess, Integer floor) {

        /** The bar to merge at first: the guess if it is above the floor, else the floor (null: no bar, the whole lists). */
        Integer first() {
            return guessFirst() ? guess : floor;
        }

        /** Whether the first merge runs at a guess, which that merge must confirm. */
        boolean guessFirst() {
            return guess != null && (floor == null || guess > floor);
        }
    }

    private SampledBar() {
    }

    /** The sample's share of the id space, 2^-shift: about {@link #SAMPLE_HITS} of the best {@code needed} fall in it. */
    static int shift(int needed) {
        long shift = Math.round(Math.log(Math.max(1, needed - 1) / SAMPLE_HITS) / Math.log(2));
        return (int) Math.min(MAX_SHIFT, Math.max(MIN_SHIFT, shift));
    }

    /** The least id outside the sample, the first 2^-shift of the id space (uuids compare as unsigned bytes). */
    static UUID sampleEnd(int shift) {
        return new UUID(1L << (64 - shift), 0L);
    }

    /**
     * The rank in the sample whose score is the guess: the least r for which the sample holds r or more of the best
     * {@code needed} - 1 matches with a chance of at most {@link #MISS} (a binomial tail, each match in the sample with the
     * chance 2^-shift).
     */
    static int rank(int needed, int shift) {
        int trials = needed - 1;
        double p = Math.scalb(1.0, -shift);
        double mass = Math.exp(trials * Math.log1p(-p)); // P(X = 0)
        double below = 0; // P(X < r)
        for (int r = 1;; r++) {
            below += mass; // now P(X <= r - 1)
            if (1 - below <= MISS || r > trials) {
                return r;
            }
            mass *= (double) (trials - (r - 1)) / r * p / (1 - p); // P(X = r)
        }
    }

    /**
     * The bars from the sample's best scores, highest first (at most {@code max(needed, rank)} of them), and a bar found
     * otherwise (null if none): the floor is the higher of that and the sample's.
     */
    static Bars of(int[] sampleScores, int needed, int rank, Integer otherBar) {
        Integer floor = sampleScores.length >= needed ? sampleScores[needed - 1] : null;
        if (otherBar != null && (floor == null || otherBar > floor)) {
            floor = otherBar;
        }
        return new Bars(sampleScores.length >= rank ? sampleScores[rank - 1] : null, floor);
    }

    /**
     * For each word, the least impact an item of the best {@code needed} can hold it with when the {@code needed}-th best
     * scores at least {@code bar}: an item that scores that with impact x in list j has
     * {@code x * w_j >= bar - (what the other words add at most)}, so every item at or over the bar, ties included, is
     * over every bound (0: no bound).
     */
    static int[] bounds(int bar, int[] weights, int[] maxImpacts) {
        long best = 0; // the most all the words add together
        for (int list = 0; list < weights.length; list++) {
            best += (long) weights[list] * maxImpacts[list];
        }
        int[] bounds = new int[weights.length];
        for (int list = 0; list < weights.length; list++) {
            long others = best - (long) weights[list] * maxImpacts[list];
            bounds[list] = (int) Math.max(0, -Math.floorDiv(others - bar, weights[list])); // ceil((bar - others) / w)
        }
        return bounds;
    }

    /**
     * Whether a merge at a guessed bar found the best {@code needed} (the page and the one after it): only if it found
     * that many over its bounds and the last of them, the {@code needed}-th best over the bounds, scores at least the
     * bar. Then at least {@code needed} items score that much, every one of them is over the bounds, and the merge's order
     * among them is the order of all matches.
     */
    static boolean holds(int guess, int rowsFound, int rowsAsked, int lastScore) {
        return rowsFound == rowsAsked && lastScore >= guess;
    }
}
