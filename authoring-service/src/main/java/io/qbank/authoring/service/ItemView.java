package io.qbank.authoring.service;

import java.util.List;

import io.qbank.authoring.domain.Action;
import io.qbank.authoring.domain.Item;
import io.qbank.authoring.domain.ItemVersion;

/** What the service returns about an item: the item, its latest version, its live exam codes, the caller's next actions. */
public record ItemView(Item item, ItemVersion latest, List<String> examCodes, List<Action> allowedActions) {
}
