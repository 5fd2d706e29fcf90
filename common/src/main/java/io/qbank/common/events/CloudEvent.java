package io.qbank.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event as it travels in Kafka binary mode: the attributes in {@code ce_*} headers,
 * the JSON payload as the record value. {@code tenant} is the {@code ce_tenant} extension.
 */
public record CloudEvent(UUID id, String source, String type, String subject, String tenant, Instant time, String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    /** Decodes the payload into the record of its type. */
    public <T> T dataAs(Class<T> payloadType) {
        return EventJson.read(data, payloadType);
    }
}
