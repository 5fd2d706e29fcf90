package io.qbank.review.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.inbox.IdempotentBatchConsumer;
import io.qbank.review.domain.ReviewAnswer;
import io.qbank.review.service.ReviewRecorder;
import io.smallrye.mutiny.Uni;

/**
 * AnswerSubmitted from qbank.delivery.v1 → schedules, a poll at a time (records are keyed by user, so each learner's
 * answers arrive in order); the topic's other events (quiz started, item served, quiz completed) are skipped.
 */
@ApplicationScoped
public class DeliveryAnswerConsumer {

    /** Delivery's confidence is optional; without it an answer counts as neutral (3), neither sure nor guessed. */
    static final int NEUTRAL_CONFIDENCE = 3;

    private final IdempotentBatchConsumer consumer;
    private final ReviewRecorder recorder;

    public DeliveryAnswerConsumer(IdempotentBatchConsumer consumer, ReviewRecorder recorder) {
        this.consumer = consumer;
        this.recorder = recorder;
    }

    @Incoming("answers")
    public Uni<Void> onDeliveryEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("schedules", records, (connection, events) -> recorder.record(connection, events.stream()
                .filter(e -> EventType.ofCeType(e.type()).orElse(null) == EventType.ANSWER_SUBMITTED)
                .map(DeliveryAnswerConsumer::toAnswer).toList())).replaceWithVoid();
    }

    static ReviewAnswer toAnswer(CloudEvent event) {
        AnswerSubmitted a = event.dataAs(AnswerSubmitted.class);
        if (!event.tenant().equals(a.tenantId())) {
            throw new IllegalArgumentException("ce_tenant " + event.tenant() + " differs from the payload's tenant " + a.tenantId());
        }
        int confidence = a.confidence() == null ? NEUTRAL_CONFIDENCE : a.confidence();
        if (confidence < 1 || confidence > 5 || a.timeTakenMs() < 0 || a.answeredAt() == null || a.userId() == null || a.itemId() == null) {
            throw new IllegalArgumentException("AnswerSubmitted " + event.id() + " is incomplete or out of range");
        }
        return new ReviewAnswer(a.tenantId(), a.userId(), a.itemId(), a.version(), a.topicId(), a.difficulty(), a.selectedLabel(),
                a.correct(), confidence, a.timeTakenMs(), a.answeredAt(), ReviewAnswer.Source.DELIVERY, event.id(), null);
    }
}
