package io.qbank.common.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Column arrays for the multi-row statements ({@code unnest($1::uuid[], …)}) that keep a batch to a few round trips. */
public final class Sql {

    private Sql() {
    }

    public static <T, C> C[] column(Collection<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
