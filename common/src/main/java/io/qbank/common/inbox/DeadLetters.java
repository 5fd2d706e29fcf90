package io.qbank.common.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.kafka.KafkaClients;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sends a record that cannot be processed to {@code <topic>.dlq}, with the headers SmallRye's dead-letter strategy
 * writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), for consumers that take
 * records in batches and so cannot nack a single one.
 */
@ApplicationScoped
public class DeadLetters {

    private final KafkaClients clients;
    private final MeterRegistry registry;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(KafkaClients clients, MeterRegistry registry) {
        this.clients = clients;
        this.registry = registry;
    }

    /** Completes when Kafka acknowledged the dead letter, so that the batch's offsets are committed only after it. */
    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(String.valueOf(reason.getMessage())));
        headers.add("dead-letter-cause", bytes(reason.getClass().getName()));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        ProducerRecord<String, String> letter = new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers);
        Log.warnf("dead letter from %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        return Uni.createFrom().item(() -> {
            try {
                producer().send(letter).get();
                registry.counter("qbank.events.dead-lettered", "topic", record.topic()).increment();
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending a dead letter", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not send a dead letter to " + letter.topic(), e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(clients.properties(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())));
                }
            }
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
