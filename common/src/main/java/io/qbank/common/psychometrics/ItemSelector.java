package io.qbank.common.psychometrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Chooses the next item of a quiz, in three steps that the caller runs in order (a daily exposure cap, which lives
 * outside this class, is checked between the second and the third):
 * <ol>
 * <li>{@link #honouringQuotas}: when the positions left are no more than the items the blueprint quotas still need,
 * only items that count towards an unmet quota remain eligible, so quotas are met at the end whenever the pool allows;</li>
 * <li>{@link #shortlist}: adaptive, the most informative items at the current θ, best first; linear, a random sample;</li>
 * <li>{@link #choose}: Sympson–Hetter, adaptive only: the best item is administered with probability {@code shP}, else it
 * is set aside for the rest of the quiz and the next is tried. The last candidate is never refused, so exposure control
 * never cuts a quiz short.</li>
 * </ol>
 * Pure logic: the caller supplies the random source. Used by delivery for real quizzes and by the simulations that
 * compute Sympson–Hetter parameters, so both follow one procedure.
 */
public final class ItemSelector {

    /** A blueprint quota: at least {@code required} items of the topic's subtree, {@code served} so far. */
    public record Quota(UUID topicId, int required, int served) {
        public int outstanding() {
            return Math.max(0, required - served);
        }
    }

    /** The item to administer, and the items the Sympson–Hetter lottery refused on the way (set aside for this quiz). */
    public record Choice<T>(T item, List<T> setAside) {
    }

    private ItemSelector() {
    }

    /**
     * @param eligible       items that may still be served in this quiz
     * @param quotas         the quiz's quotas with their progress
     * @param remainingSlots positions left in the quiz, including the one being chosen
     */
    public static <T extends Selectable> List<T> honouringQuotas(List<T> eligible, List<Quota> quotas, int remainingSlots) {
        if (quotas.isEmpty()) {
            return eligible;
        }
        Map<UUID, Integer> available = new HashMap<>();
        for (T item : eligible) {
            for (Quota q : quotas) {
                if (q.outstanding() > 0 && item.topicPath().contains(q.topicId())) {
                    available.merge(q.topicId(), 1, Integer::sum);
                }
            }
        }
        // a quota counts only as far as the pool can still fill it
        int demand = 0;
        List<UUID> unmet = new ArrayList<>();
        for (Quota q : quotas) {
            int fillable = Math.min(q.outstanding(), available.getOrDefault(q.topicId(), 0));
            if (fillable > 0) {
                demand += fillable;
                unmet.add(q.topicId());
            }
        }
        if (demand == 0 || remainingSlots > demand) {
            return eligible;
        }
        return eligible.stream().filter(item -> item.topicPath().stream().anyMatch(unmet::contains)).toList();
    }

    /** Up to {@code size} candidates in the order {@link #choose} considers them ({@code random} is used by linear selection only). */
    public static <T extends Selectable> List<T> shortlist(List<T> eligible, double theta, boolean adaptive, int size, RandomGenerator random) {
        int n = Math.min(size, eligible.size());
        if (n <= 0) {
            return List.of();
        }
        if (!adaptive) {
            // a partial Fisher–Yates shuffle: n distinct items uniformly at random
            List<T> copy = new ArrayList<>(eligible);
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(copy.size() - i);
                T t = copy.get(i);
                copy.set(i, copy.get(j));
                copy.set(j, t);
            }
            return List.copyOf(copy.subList(0, n));
        }
        // the n most informative by a bounded min-heap: O(N log n) rather than sorting the whole pool
        record Scored<T>(T item, double information, int index) {
        }
        Comparator<Scored<T>> worstFirst = Comparator.comparingDouble((Scored<T> s) -> s.information())
                .thenComparing(Comparator.comparingInt((Scored<T> s) -> s.index()).reversed());
        PriorityQueue<Scored<T>> heap = new PriorityQueue<>(n + 1, worstFirst);
        for (int i = 0; i < eligible.size(); i++) {
            T item = eligible.get(i);
            double information = item.parameters().information(theta);
            // most items of a large pool fall below the n-th best: compare before allocating anything for them
            if (heap.size() == n && information <= heap.peek().information()) {
                continue;
            }
            heap.add(new Scored<>(item, information, i));
            if (heap.size() > n) {
                heap.poll();
            }
        }
        List<Scored<T>> best = new ArrayList<>(heap);
        best.sort(worstFirst.reversed());
        return best.stream().map(Scored::item).toList();
    }

    /** The first shortlisted item that passes the Sympson–Hetter lottery (adaptive), or simply the first (linear). */
    public static <T extends Selectable> Choice<T> choose(List<T> shortlist, boolean adaptive, RandomGenerator random) {
        if (shortlist.isEmpty()) {
            return null;
        }
        List<T> setAside = new ArrayList<>();
        for (int i = 0; i < shortlist.size(); i++) {
            T item = shortlist.get(i);
            boolean last = i == shortlist.size() - 1;
            if (!adaptive || last || random.nextDouble() < item.shP()) {
                return new Choice<>(item, List.copyOf(setAside));
            }
            setAside.add(item);
        }
        throw new IllegalStateException("unreachable: the last candidate is always taken");
    }
}
