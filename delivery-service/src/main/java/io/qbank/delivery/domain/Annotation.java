package io.qbank.delivery.domain;

import java.time.Instant;
import java.util.List;

/**
 * A student's own marks on a served position: marked for review, options struck through, highlighted ranges of the stem
 * (character offsets, start inclusive, end exclusive, in pairs), a note. None of it says anything about the key.
 */
public record Annotation(int position, boolean marked, List<String> struck, List<Range> highlights, String note, Instant updatedAt) {

    public record Range(int start, int end) {
    }

    public static Annotation none(int position) {
        return new Annotation(position, false, List.of(), List.of(), null, null);
    }
}
