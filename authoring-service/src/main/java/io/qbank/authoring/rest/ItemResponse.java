package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qbank.authoring.domain.Action;
import io.qbank.authoring.service.ItemView;

/** An item with its latest version, where it is live, and what the caller may do next. */
public record ItemResponse(
        @Schema(example = "3f9a1c2e-5b7d-4e81-9c0a-6d2b8e4f1a37") UUID id,
        @Schema(description = "The number of the newest version", example = "3") int latestVersion,
        @Schema(nullable = true, description = "The version students are served; null if none is published", example = "2") Integer liveVersion,
        @Schema(description = "Where the live version is published", example = "[\"STEP1\", \"STEP2CK\"]") List<String> examCodes,
        @Schema(description = "The newest version in full") VersionResponse latest,
        @Schema(description = "What the caller may do with the newest version now", example = "[\"submit\"]") List<Action> allowedActions) {

    static ItemResponse of(ItemView view) {
        return new ItemResponse(view.item().id, view.item().latestVersion, view.item().liveVersion, view.examCodes(),
                VersionResponse.of(view.latest()), view.allowedActions());
    }
}
