package io.qbank.common.events;

/** Topic names of the contract (deploy/topics.txt is the definition the infrastructure is made from). */
public final class Topics {
    public static final String ITEMS = "qbank.items.v1";
    public static final String ITEM_FLAGS = "qbank.item-flags.v1";
    public static final String GENERATION_DRAFTS = "qbank.generation.drafts.v1";
    public static final String DELIVERY = "qbank.delivery.v1";
    public static final String REVIEWS = "qbank.reviews.v1";
    public static final String CALIBRATION = "qbank.calibration.v1";
    public static final String PERSONAL = "qbank.personal.v1";

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
