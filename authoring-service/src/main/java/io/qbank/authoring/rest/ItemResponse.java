package io.qbank.authoring.rest;

import java.util.List;
import java.util.UUID;

import io.qbank.authoring.domain.Action;
import io.qbank.authoring.service.ItemView;

/** An item with its latest version, where it is live, and what the caller may do next. */
public record ItemResponse(UUID id, int latestVersion, Integer liveVersion, List<String> examCodes,
        VersionResponse latest, List<Action> allowedActions) {

    static ItemResponse of(ItemView view) {
        return new ItemResponse(view.item().id, view.item().latestVersion, view.item().liveVersion, view.examCodes(),
                VersionResponse.of(view.latest()), view.allowedActions());
    }
}
