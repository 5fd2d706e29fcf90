package io.qbank.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.EventType;
import io.qbank.common.inbox.IdempotentConsumer;
import io.qbank.review.service.ScheduleService;
import io.smallrye.mutiny.Uni;

/** AnswerSubmitted from qbank.delivery.v1 → schedule; the topic's other events (quiz started, served…) are skipped. */
@ApplicationScoped
public class DeliveryAnswerConsumer {

    private final IdempotentConsumer consumer;
    private final ScheduleService schedules;

    public DeliveryAnswerConsumer(IdempotentConsumer consumer, ScheduleService schedules) {
        this.consumer = consumer;
        this.schedules = schedules;
    }

    @Incoming("answers")
    public Uni<Void> onDeliveryEvent(ConsumerRecord<String, String> record) {
        return consumer.apply("schedules", record, event -> EventType.ofCeType(event.type()).orElse(null) == EventType.ANSWER_SUBMITTED
                ? schedules.recordDeliveryAnswer(event.id(), event.dataAs(AnswerSubmitted.class))
                : Uni.createFrom().voidItem()).replaceWithVoid();
    }
}
