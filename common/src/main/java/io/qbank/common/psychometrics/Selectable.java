package io.qbank.common.psychometrics;

import java.util.List;
import java.util.UUID;

/** What item selection needs to know of an item: its IRT parameters, its Sympson–Hetter acceptance and its topic path. */
public interface Selectable {

    ItemParameters parameters();

    /** The Sympson–Hetter probability of administering the item once it is selected (1.0 without exposure control). */
    double shP();

    /** Topic ids from the root down to the item's topic: a quota on a topic counts every item of its subtree. */
    List<UUID> topicPath();
}
