package io.qbank.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka clients this library builds itself (the outbox relay, the dead-letter producer) take the same connection
 * settings as the messaging channels: every {@code kafka.*} property of the service's configuration — bootstrap
 * servers, and on a production cluster {@code security.protocol}, {@code sasl.*}, {@code ssl.*} — and then their own.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> common;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    /** The shared connection settings with the client's own on top. */
    public Properties properties(Map<String, Object> own) {
        return properties(common, own);
    }

    static Properties properties(Map<String, Object> common, Map<String, Object> own) {
        Map<String, Object> merged = new HashMap<>(common);
        merged.putAll(own);
        Properties props = new Properties();
        props.putAll(merged);
        return props;
    }
}
