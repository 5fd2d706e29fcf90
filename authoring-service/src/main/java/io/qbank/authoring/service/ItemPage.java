package io.qbank.authoring.service;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the item list; {@code hasNext} says whether another page follows (no total: counting would cost every query). */
public record ItemPage(
        List<ItemSummary> items,
        @Schema(example = "0") int page,
        @Schema(example = "20") int size,
        @Schema(description = "Whether another page follows", example = "true") boolean hasNext) {
}
