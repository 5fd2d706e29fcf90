package io.qbank.delivery.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The live items of one exam code of a tenant, at one pool revision. */
public record ExamPool(List<PoolItem> items, Map<UUID, PoolItem> byId) {

    public static ExamPool of(List<PoolItem> items) {
        return new ExamPool(List.copyOf(items), items.stream().collect(Collectors.toUnmodifiableMap(PoolItem::itemId, Function.identity())));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
