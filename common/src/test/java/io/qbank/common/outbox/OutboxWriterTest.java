package io.qbank.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.QuizStarted;

class OutboxWriterTest {

    @Test
    void aRowCarriesTheContractsTopicTypeKeyAndTheExactPayload() {
        UUID user = UUID.randomUUID();
        QuizStarted started = new QuizStarted(UUID.randomUUID(), "acme", user, "DEMO", "tutor", true, 10, null,
                Instant.parse("2026-11-21T00:00:00Z"));
        Instant now = Instant.now();
        OutboxEvent row = OutboxWriter.toRow("delivery-service", "acme", user.toString(), started.quizId().toString(), started, now);

        assertThat(row.topic).isEqualTo("qbank.delivery.v1");
        assertThat(row.ceType).isEqualTo("qbank.quiz.started.v1");
        assertThat(row.ceSource).isEqualTo("delivery-service");
        assertThat(row.partitionKey).isEqualTo(user.toString());
        assertThat(row.ceSubject).isEqualTo(started.quizId().toString());
        assertThat(row.tenantId).isEqualTo("acme");
        assertThat(row.createdAt).isEqualTo(now);
        assertThat(row.sentAt).isNull();
        assertThat(EventJson.read(row.payload, QuizStarted.class)).isEqualTo(started);
        assertThat(OutboxWriter.toRow("s", "t", "k", "s", started, now).eventId).isNotEqualTo(row.eventId);
    }
}
