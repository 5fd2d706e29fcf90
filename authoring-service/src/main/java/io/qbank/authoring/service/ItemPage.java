package io.qbank.authoring.service;

import java.util.List;

/** A page of the item list; {@code hasNext} says whether another page follows (no total: counting would cost every query). */
public record ItemPage(List<ItemSummary> items, int page, int size, boolean hasNext) {
}
