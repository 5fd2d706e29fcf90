package io.qbank.delivery.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.qbank.delivery.domain.Candidate;

/**
 * Chooses the next item. Adaptive: the most informative candidate at the current θ, accepted with its
 * Sympson–Hetter probability, else the next best. Linear: a random candidate. Items at their daily
 * exposure cap are never chosen. Pure logic: the caller supplies which items are capped and the random source.
 */
public final class ItemSelector {

    private ItemSelector() {
    }

    /** Candidates in the order selection would consider them. */
    public static List<Candidate> ranked(List<Candidate> candidates, double theta, boolean adaptive, RandomGenerator random) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        if (adaptive) {
            ranked.sort(Comparator.comparingDouble((Candidate c) -> c.parameters().information(theta)).reversed()
                    .thenComparing(Candidate::itemId));
        } else {
            for (int i = ranked.size() - 1; i > 0; i--) { // Fisher–Yates
                int j = random.nextInt(i + 1);
                Candidate t = ranked.get(i);
                ranked.set(i, ranked.get(j));
                ranked.set(j, t);
            }
        }
        return ranked;
    }

    /**
     * @param ranked candidates in {@link #ranked} order
     * @param capped item ids that reached today's exposure cap
     */
    public static Optional<Candidate> choose(List<Candidate> ranked, Set<java.util.UUID> capped, boolean adaptive,
            RandomGenerator random) {
        List<Candidate> open = ranked.stream().filter(c -> !capped.contains(c.itemId())).toList();
        for (int i = 0; i < open.size(); i++) {
            Candidate c = open.get(i);
            boolean last = i == open.size() - 1;
            // Sympson–Hetter applies to adaptive selection; the last open candidate is never refused, so a
            // quiz is not cut short by exposure control while items remain.
            if (!adaptive || last || random.nextDouble() < c.shP()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
