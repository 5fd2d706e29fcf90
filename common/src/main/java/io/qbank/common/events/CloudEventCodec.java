package io.qbank.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes as {@code ce_*} headers. */
public final class CloudEventCodec {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TENANT = "ce_tenant";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventCodec() {
    }

    public static Headers headers(CloudEvent event) {
        Headers headers = new RecordHeaders();
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, event.id().toString());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        put(headers, SUBJECT, event.subject());
        put(headers, TIME, event.time().toString());
        put(headers, TENANT, event.tenant());
        put(headers, CONTENT_TYPE, CloudEvent.CONTENT_TYPE);
        return headers;
    }

    /** Reads an incoming record; a record that is not a CloudEvent of ours is poison. */
    public static CloudEvent decode(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = get(headers, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new PoisonEventException("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        UUID id;
        try {
            id = UUID.fromString(require(headers, ID));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("ce_id is not a UUID");
        }
        Instant time;
        try {
            String t = get(headers, TIME);
            time = t == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an ISO-8601 instant");
        }
        if (record.value() == null) {
            throw new PoisonEventException("the record has no payload");
        }
        return new CloudEvent(id, require(headers, SOURCE), require(headers, TYPE), get(headers, SUBJECT),
                require(headers, TENANT), time, record.value());
    }

    private static String require(Headers headers, String key) {
        String value = get(headers, key);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("header " + key + " is missing");
        }
        return value;
    }

    private static String get(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String key, String value) {
        if (value != null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
