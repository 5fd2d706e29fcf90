package io.qbank.authoring.service;

import java.util.List;
import java.util.UUID;

/** What an import created: the new item ids, in the order of the imported array. */
public record ImportReport(int items, int versions, List<UUID> itemIds) {
}
