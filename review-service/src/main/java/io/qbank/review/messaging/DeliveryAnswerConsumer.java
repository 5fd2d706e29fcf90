package io.qbank.review.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.CloudEvent;
import io.qbank.common.events.EventType;
import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.inbox.IdempotentBatchConsumer;
import io.qbank.review.domain.ReviewAnswer;
import io.qbank.review.repository.RunningExamRepository;
import io.qbank.review.service.ReviewRecorder;
import io.smallrye.mutiny.Uni;

/**
 * AnswerSubmitted from qbank.delivery.v1 → schedules, a poll at a time (records are keyed by user, so each learner's
 * answers arrive in order); an exam's start, serves and end keep the learner's running exams, whose items no review
 * session serves.
 */
@ApplicationScoped
public class DeliveryAnswerConsumer {

    /** Delivery's confidence is optional; without it an answer counts as neutral (3), neither sure nor guessed. */
    static final int NEUTRAL_CONFIDENCE = 3;

    static final String EXAM_MODE = "exam";

    private final IdempotentBatchConsumer consumer;
    private final ReviewRecorder recorder;
    private final RunningExamRepository exams;

    public DeliveryAnswerConsumer(IdempotentBatchConsumer consumer, ReviewRecorder recorder, RunningExamRepository exams) {
        this.consumer = consumer;
        this.recorder = recorder;
        this.exams = exams;
    }

    @Incoming("answers")
    public Uni<Void> onDeliveryEvents(ConsumerRecords<String, String> records) {
        return consumer.apply("schedules", records, (connection, events) -> {
            List<QuizStarted> started = new ArrayList<>();
            List<ItemServed> served = new ArrayList<>();
            List<QuizCompleted> completed = new ArrayList<>();
            List<ReviewAnswer> answers = new ArrayList<>();
            for (CloudEvent e : events) {
                EventType type = EventType.ofCeType(e.type()).orElse(null);
                if (type == EventType.ANSWER_SUBMITTED) {
                    answers.add(toAnswer(e));
                } else if (type == EventType.QUIZ_STARTED && EXAM_MODE.equals(e.dataAs(QuizStarted.class).mode())) {
                    started.add(e.dataAs(QuizStarted.class));
                } else if (type == EventType.ITEM_SERVED) {
                    served.add(e.dataAs(ItemServed.class));
                } else if (type == EventType.QUIZ_COMPLETED) {
                    completed.add(e.dataAs(QuizCompleted.class));
                }
            }
            return exams.apply(connection, started, served, completed).chain(() -> recorder.record(connection, answers));
        }).replaceWithVoid();
    }

    static ReviewAnswer toAnswer(CloudEvent event) {
        AnswerSubmitted a = event.dataAs(AnswerSubmitted.class);
        if (!event.tenant().equals(a.tenantId())) {
            throw new IllegalArgumentException("ce_tenant " + event.tenant() + " differs from the payload's tenant " + a.tenantId());
        }
        int confidence = a.confidence() == null ? NEUTRAL_CONFIDENCE : a.confidence();
        if (confidence < 1 || confidence > 5 || a.timeTakenMs() < 0 || a.answeredAt() == null || a.userId() == null || a.itemId() == null) {
            throw new IllegalArgumentException("AnswerSubmitted " + event.id() + " is incomplete or out of range");
        }
        return new ReviewAnswer(a.tenantId(), a.userId(), a.itemId(), a.version(), a.topicId(), a.difficulty(), a.selectedLabel(),
                a.correct(), confidence, a.timeTakenMs(), a.answeredAt(), ReviewAnswer.Source.DELIVERY, event.id(), null, false);
    }
}
