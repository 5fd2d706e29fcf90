package io.qbank.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.QuizStarted;
import io.vertx.mutiny.sqlclient.Tuple;

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

    @Test
    void eventsOfAMultiRowStatementNameTheirOwnersOneForOne() {
        OutboxWriter writer = new OutboxWriter("delivery-service");
        UUID quiz = UUID.randomUUID();
        QuizStarted started = new QuizStarted(quiz, "acme", UUID.randomUUID(), "DEMO", "tutor", true, 10, null, Instant.now());
        List<OutboxWriter.Pending> events = List.of(new OutboxWriter.Pending("acme", "k", quiz.toString(), started),
                new OutboxWriter.Pending("acme", "k", quiz.toString(), started));

        Tuple tuple = writer.withEvents(new Object[] { "head" }, events, List.of(quiz, quiz));
        assertThat(tuple.size()).isEqualTo(1 + 8 + 1);
        assertThat(tuple.getValue(0)).isEqualTo("head");
        assertThat((UUID[]) tuple.getValue(9)).containsExactly(quiz, quiz);
        assertThatThrownBy(() -> writer.withEvents(new Object[0], events, List.of(quiz))).isInstanceOf(IllegalArgumentException.class);

        assertThat(OutboxWriter.insertStatementOwnedBy(3, "q", "id"))
                .contains("$10::text[], $11::uuid[]) WITH ORDINALITY AS e(id, topic, k, type, src, subj, tenant, payload, owner, n)")
                .endsWith("WHERE e.owner IN (SELECT id FROM q) ORDER BY n");
        assertThat(OutboxWriter.insertStatement(3, "q")).contains("$10::text[]) WITH ORDINALITY").doesNotContain("owner")
                .endsWith("WHERE EXISTS (SELECT 1 FROM q) ORDER BY n");
    }
}
