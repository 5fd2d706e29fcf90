package io.qbank.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private final ItemPublished published = new ItemPublished(UUID.randomUUID(), 2, "acme", List.of("DEMO"), UUID.randomUUID(),
            "Cardiology", "CV-1", "A 54-year-old man…", "Which is the most likely diagnosis?",
            List.of(new ItemOption("A", "Aortic dissection", true, "tearing pain"), new ItemOption("B", "MI", false, "no ST")),
            "A", "Because…", "hard", 4, Instant.parse("2026-11-21T10:15:30Z"),
                List.of(), null, List.of(), null, List.of(), List.of(), List.of(), "human");

    @Test
    void headersRoundTripInBinaryMode() {
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "authoring-service", EventType.ITEM_PUBLISHED.ceType(),
                published.itemId().toString(), "acme", Instant.parse("2026-11-21T10:15:30.123Z"), EventJson.write(published));
        Headers headers = CloudEventCodec.headers(event);
        assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8)).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("content-type").value(), StandardCharsets.UTF_8)).isEqualTo("application/json");

        CloudEvent decoded = CloudEventCodec.decode(record(headers, event.data()));
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.dataAs(ItemPublished.class)).isEqualTo(published);
    }

    @Test
    void payloadTimestampsAreIso8601() {
        assertThat(EventJson.write(published)).contains("\"publishedAt\":\"2026-11-21T10:15:30Z\"");
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersMayAddFields() {
        String json = EventJson.write(published).replaceFirst("\\{", "{\"addedLater\":42,");
        assertThat(EventJson.read(json, ItemPublished.class)).isEqualTo(published);
    }

    @Test
    void recordsWithoutCloudEventHeadersArePoison() {
        CloudEvent event = new CloudEvent(UUID.randomUUID(), "x", "t", "s", "acme", Instant.now(), "{}");
        Headers noId = CloudEventCodec.headers(event);
        noId.remove("ce_id");
        assertThatThrownBy(() -> CloudEventCodec.decode(record(noId, "{}"))).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("ce_id");

        Headers noTenant = CloudEventCodec.headers(event);
        noTenant.remove("ce_tenant");
        assertThatThrownBy(() -> CloudEventCodec.decode(record(noTenant, "{}"))).hasMessageContaining("ce_tenant");

        Headers plain = new org.apache.kafka.common.header.internals.RecordHeaders();
        assertThatThrownBy(() -> CloudEventCodec.decode(record(plain, "{}"))).hasMessageContaining("CloudEvents");

        Headers badId = CloudEventCodec.headers(event);
        badId.remove("ce_id");
        badId.add("ce_id", "not-a-uuid".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventCodec.decode(record(badId, "{}"))).hasMessageContaining("UUID");
    }

    @Test
    void anUnreadablePayloadIsPoison() {
        assertThatThrownBy(() -> EventJson.read("{not json", ItemPublished.class)).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"version\":null}", ItemPublished.class))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void everyEventTypeHasAUniqueCeTypeATopicOfTheContractAndAVersionSuffix() {
        List<String> topics = List.of(Topics.ITEMS, Topics.ITEM_FLAGS, Topics.GENERATION_DRAFTS, Topics.DELIVERY,
                Topics.REVIEWS, Topics.CALIBRATION, Topics.PERSONAL);
        assertThat(Arrays.stream(EventType.values()).map(EventType::ceType).distinct()).hasSize(EventType.values().length);
        for (EventType type : EventType.values()) {
            assertThat(type.ceType()).startsWith("qbank.").matches(".*\\.v\\d+$");
            assertThat(topics).contains(type.topic());
            assertThat(EventType.ofCeType(type.ceType())).contains(type);
        }
        assertThat(EventType.of(published)).isEqualTo(EventType.ITEM_PUBLISHED);
        assertThatThrownBy(() -> EventType.of(new Other())).isInstanceOf(IllegalArgumentException.class);
    }

    record Other() {
    }

    private static ConsumerRecord<String, String> record(Headers headers, String value) {
        return new ConsumerRecord<>("t", 0, 0L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "k", value,
                headers, java.util.Optional.empty());
    }
}
