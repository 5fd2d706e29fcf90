package io.qbank.delivery.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.EventJson;
import io.qbank.common.events.ItemOption;
import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.common.psychometrics.AbilityEstimator;
import io.qbank.common.psychometrics.ItemParameters;
import io.qbank.common.security.CurrentUser;
import io.qbank.delivery.config.DeliveryConfig;
import io.qbank.delivery.domain.Candidate;
import io.qbank.delivery.domain.PoolEntry;
import io.qbank.delivery.domain.PoolItemVersion;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.domain.Response;
import io.qbank.delivery.domain.ServedItem;
import io.qbank.delivery.repository.PoolRepository;
import io.qbank.delivery.repository.QuizRepository;
import io.qbank.delivery.repository.ResponseRepository;
import io.qbank.delivery.repository.ServedItemRepository;
import io.qbank.delivery.rest.AnswerRequest;
import io.qbank.delivery.rest.AnswerResponse;
import io.qbank.delivery.rest.QuizRequest;
import io.qbank.delivery.rest.QuizResponse;
import io.qbank.delivery.rest.QuizResultResponse;
import io.qbank.delivery.rest.ServedItemResponse;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Quiz sessions: start, serve, grade, finish. Every state change commits with its event (outbox). */
@ApplicationScoped
public class QuizService {

    /** The outcome of a call that may end the quiz instead (time up): the end is committed, then refused. */
    public record Outcome<T>(T value, Quiz quiz) {
    }

    private final QuizRepository quizzes;
    private final ServedItemRepository served;
    private final ResponseRepository responses;
    private final PoolRepository pool;
    private final ExposureCounter exposure;
    private final OutboxWriter outbox;
    private final DeliveryConfig config;
    private final MeterRegistry registry;

    public QuizService(QuizRepository quizzes, ServedItemRepository served, ResponseRepository responses, PoolRepository pool,
            ExposureCounter exposure, OutboxWriter outbox, DeliveryConfig config, MeterRegistry registry) {
        this.quizzes = quizzes;
        this.served = served;
        this.responses = responses;
        this.pool = pool;
        this.exposure = exposure;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    @WithTransaction
    public Uni<Quiz> start(CurrentUser user, QuizRequest request) {
        return pool.countLive(user.tenantId(), request.examCode()).chain(live -> {
            if (live == 0) {
                throw ApiException.unprocessable("no items are published for exam code " + request.examCode(),
                        List.of(new Violation("examCode", "no published items")));
            }
            Instant now = Instant.now();
            Quiz quiz = new Quiz();
            quiz.id = UUID.randomUUID();
            quiz.tenantId = user.tenantId();
            quiz.userId = user.userId();
            quiz.examCode = request.examCode();
            quiz.mode = request.mode();
            quiz.adaptive = request.adaptive() == null || request.adaptive();
            quiz.length = request.length();
            quiz.timeLimitSeconds = request.timeLimitSeconds();
            quiz.status = Quiz.ACTIVE;
            quiz.startedAt = now;
            quiz.expiresAt = request.timeLimitSeconds() == null ? null : now.plusSeconds(request.timeLimitSeconds());
            return quizzes.persist(quiz)
                    .chain(() -> outbox.append(quiz.tenantId, quiz.userId.toString(), quiz.id.toString(),
                            new QuizStarted(quiz.id, quiz.tenantId, quiz.userId, quiz.examCode, quiz.mode, quiz.adaptive,
                                    quiz.length, quiz.timeLimitSeconds, now)))
                    .invoke(() -> registry.counter("qbank.quizzes.started", "mode", quiz.mode).increment())
                    .replaceWith(quiz);
        });
    }

    @WithSession
    public Uni<Quiz> get(CurrentUser user, UUID quizId) {
        return requireOwn(user, quizId);
    }

    @WithSession
    public Uni<List<Quiz>> list(CurrentUser user, int page, int size) {
        return quizzes.listOwn(user.tenantId(), user.userId(), page, size);
    }

    /** The item at the next position, or the unanswered current one again (resume after reconnect). */
    @WithTransaction
    public Uni<Outcome<ServedItemResponse>> next(CurrentUser user, UUID quizId) {
        return requireOwn(user, quizId).chain(quiz -> {
            Instant now = Instant.now();
            if (quiz.isActive() && quiz.timeIsUp(now)) {
                return end(quiz, Quiz.EXPIRED, now).map(q -> new Outcome<>(null, q));
            }
            if (!quiz.isActive()) {
                return Uni.createFrom().item(new Outcome<>(null, quiz));
            }
            if (quiz.served > quiz.answered) {
                return served.at(quizId, quiz.served).chain(s -> toResponse(quiz, s)).map(r -> new Outcome<>(r, quiz));
            }
            return pool.candidates(quiz.tenantId, quiz.examCode, quiz.id).chain(candidates -> {
                List<Candidate> ranked = ItemSelector.ranked(candidates, quiz.theta, quiz.adaptive, ThreadLocalRandom.current());
                List<Candidate> lookahead = ranked.subList(0, Math.min(ranked.size(), config.exposureLookahead()));
                return exposure.capped(lookahead).chain(capped -> {
                    Optional<Candidate> choice = ItemSelector.choose(lookahead, capped, quiz.adaptive, ThreadLocalRandom.current());
                    if (choice.isEmpty()) { // the pool is exhausted (or every item is at its cap): the quiz ends here
                        return end(quiz, Quiz.COMPLETED, now).map(q -> new Outcome<ServedItemResponse>(null, q));
                    }
                    return serve(quiz, choice.get(), now).map(r -> new Outcome<>(r, quiz));
                });
            });
        });
    }

    private Uni<ServedItemResponse> serve(Quiz quiz, Candidate candidate, Instant now) {
        ServedItem item = new ServedItem();
        item.id = UUID.randomUUID();
        item.quizId = quiz.id;
        item.position = quiz.served + 1;
        item.itemId = candidate.itemId();
        item.version = candidate.version();
        item.topicId = candidate.topicId();
        item.thetaBefore = quiz.theta;
        item.servedAt = now;
        quiz.served = item.position;
        return served.persist(item)
                .chain(() -> outbox.append(quiz.tenantId, quiz.userId.toString(), quiz.id.toString(),
                        new ItemServed(quiz.id, quiz.tenantId, quiz.userId, item.position, item.itemId, item.version,
                                item.topicId, quiz.theta, now)))
                .chain(() -> exposure.record(item.itemId, item.version))
                .chain(() -> toResponse(quiz, item));
    }

    @WithTransaction
    public Uni<Outcome<AnswerResponse>> answer(CurrentUser user, UUID quizId, AnswerRequest request) {
        return requireOwn(user, quizId).chain(quiz -> responses.at(quizId, request.position()).chain(previous -> {
            if (previous != null) {
                return replay(quiz, previous, request);
            }
            Instant now = Instant.now();
            if (quiz.isActive() && quiz.timeIsUp(now)) {
                return end(quiz, Quiz.EXPIRED, now).map(q -> new Outcome<AnswerResponse>(null, q));
            }
            if (!quiz.isActive()) {
                throw ApiException.conflict("the quiz is " + quiz.status + "; it takes no more answers");
            }
            return served.at(quizId, request.position()).chain(item -> {
                if (item == null) {
                    throw ApiException.unprocessable("no item was served at position " + request.position(),
                            List.of(new Violation("position", "not served in this quiz")));
                }
                return pool.version(item.itemId, item.version).chain(content -> grade(quiz, item, content, request, now));
            });
        }));
    }

    private Uni<Outcome<AnswerResponse>> grade(Quiz quiz, ServedItem item, PoolItemVersion content, AnswerRequest request,
            Instant now) {
        List<ItemOption> options = EventJson.readList(content.optionsJson, ItemOption.class);
        if (options.stream().noneMatch(o -> o.label().equals(request.selectedLabel()))) {
            throw ApiException.unprocessable("the item has no option " + request.selectedLabel(),
                    List.of(new Violation("selectedLabel", "not an option of this item")));
        }
        // the served version's key, never the latest one's
        boolean correct = content.correctLabel.equals(request.selectedLabel());
        return responses.ofQuiz(quiz.id).chain(earlier -> {
            List<UUID> ids = new ArrayList<>(earlier.stream().map(r -> r.itemId).toList());
            ids.add(item.itemId);
            return pool.entries(quiz.examCode, ids).chain(entries -> {
                Map<UUID, ItemParameters> params = new HashMap<>();
                entries.forEach(e -> params.put(e.itemId, new ItemParameters(e.a, e.b, e.c)));
                List<AbilityEstimator.Response> scored = new ArrayList<>();
                earlier.forEach(r -> scored.add(new AbilityEstimator.Response(parametersOf(params, r.itemId), r.correct)));
                scored.add(new AbilityEstimator.Response(parametersOf(params, item.itemId), correct));
                AbilityEstimator.Ability ability = AbilityEstimator.estimate(scored);

                Response response = new Response();
                response.id = UUID.randomUUID();
                response.quizId = quiz.id;
                response.position = item.position;
                response.tenantId = quiz.tenantId;
                response.userId = quiz.userId;
                response.itemId = item.itemId;
                response.version = item.version;
                response.selectedLabel = request.selectedLabel();
                response.correct = correct;
                response.confidence = request.confidence() == null ? null : request.confidence().shortValue();
                response.timeTakenMs = request.timeTakenMs();
                response.thetaBefore = quiz.theta;
                response.thetaAfter = ability.theta();
                response.seAfter = ability.se();
                response.answeredAt = now;

                quiz.answered++;
                quiz.correct += correct ? 1 : 0;
                quiz.theta = ability.theta();
                quiz.se = ability.se();
                AnswerSubmitted event = new AnswerSubmitted(response.id, quiz.id, quiz.tenantId, quiz.userId, item.position,
                        item.itemId, item.version, item.topicId, quiz.examCode, response.selectedLabel, correct,
                        request.confidence(), response.timeTakenMs, response.thetaBefore, response.thetaAfter, response.seAfter,
                        content.difficulty, quiz.mode, now);
                Uni<Quiz> after = quiz.answered >= quiz.length ? end(quiz, Quiz.COMPLETED, now) : Uni.createFrom().item(quiz);
                return responses.persist(response)
                        .chain(() -> outbox.append(quiz.tenantId, quiz.userId.toString(), quiz.id.toString(), event))
                        .chain(() -> after)
                        .invoke(() -> registry.counter("qbank.answers", "correct", String.valueOf(correct)).increment())
                        .map(q -> new Outcome<>(answerResponse(q, response, content, options), q));
            });
        });
    }

    /** The same answer again (a client retry) returns the recorded result; a different one is a conflict. */
    private Uni<Outcome<AnswerResponse>> replay(Quiz quiz, Response previous, AnswerRequest request) {
        if (!previous.selectedLabel.equals(request.selectedLabel())) {
            throw ApiException.conflict("position " + previous.position + " was already answered with "
                    + previous.selectedLabel + "; an answer cannot be changed");
        }
        return pool.version(previous.itemId, previous.version).map(content -> new Outcome<>(
                answerResponse(quiz, previous, content, EventJson.readList(content.optionsJson, ItemOption.class)), quiz));
    }

    private static AnswerResponse answerResponse(Quiz quiz, Response r, PoolItemVersion content, List<ItemOption> options) {
        if (!quiz.keysVisible()) {
            return new AnswerResponse(r.position, true, quiz.status, null, null, null, null, null, null);
        }
        return new AnswerResponse(r.position, true, quiz.status, r.correct, content.correctLabel, content.rationale, options,
                quiz.theta, quiz.se);
    }

    private static ItemParameters parametersOf(Map<UUID, ItemParameters> params, UUID itemId) {
        // an item retired during the quiz has left the pool: it is scored with the uncalibrated defaults
        return params.getOrDefault(itemId, ItemParameters.defaults(null, 5));
    }

    @WithTransaction
    public Uni<Quiz> finish(CurrentUser user, UUID quizId) {
        return requireOwn(user, quizId).chain(quiz -> {
            Instant now = Instant.now();
            if (!quiz.isActive()) {
                return Uni.createFrom().item(quiz);
            }
            return end(quiz, quiz.timeIsUp(now) ? Quiz.EXPIRED : Quiz.COMPLETED, now);
        });
    }

    private Uni<Quiz> end(Quiz quiz, String status, Instant now) {
        quiz.status = status;
        quiz.completedAt = now;
        return outbox.append(quiz.tenantId, quiz.userId.toString(), quiz.id.toString(),
                new QuizCompleted(quiz.id, quiz.tenantId, quiz.userId, quiz.examCode, quiz.answered, quiz.correct, quiz.theta,
                        quiz.se, status.equals(Quiz.EXPIRED) ? "expired" : "finished", now))
                .replaceWith(quiz);
    }

    @WithSession
    public Uni<QuizResultResponse> results(CurrentUser user, UUID quizId) {
        return requireOwn(user, quizId).chain(quiz -> served.ofQuiz(quizId).chain(items -> responses.ofQuiz(quizId)
                .chain(answers -> versionsOf(items).map(contents -> {
                    Map<Integer, Response> byPosition = new HashMap<>();
                    answers.forEach(r -> byPosition.put(r.position, r));
                    boolean keys = quiz.keysVisible();
                    Map<UUID, QuizResultResponse.TopicScore> topics = new LinkedHashMap<>();
                    List<QuizResultResponse.ItemResult> results = new ArrayList<>();
                    for (ServedItem s : items) {
                        PoolItemVersion content = contents.get(s.itemId + ":" + s.version);
                        Response r = byPosition.get(s.position);
                        if (r != null) {
                            topics.merge(s.topicId, new QuizResultResponse.TopicScore(s.topicId, content.topicName, 1, r.correct ? 1 : 0),
                                    (x, y) -> new QuizResultResponse.TopicScore(x.topicId(), x.topic(), x.answered() + 1,
                                            x.correct() + y.correct()));
                        }
                        results.add(new QuizResultResponse.ItemResult(s.position, s.itemId, s.version, content.topicName,
                                content.stem, content.leadIn, r == null ? null : r.selectedLabel,
                                keys && r != null ? r.correct : null, keys ? content.correctLabel : null,
                                keys ? content.rationale : null,
                                keys ? EventJson.readList(content.optionsJson, ItemOption.class) : null,
                                r == null ? null : r.timeTakenMs));
                    }
                    double score = quiz.answered == 0 ? 0 : (double) quiz.correct / quiz.answered;
                    return keys
                            ? new QuizResultResponse(QuizResponse.of(quiz), quiz.answered, quiz.correct, score, quiz.theta, quiz.se,
                                    List.copyOf(topics.values()), results)
                            : new QuizResultResponse(QuizResponse.of(quiz), quiz.answered, 0, 0, 0, 0, null, results);
                }))));
    }

    private Uni<Map<String, PoolItemVersion>> versionsOf(List<ServedItem> items) {
        Uni<Map<String, PoolItemVersion>> acc = Uni.createFrom().item(new HashMap<>());
        for (ServedItem s : items) {
            acc = acc.chain(map -> pool.version(s.itemId, s.version).map(v -> {
                map.put(s.itemId + ":" + s.version, v);
                return map;
            }));
        }
        return acc;
    }

    private Uni<ServedItemResponse> toResponse(Quiz quiz, ServedItem item) {
        return pool.version(item.itemId, item.version).map(content -> new ServedItemResponse(quiz.id, item.position, quiz.length,
                item.itemId, item.version, content.topicName, content.stem, content.leadIn,
                EventJson.readList(content.optionsJson, ItemOption.class).stream()
                        .map(o -> new ServedItemResponse.Choice(o.label(), o.text())).toList(),
                item.servedAt));
    }

    private Uni<Quiz> requireOwn(CurrentUser user, UUID quizId) {
        return quizzes.findOwn(user.tenantId(), user.userId(), quizId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Quiz", quizId));
    }
}
