package io.qbank.common.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
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

    private final String bootstrapServers;
    private final MeterRegistry registry;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers,
            MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
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
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
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
