package io.qbank.common.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event of the contract: its CloudEvents {@code ce_type}, its topic and its payload record.
 * A change that breaks a payload gets a new type (…v2), never an edit of an existing one.
 */
public enum EventType {
    ITEM_PUBLISHED("qbank.item.published.v1", Topics.ITEMS, ItemPublished.class),
    ITEM_RETIRED("qbank.item.retired.v1", Topics.ITEMS, ItemRetired.class),
    ITEM_FLAGGED("qbank.item.flagged.v1", Topics.ITEM_FLAGS, ItemFlagged.class),
    DRAFT_GENERATED("qbank.generation.draft-generated.v1", Topics.GENERATION_DRAFTS, DraftGenerated.class),
    PERSONAL_ITEM_PROPOSED("qbank.generation.personal-item-proposed.v1", Topics.GENERATION_DRAFTS, PersonalItemProposed.class),
    QUIZ_STARTED("qbank.quiz.started.v1", Topics.DELIVERY, QuizStarted.class),
    ITEM_SERVED("qbank.quiz.item-served.v1", Topics.DELIVERY, ItemServed.class),
    ANSWER_SUBMITTED("qbank.quiz.answer-submitted.v1", Topics.DELIVERY, AnswerSubmitted.class),
    QUIZ_COMPLETED("qbank.quiz.completed.v1", Topics.DELIVERY, QuizCompleted.class),
    REVIEW_RECORDED("qbank.review.recorded.v1", Topics.REVIEWS, ReviewRecorded.class),
    ITEM_CALIBRATED("qbank.calibration.item-calibrated.v1", Topics.CALIBRATION, ItemCalibrated.class),
    EXPOSURE_CONTROL_UPDATED("qbank.calibration.exposure-control-updated.v1", Topics.CALIBRATION, ExposureControlUpdated.class),
    PERSONAL_ITEM_CHANGED("qbank.personal.item-changed.v1", Topics.PERSONAL, PersonalItemChanged.class);

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String ceType;
    private final String topic;
    private final Class<? extends Record> payloadType;

    EventType(String ceType, String topic, Class<? extends Record> payloadType) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static EventType of(Record payload) {
        EventType type = BY_PAYLOAD.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException(payload.getClass().getName() + " is not an event payload of the contract");
        }
        return type;
    }
}
