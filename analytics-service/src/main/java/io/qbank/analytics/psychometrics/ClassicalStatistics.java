package io.qbank.analytics.psychometrics;

/**
 * Classical test theory from running sums, so the rollups can keep them incrementally.
 */
public final class ClassicalStatistics {

    private ClassicalStatistics() {
    }

    /** The criterion scores of an item's respondents and whether each answered it correctly. */
    public record Scored(double[] criterion, boolean[] correct, String[] selected) {
    }

    /** How many of a group picked each option A–E, and how many answered correctly. */
    public record GroupChoices(long respondents, long[] chose, long correct) {
    }

    /** Respondents in the lower, middle and upper group by criterion (27 %, 46 %, 27 %, as the upper–lower index splits them). */
    public record Groups(GroupChoices lower, GroupChoices middle, GroupChoices upper) {
    }

    public static Groups byGroup(Scored scored) {
        int n = scored.criterion().length;
        int group = n < 4 ? 0 : (int) Math.round(0.27 * n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(scored.criterion()[x], scored.criterion()[y]));
        return new Groups(choices(scored, order, 0, group), choices(scored, order, group, n - group), choices(scored, order, n - group, n));
    }

    private static GroupChoices choices(Scored scored, Integer[] order, int from, int to) {
        long[] chose = new long[5];
        long correct = 0;
        for (int i = from; i < to; i++) {
            String label = scored.selected()[order[i]];
            int option = label == null || label.isEmpty() ? -1 : "ABCDE".indexOf(label.charAt(0));
            if (option >= 0) {
                chose[option]++;
            }
            correct += scored.correct()[order[i]] ? 1 : 0;
        }
        return new GroupChoices(Math.max(0, to - from), chose, correct);
    }

    /** Share of correct answers; NaN without attempts. */
    public static double facility(long correct, long attempts) {
        return attempts == 0 ? Double.NaN : (double) correct / attempts;
    }

    /**
     * Point-biserial correlation of a 0/1 item score x with a criterion s, from n, Σx, Σs, Σs² and Σxs (x² = x):
     * r = (nΣxs − ΣxΣs) / √((nΣx − (Σx)²)(nΣs² − (Σs)²)); NaN when either variable does not vary.
     */
    public static double pointBiserial(long n, long sumX, double sumS, double sumSS, double sumXS) {
        double varianceX = (double) n * sumX - (double) sumX * sumX;
        double varianceS = n * sumSS - sumS * sumS;
        if (n < 2 || varianceX <= 0 || varianceS <= 1e-12) {
            return Double.NaN;
        }
        return (n * sumXS - sumX * sumS) / Math.sqrt(varianceX * varianceS);
    }

    /**
     * Kuder–Richardson 20 (equal to Cronbach's α for 0/1 items) of a form of k items taken by n examinees:
     * KR-20 = k/(k−1)·(1 − Σpq/σ²), with σ² the (population) variance of the total scores; NaN for fewer than 2 items or
     * examinees, or total scores that do not vary.
     *
     * @param itemCorrect how many of the n examinees answered each item correctly
     */
    public static double kr20(long examinees, long[] itemCorrect, double sumScore, double sumScoreSquared) {
        int k = itemCorrect.length;
        if (k < 2 || examinees < 2) {
            return Double.NaN;
        }
        double mean = sumScore / examinees;
        double variance = sumScoreSquared / examinees - mean * mean;
        if (variance <= 1e-12) {
            return Double.NaN;
        }
        double sumPq = 0;
        for (long correct : itemCorrect) {
            double p = (double) correct / examinees;
            sumPq += p * (1 - p);
        }
        return (double) k / (k - 1) * (1 - sumPq / variance);
    }

    /**
     * Upper–lower discrimination index D = p(upper) − p(lower), the groups being the top and the bottom 27 % of the
     * examinees by their criterion (Kelley, 1939); ties at a boundary are split by input order. NaN for fewer than 4.
     *
     * @param criterion the examinees' criterion scores
     * @param correct   whether each answered the item correctly
     */
    public static double upperLower(double[] criterion, boolean[] correct) {
        int n = criterion.length;
        int group = (int) Math.round(0.27 * n);
        if (n < 4 || group < 1) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(criterion[x], criterion[y]));
        int lower = 0, upper = 0;
        for (int i = 0; i < group; i++) {
            lower += correct[order[i]] ? 1 : 0;
            upper += correct[order[n - 1 - i]] ? 1 : 0;
        }
        return (double) (upper - lower) / group;
    }

    /** Percentile rank of a score among n: the share strictly below plus half the share equal, in percent (0–100). */
    public static double percentileRank(long below, long equal, long n) {
        return n == 0 ? Double.NaN : 100.0 * (below + 0.5 * equal) / n;
    }
}
