package io.qbank.authoring.service;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import created: the new item ids, in the order of the imported array. */
public record ImportReport(
        @Schema(example = "2") int items,
        @Schema(example = "3") int versions,
        @Schema(description = "The new items' ids, in the order of the import", example = "[\"3f9a1c2e-5b7d-4e81-9c0a-6d2b8e4f1a37\", \"8b1d4f7a-2e6c-4a9b-9d3f-5c0e7a1b2d48\"]") List<UUID> itemIds) {
}
