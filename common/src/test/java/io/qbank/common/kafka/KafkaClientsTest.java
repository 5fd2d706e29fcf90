package io.qbank.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    @Test
    void aClientTakesTheServicesConnectionAndSecuritySettingsAndItsOwnOnTop() {
        Properties props = KafkaClients.properties(Map.of("bootstrap.servers", "kafka:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "ssl.truststore.location", "/etc/kafka/ca.p12", "acks", "1"),
                Map.of("acks", "all", "client.id", "outbox-relay"));
        assertThat(props).containsEntry("bootstrap.servers", "kafka:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .containsEntry("acks", "all").containsEntry("client.id", "outbox-relay");
    }
}
