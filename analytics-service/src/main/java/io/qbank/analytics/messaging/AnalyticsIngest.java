package io.qbank.analytics.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.analytics.repository.ItemFacts;
import io.qbank.analytics.repository.ResponseFacts;
import io.qbank.analytics.repository.ReviewFacts;
import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.ItemPublished;
import io.qbank.common.events.ItemRetired;
import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.events.PersonalItemChanged;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.inbox.IdempotentBatchConsumer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The four topics analytics reads, each poll applied in one transaction by {@link IdempotentBatchConsumer} (a ce_id
 * seen before is skipped). A delivery poll is applied type by type in the order a quiz lives (started, served,
 * answered, completed), so facts that depend on earlier ones in the same poll find them.
 */
@ApplicationScoped
public class AnalyticsIngest {

    private final IdempotentBatchConsumer consumer;
    private final ResponseFacts responses;
    private final ItemFacts items;
    private final ReviewFacts reviews;

    public AnalyticsIngest(IdempotentBatchConsumer consumer, ResponseFacts responses, ItemFacts items, ReviewFacts reviews) {
        this.consumer = consumer;
        this.responses = responses;
        this.items = items;
        this.reviews = reviews;
    }

    @Incoming("delivery")
    public Uni<Void> onDeliveryEvents(ConsumerRecords<String, String> records) {
        return consumer.applyKeyed("delivery", records, this::delivery).replaceWithVoid();
    }

    @Incoming("reviews")
    public Uni<Void> onReviewEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("reviews", records, (connection, events) -> {
            List<ReviewRecorded> recorded = payloads(events, EventType.REVIEW_RECORDED, e -> e.dataAs(ReviewRecorded.class));
            return recorded.isEmpty() ? Uni.createFrom().voidItem() : reviews.recorded(connection, recorded);
        }).replaceWithVoid();
    }

    /** Only removals matter here: the reviews of a removed personal question go. */
    @Incoming("personal")
    public Uni<Void> onPersonalItems(ConsumerRecords<String, String> records) {
        return consumer.apply("personal", records, (connection, events) -> Multi.createFrom()
                .iterable(payloads(events, EventType.PERSONAL_ITEM_CHANGED, e -> e.dataAs(PersonalItemChanged.class)))
                .filter(e -> PersonalItemChanged.REMOVED.equals(e.state()))
                .onItem().transformToUniAndConcatenate(e -> reviews.personalRemoved(connection, e)).collect().last()).replaceWithVoid();
    }

    @Incoming("items")
    public Uni<Void> onItemEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("items", records, (connection, events) -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> item(connection, event)).collect().last()).replaceWithVoid();
    }

    private Uni<Void> item(SqlConnection connection, CloudEvent event) {
        EventType type = EventType.ofCeType(event.type()).orElse(null);
        if (type == EventType.ITEM_PUBLISHED) {
            return items.published(connection, event.dataAs(ItemPublished.class));
        }
        if (type == EventType.ITEM_RETIRED) {
            return items.retired(connection, event.dataAs(ItemRetired.class));
        }
        return Uni.createFrom().voidItem(); // a type this service does not know
    }

    @Incoming("item-flags")
    public Uni<Void> onFlagEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("item-flags", records, (connection, events) -> {
            List<ItemFlagged> flags = payloads(events, EventType.ITEM_FLAGGED, e -> e.dataAs(ItemFlagged.class));
            return flags.isEmpty() ? Uni.createFrom().voidItem() : items.flagged(connection, flags);
        }).replaceWithVoid();
    }

    private Uni<Void> delivery(SqlConnection connection, List<CloudEvent> events) {
        List<QuizStarted> started = payloads(events, EventType.QUIZ_STARTED, e -> e.dataAs(QuizStarted.class));
        List<ItemServed> served = payloads(events, EventType.ITEM_SERVED, e -> e.dataAs(ItemServed.class));
        List<ResponseFacts.Answer> answered = payloads(events, EventType.ANSWER_SUBMITTED,
                e -> new ResponseFacts.Answer(e.id(), e.dataAs(AnswerSubmitted.class)));
        List<QuizCompleted> completed = payloads(events, EventType.QUIZ_COMPLETED, e -> e.dataAs(QuizCompleted.class));
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!started.isEmpty()) {
            chain = chain.chain(() -> responses.quizzesStarted(connection, started));
        }
        if (!served.isEmpty()) {
            chain = chain.chain(() -> responses.itemsServed(connection, served));
        }
        if (!answered.isEmpty()) {
            chain = chain.chain(() -> responses.answered(connection, answered));
        }
        if (!completed.isEmpty()) {
            chain = chain.chain(() -> responses.quizzesCompleted(connection, completed));
        }
        return chain;
    }

    /** The batch's events of one type, decoded; events of types this service does not know are skipped. */
    private static <T> List<T> payloads(List<CloudEvent> events, EventType type, Function<CloudEvent, T> decode) {
        List<T> out = new ArrayList<>();
        for (CloudEvent event : events) {
            if (EventType.ofCeType(event.type()).orElse(null) == type) {
                out.add(decode.apply(event));
            }
        }
        return out;
    }
}
