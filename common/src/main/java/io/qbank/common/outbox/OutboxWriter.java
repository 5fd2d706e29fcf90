package io.qbank.common.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.qbank.common.events.EventJson;
import io.qbank.common.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends an event to the outbox in the caller's transaction: call it inside the {@code @WithTransaction}
 * that makes the state change, so both commit or neither does. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class OutboxWriter {

    private final String source;

    public OutboxWriter(@ConfigProperty(name = "quarkus.application.name") String source) {
        this.source = source;
    }

    /**
     * @param partitionKey the Kafka key (the contract's key of the topic: item id, user id, job id)
     * @param subject      the aggregate the event is about ({@code ce_subject})
     */
    public Uni<UUID> append(String tenantId, String partitionKey, String subject, Record payload) {
        OutboxEvent event = toRow(source, tenantId, partitionKey, subject, payload, Instant.now());
        return Panache.getSession().chain(session -> session.persist(event)).replaceWith(event.eventId);
    }

    /**
     * Appends events in order on a plain SQL connection, in one statement: for consumers and services that write
     * with the reactive SQL client inside {@code Pool.withTransaction}.
     */
    public Uni<Void> appendAll(SqlConnection connection, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(insertStatement(1, null)).execute(withEvents(new Object[0], events)).replaceWithVoid();
    }

    private static final String INSERT_SQL = "INSERT INTO outbox_event (event_id, topic, partition_key, ce_type, ce_source, ce_subject, tenant_id, payload) ";

    /**
     * For a statement that makes a state change and appends its events at once (a data-modifying {@code WITH}): an
     * {@code INSERT INTO outbox_event} whose rows come from the eight parameters {@code $first…$first+7}, bound by
     * {@link #withEvents}, in the order of the list. Optionally guarded: the rows are inserted only if {@code guard} (a
     * CTE name) returned a row, so a refused state change appends nothing.
     */
    public static String insertStatement(int first, String guard) {
        return insert(first, false) + (guard == null ? "" : " WHERE EXISTS (SELECT 1 FROM " + guard + ")") + " ORDER BY n";
    }

    /**
     * For a multi-row statement whose rows are guarded one by one: as {@link #insertStatement}, with a ninth parameter
     * {@code $first+8} (bound by {@link #withEvents(Object[], List, List)}) naming the owner of each event; an event is
     * inserted only if its owner is among the {@code ownerColumn} values that the CTE {@code guard} returned.
     */
    public static String insertStatementOwnedBy(int first, String guard, String ownerColumn) {
        return insert(first, true) + " WHERE e.owner IN (SELECT " + ownerColumn + " FROM " + guard + ") ORDER BY n";
    }

    private static String insert(int first, boolean owned) {
        StringBuilder sql = new StringBuilder(INSERT_SQL).append("SELECT id, topic, k, type, src, subj, tenant, payload FROM unnest(");
        String[] types = { "uuid", "text", "text", "text", "text", "text", "text", "text" };
        for (int i = 0; i < types.length; i++) {
            sql.append(i == 0 ? "" : ", ").append('$').append(first + i).append("::").append(types[i]).append("[]");
        }
        if (owned) {
            sql.append(", $").append(first + types.length).append("::uuid[]");
        }
        return sql.append(") WITH ORDINALITY AS e(id, topic, k, type, src, subj, tenant, payload, ").append(owned ? "owner, " : "")
                .append("n)").toString();
    }

    /**
     * The parameters of a statement that ends with {@link #insertStatement}: its own ({@code $1…$n}) followed by the eight
     * event columns ({@code $n+1…$n+8}).
     */
    public Tuple withEvents(Object[] statementParameters, List<Pending> events) {
        return Tuple.from(concat(statementParameters, columns(events)));
    }

    /** As {@link #withEvents(Object[], List)}, for {@link #insertStatementOwnedBy}: {@code owners} in the order of the events. */
    public Tuple withEvents(Object[] statementParameters, List<Pending> events, List<UUID> owners) {
        if (owners.size() != events.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + owners.size() + " owners");
        }
        return Tuple.from(concat(statementParameters, concat(columns(events), new Object[] { owners.toArray(UUID[]::new) })));
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private Object[] columns(List<Pending> events) {
        Instant now = Instant.now();
        List<OutboxEvent> rows = events.stream()
                .map(e -> toRow(source, e.tenantId(), e.partitionKey(), e.subject(), e.payload(), now)).toList();
        return new Object[] {
                rows.stream().map(r -> r.eventId).toArray(UUID[]::new),
                rows.stream().map(r -> r.topic).toArray(String[]::new),
                rows.stream().map(r -> r.partitionKey).toArray(String[]::new),
                rows.stream().map(r -> r.ceType).toArray(String[]::new),
                rows.stream().map(r -> r.ceSource).toArray(String[]::new),
                rows.stream().map(r -> r.ceSubject).toArray(String[]::new),
                rows.stream().map(r -> r.tenantId).toArray(String[]::new),
                rows.stream().map(r -> r.payload).toArray(String[]::new) };
    }

    /** An event to append with {@link #appendAll}: the arguments of {@link #append}. */
    public record Pending(String tenantId, String partitionKey, String subject, Record payload) {
    }

    static OutboxEvent toRow(String source, String tenantId, String partitionKey, String subject, Record payload, Instant now) {
        EventType type = EventType.of(payload);
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic();
        event.partitionKey = partitionKey;
        event.ceType = type.ceType();
        event.ceSource = source;
        event.ceSubject = subject;
        event.tenantId = tenantId;
        event.payload = EventJson.write(payload);
        event.createdAt = now;
        return event;
    }
}
