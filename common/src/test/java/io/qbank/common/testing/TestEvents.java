package io.qbank.common.testing;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.CloudEventCodec;
import io.qbank.common.events.EventJson;
import io.qbank.common.events.EventType;

/** Publishes contract events to the real broker, as another service's outbox relay would. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TestEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "localhost:9092"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    /** Sends the event with a new ce_id; returns the id so that a test can send the same event again. */
    public UUID send(String tenant, String key, String subject, Record payload) {
        return send(UUID.randomUUID(), tenant, key, subject, payload);
    }

    public UUID send(UUID eventId, String tenant, String key, String subject, Record payload) {
        EventType type = EventType.of(payload);
        CloudEvent event = new CloudEvent(eventId, "test", type.ceType(), subject, tenant, Instant.now(), EventJson.write(payload));
        return sendRaw(type.topic(), key, event.data(), CloudEventCodec.headers(event), eventId);
    }

    /** Anything at all, e.g. a poison record without CloudEvents headers. */
    public UUID sendRaw(String topic, String key, String value, org.apache.kafka.common.header.Headers headers, UUID id) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
            return id;
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
