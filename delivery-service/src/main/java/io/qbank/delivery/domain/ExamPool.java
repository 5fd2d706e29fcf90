package io.qbank.delivery.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.qbank.common.psychometrics.ItemSelector;

/**
 * The live items of one exam code of a tenant, at one pool revision, with an index for adaptive selection: for θ on a
 * grid of step {@value #GRID_STEP} over [−4, 4], the {@value #INDEXED} items most informative there. A quiz without
 * filters or quotas shortlists from the list of the grid point nearest its θ instead of scoring the whole pool.
 */
public record ExamPool(List<PoolItem> items, Map<UUID, PoolItem> byId, List<List<PoolItem>> bestByTheta) {

    public static final double GRID_STEP = 0.1;
    public static final int INDEXED = 256;
    private static final int POINTS = (int) Math.round(8 / GRID_STEP) + 1;

    public static ExamPool of(List<PoolItem> items) {
        List<PoolItem> all = List.copyOf(items);
        List<List<PoolItem>> best = new ArrayList<>(POINTS);
        if (all.size() > 2 * INDEXED) { // smaller pools are scored whole
            for (int g = 0; g < POINTS; g++) {
                best.add(ItemSelector.shortlist(all, -4 + g * GRID_STEP, true, INDEXED, null));
            }
        }
        return new ExamPool(all, all.stream().collect(Collectors.toUnmodifiableMap(PoolItem::itemId, Function.identity())), List.copyOf(best));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * Up to {@code limit} of the indexed items most informative at the grid point nearest θ that pass {@code open}, best first;
     * empty when the pool is small enough to score whole. It stops at the limit: a selection looks at the few best open items,
     * not at the whole index.
     */
    public List<PoolItem> mostInformativeNear(double theta, Predicate<PoolItem> open, int limit) {
        if (bestByTheta.isEmpty()) {
            return List.of();
        }
        List<PoolItem> best = bestByTheta.get((int) Math.round((Math.max(-4, Math.min(4, theta)) + 4) / GRID_STEP));
        List<PoolItem> found = new ArrayList<>(Math.min(limit, best.size()));
        for (int i = 0; i < best.size() && found.size() < limit; i++) {
            if (open.test(best.get(i))) {
                found.add(best.get(i));
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "ExamPool[" + items.size() + " items]";
    }
}
