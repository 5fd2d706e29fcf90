package io.qbank.analytics.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.analytics.service.ResponseIngest;
import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.EventType;
import io.qbank.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryEventConsumer {

    private final IdempotentConsumer consumer;
    private final ResponseIngest ingest;

    public DeliveryEventConsumer(IdempotentConsumer consumer, ResponseIngest ingest) {
        this.consumer = consumer;
        this.ingest = ingest;
    }

    @Incoming("responses")
    public Uni<Void> onDeliveryEvent(ConsumerRecord<String, String> record) {
        return consumer.apply("responses", record, event -> EventType.ofCeType(event.type()).orElse(null) == EventType.ANSWER_SUBMITTED
                ? ingest.record(event.id(), event.dataAs(AnswerSubmitted.class))
                : Uni.createFrom().voidItem()).replaceWithVoid();
    }
}
