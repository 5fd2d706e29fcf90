package io.qbank.delivery.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.events.AnswerSubmitted;
import io.qbank.common.events.ItemFlagged;
import io.qbank.common.events.ItemServed;
import io.qbank.common.events.QuizCompleted;
import io.qbank.common.events.QuizStarted;
import io.qbank.common.outbox.OutboxWriter.Pending;
import io.qbank.common.psychometrics.AbilityEstimator;
import io.qbank.common.psychometrics.ItemParameters;
import io.qbank.common.psychometrics.ItemSelector;
import io.qbank.common.psychometrics.Posterior;
import io.qbank.common.security.CurrentUser;
import io.qbank.delivery.config.DeliveryConfig;
import io.qbank.delivery.domain.ExamPool;
import io.qbank.delivery.domain.ItemContent;
import io.qbank.delivery.domain.PoolItem;
import io.qbank.delivery.domain.Quiz;
import io.qbank.delivery.domain.QuizFilters;
import io.qbank.delivery.domain.Quota;
import io.qbank.delivery.domain.ServedItem;
import io.qbank.delivery.repository.LearnerRepository;
import io.qbank.delivery.repository.PoolRepository;
import io.qbank.delivery.repository.QuizRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Quiz sessions: start, serve, grade, finish, expire. Every change of a quiz commits in one statement with its events
 * (outbox), guarded by the quiz's row version; a request that lost a race with another on the same quiz reads the quiz
 * again and answers from what the winner did.
 */
@ApplicationScoped
public class QuizService {

    /** What a call produced, or null with the quiz when the quiz had ended (or ended now: time up, pool exhausted). */
    public record Outcome<T>(T value, Quiz quiz) {
    }

    /** An item served at a position, with its content, for the response. */
    public record Served(Quiz quiz, ServedItem item, ItemContent content) {
    }

    /** A graded answer with the content it was graded against; {@code quiz} as it is after the answer. */
    public record Graded(Quiz quiz, ServedItem item, ItemContent content) {
    }

    private static final int RACE_RETRIES = 3;

    private final Pool db;
    private final QuizRepository quizzes;
    private final PoolRepository pool;
    private final LearnerRepository learners;
    private final PoolCache pools;
    private final ItemContentCache contents;
    private final QuizSessions sessions;
    private final ExposureCounter exposure;
    private final DeliveryConfig config;
    private final MeterRegistry registry;

    public QuizService(Pool db, QuizRepository quizzes, PoolRepository pool, LearnerRepository learners, PoolCache pools,
            ItemContentCache contents, QuizSessions sessions, ExposureCounter exposure, DeliveryConfig config, MeterRegistry registry) {
        this.db = db;
        this.quizzes = quizzes;
        this.pool = pool;
        this.learners = learners;
        this.pools = pools;
        this.contents = contents;
        this.sessions = sessions;
        this.exposure = exposure;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Starts a quiz. Refused (422) when the exam has no published items, when no item passes the filters, or when a
     * quota's topic has no item that passes them; quotas are minimums and may not add up to more than the length.
     */
    public Uni<Quiz> start(CurrentUser user, String examCode, String mode, boolean adaptive, int length, Integer timeLimitSeconds,
            QuizFilters filters, List<Quota> quotas, Double seTarget) {
        if (quotas.stream().mapToInt(Quota::required).sum() > length) {
            throw new ApiException(400, "Bad request", "the quotas ask for more items than the quiz has",
                    List.of(new Violation("quotas", "the counts add up to more than the length " + length)));
        }
        if (quotas.stream().map(Quota::topicId).distinct().count() < quotas.size()) {
            throw new ApiException(400, "Bad request", "a topic has two quotas", List.of(new Violation("quotas", "one quota per topic")));
        }
        Instant now = Instant.now();
        return pools.live(user.tenantId(), examCode).chain(live -> {
            if (live.isEmpty()) {
                throw ApiException.unprocessable("no items are published for exam code " + examCode,
                        List.of(new Violation("examCode", "no published items")));
            }
            return history(user.tenantId(), user.userId(), filters, now).map(history -> {
                // without filters every live item is eligible: no pass over the whole pool at every start
                List<PoolItem> eligible = filters.isEmpty() ? live.items()
                        : live.items().stream().filter(i -> filters.admits(i, history)).toList();
                if (eligible.isEmpty()) {
                    throw ApiException.unprocessable("no published item of " + examCode + " passes the filters",
                            List.of(new Violation("filters", "no matching items")));
                }
                List<Violation> empty = new ArrayList<>();
                for (int i = 0; i < quotas.size(); i++) {
                    UUID topic = quotas.get(i).topicId();
                    if (eligible.stream().noneMatch(item -> item.topicPath().contains(topic))) {
                        empty.add(new Violation("quotas[" + i + "].topicId", "no item of this topic passes the filters"));
                    }
                }
                if (!empty.isEmpty()) {
                    throw ApiException.unprocessable("a quota names a topic without items", empty);
                }
                return new Quiz(UUID.randomUUID(), user.tenantId(), user.userId(), examCode, mode, adaptive, length, timeLimitSeconds,
                        filters, List.copyOf(quotas), seTarget, Quiz.ACTIVE, 0, 0, 0, 0.0, 1.0, null, List.of(), List.of(), now,
                        timeLimitSeconds == null ? null : now.plusSeconds(timeLimitSeconds), null, 0);
            });
        }).call(quiz -> quizzes.insert(db, quiz, List.of(event(quiz, new QuizStarted(quiz.id(), quiz.tenantId(), quiz.userId(),
                quiz.examCode(), quiz.mode(), quiz.adaptive(), quiz.length(), quiz.timeLimitSeconds(), now)))))
                .invoke(quiz -> {
                    sessions.put(quiz, null);
                    registry.counter("qbank.quizzes.started", "mode", mode, "adaptive", String.valueOf(adaptive)).increment();
                });
    }

    /** An exam code with published items, and how many of them the student has been served. */
    public record Exam(String examCode, int items, int used) {
    }

    /** The exam codes of the student's tenant that have published items, with the student's used items of each. */
    public Uni<List<Exam>> exams(CurrentUser user) {
        return Uni.combine().all().unis(pool.exams(db, user.tenantId()),
                learners.history(db, user.tenantId(), user.userId(), QuizFilters.UNUSED, Instant.now())).asTuple()
                .chain(both -> both.getItem1().isEmpty() ? Uni.createFrom().item(List.<Exam>of())
                        : Uni.join().all(both.getItem1().stream().map(e -> pools.live(user.tenantId(), e.examCode())
                                .map(live -> new Exam(e.examCode(), live.items().size(),
                                        (int) live.items().stream().filter(i -> both.getItem2().contains(i.itemId())).count())))
                                .toList()).andFailFast());
    }

    /** How many published items of an exam code pass a test's filters, and each pool of the student's history. */
    public record Matching(int published, int matching, int unused, int incorrect, int flagged) {
    }

    /** What a test with these filters would draw from, before it starts: the counts of {@link Matching}. */
    public Uni<Matching> matching(CurrentUser user, String examCode, QuizFilters filters) {
        Instant now = Instant.now();
        QuizFilters withoutHistory = new QuizFilters(filters.topicIds(), filters.difficulties(), null);
        return pools.live(user.tenantId(), examCode).chain(live -> {
            List<PoolItem> passing = withoutHistory.isEmpty() ? live.items()
                    : live.items().stream().filter(i -> withoutHistory.admits(i, Set.of())).toList();
            Uni<Integer> unused = count(user, passing, QuizFilters.UNUSED, now);
            Uni<Integer> incorrect = count(user, passing, QuizFilters.INCORRECT, now);
            Uni<Integer> flagged = count(user, passing, QuizFilters.FLAGGED, now);
            return Uni.combine().all().unis(unused, incorrect, flagged).with((u, i, f) -> new Matching(live.items().size(),
                    filters.history() == null ? passing.size()
                            : switch (filters.history()) {
                                case QuizFilters.UNUSED -> u;
                                case QuizFilters.INCORRECT -> i;
                                default -> f;
                            },
                    u, i, f));
        });
    }

    private Uni<Integer> count(CurrentUser user, List<PoolItem> passing, String history, Instant now) {
        QuizFilters only = new QuizFilters(List.of(), List.of(), history);
        return learners.history(db, user.tenantId(), user.userId(), history, now)
                .map(seen -> (int) passing.stream().filter(i -> only.admits(i, seen)).count());
    }

    public Uni<Quiz> get(CurrentUser user, UUID quizId) {
        return own(user, quizId);
    }

    public Uni<List<Quiz>> list(CurrentUser user, int page, int size) {
        return quizzes.listOwn(db, user.tenantId(), user.userId(), page, size);
    }

    /** The item at the next position, or the unanswered current one again (resume after a reconnect). */
    public Uni<Outcome<Served>> next(CurrentUser user, UUID quizId) {
        return ownRecent(user, quizId).chain(quiz -> next(quiz, RACE_RETRIES));
    }

    private Uni<Outcome<Served>> next(Quiz quiz, int retries) {
        Instant now = Instant.now();
        if (quiz.isActive() && quiz.timeIsUp(now)) {
            return end(quiz, Quiz.EXPIRED, now).map(q -> new Outcome<>(null, q));
        }
        if (!quiz.isActive()) {
            return Uni.createFrom().item(new Outcome<>(null, quiz));
        }
        if (quiz.completeButActive()) {
            return end(quiz, Quiz.COMPLETED, now).map(q -> new Outcome<>(null, q));
        }
        if (quiz.awaitsAnswer()) {
            ServedItem current = sessions.current(quiz);
            Uni<ServedItem> item = current != null ? Uni.createFrom().item(current) : quizzes.servedAt(db, quiz.id(), quiz.served());
            return item.chain(i -> served(quiz, i)).map(s -> new Outcome<>(s, quiz));
        }
        if (quiz.served() >= quiz.length()) { // only a linear exam gets here: every position of its block is served
            throw ApiException.conflict("all " + quiz.length() + " items of this block are served: go back to any position to answer "
                    + "or change it, or finish the block");
        }
        return choose(quiz).chain(choice -> {
            if (choice == null) { // nothing left to serve: the pool is exhausted for this quiz, which ends here
                return end(quiz, Quiz.COMPLETED, now).map(q -> new Outcome<Served>(null, q));
            }
            PoolItem chosen = choice.item();
            ServedItem item = new ServedItem(quiz.id(), quiz.served() + 1, chosen.itemId(), chosen.version(), chosen.topicId(), quiz.theta(),
                    now, null);
            List<Quota> quotasNow = quiz.quotas().stream()
                    .map(q -> new Quota(q.topicId(), q.required(), q.served() + (chosen.topicPath().contains(q.topicId()) ? 1 : 0))).toList();
            int[] quotaServed = quotasNow.stream().mapToInt(Quota::served).toArray();
            List<UUID> setAside = choice.setAside().stream().map(PoolItem::itemId).toList();
            Pending served = event(quiz, new ItemServed(quiz.id(), quiz.tenantId(), quiz.userId(), item.position(), item.itemId(),
                    item.version(), item.topicId(), quiz.theta(), now));
            return quizzes.serve(new QuizRepository.Serve(quiz, item, setAside, quotaServed, List.of(served)))
                    .chain(applied -> {
                        if (!applied) { // another request changed the quiz first: give the exposure back, answer from the quiz as it is
                            return exposure.release(chosen).chain(() -> retry(quiz, retries)).chain(q -> next(q, retries - 1));
                        }
                        registry.counter("qbank.items.served", "adaptive", String.valueOf(quiz.adaptive())).increment();
                        Quiz after = quiz.serving(item.itemId(), setAside, quotasNow);
                        sessions.put(after, item);
                        return served(after, item).map(s -> new Outcome<>(s, after));
                    });
        });
    }

    /**
     * Chooses the next item: eligible (live, passing the filters, not served or set aside in this quiz), restricted by the
     * quotas when the positions left are needed for them, shortlisted by information (adaptive) or at random (linear),
     * through the Sympson–Hetter lottery, and within today's exposure cap. Null when nothing is left.
     */
    private Uni<ItemSelector.Choice<PoolItem>> choose(Quiz quiz) {
        return pools.live(quiz.tenantId(), quiz.examCode())
                .chain(live -> history(quiz.tenantId(), quiz.userId(), quiz.filters(), quiz.startedAt()).chain(history -> {
                    Set<UUID> excluded = new HashSet<>(quiz.servedItemIds());
                    excluded.addAll(quiz.setAsideItemIds());
                    Predicate<PoolItem> capped = exposure.knownCapped();
                    Predicate<PoolItem> open = item -> !excluded.contains(item.itemId()) && !capped.test(item);
                    if (quiz.adaptive() && quiz.quotas().isEmpty() && quiz.filters().isEmpty()) {
                        // the common case: the grid index near θ, unless too much of it is served, set aside or capped. Twice
                        // the lookahead of its open items, best first at the grid point, hold the lookahead best at θ itself
                        // (at most half a grid step away), and the selection scores those instead of all the index holds.
                        List<PoolItem> near = live.mostInformativeNear(quiz.theta(), open, 2 * config.exposureLookahead());
                        if (near.size() >= config.exposureLookahead()) {
                            return chooseWithinCap(quiz, near, List.of());
                        }
                    }
                    List<PoolItem> eligible = new ArrayList<>();
                    for (PoolItem item : live.items()) {
                        if (open.test(item) && quiz.filters().admits(item, history)) {
                            eligible.add(item);
                        }
                    }
                    List<ItemSelector.Quota> quotas = quiz.quotas().stream()
                            .map(q -> new ItemSelector.Quota(q.topicId(), q.required(), q.served())).toList();
                    List<PoolItem> allowed = ItemSelector.honouringQuotas(eligible, quotas, quiz.length() - quiz.served());
                    return chooseWithinCap(quiz, allowed, List.of());
                }));
    }

    /**
     * Shortlists, runs the Sympson–Hetter lottery and reserves the chosen item's exposure for today (one Redis INCR); an
     * item found at its daily cap is dropped and the lottery runs again without it (the items it refused stay aside).
     */
    private Uni<ItemSelector.Choice<PoolItem>> chooseWithinCap(Quiz quiz, List<PoolItem> allowed, List<PoolItem> setAside) {
        if (allowed.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<PoolItem> shortlist = ItemSelector.shortlist(allowed, quiz.theta(), quiz.adaptive(), config.exposureLookahead(), random);
        ItemSelector.Choice<PoolItem> choice = ItemSelector.choose(shortlist, quiz.adaptive(), random);
        List<PoolItem> aside = new ArrayList<>(setAside);
        aside.addAll(choice.setAside());
        return exposure.reserve(choice.item()).chain(reserved -> {
            if (reserved) {
                return Uni.createFrom().item(new ItemSelector.Choice<>(choice.item(), List.copyOf(aside)));
            }
            Set<PoolItem> dropped = new HashSet<>(choice.setAside());
            dropped.add(choice.item());
            return chooseWithinCap(quiz, allowed.stream().filter(i -> !dropped.contains(i)).toList(), aside);
        });
    }

    private Uni<Set<UUID>> history(String tenantId, UUID userId, QuizFilters filters, Instant since) {
        return filters.history() == null ? Uni.createFrom().item(Set.of()) : learners.history(db, tenantId, userId, filters.history(), since);
    }

    public Uni<Outcome<Graded>> answer(CurrentUser user, UUID quizId, int position, String selectedLabel, Integer confidence, long timeTakenMs) {
        return ownRecent(user, quizId).chain(quiz -> answer(quiz, position, selectedLabel, confidence, timeTakenMs, RACE_RETRIES));
    }

    private Uni<Outcome<Graded>> answer(Quiz quiz, int position, String selectedLabel, Integer confidence, long timeTakenMs, int retries) {
        ServedItem current = sessions.current(quiz);
        Uni<ServedItem> servedItem = current != null && current.position() == position ? Uni.createFrom().item(current)
                : quizzes.servedAt(db, quiz.id(), position);
        return servedItem.chain(item -> {
            if (item == null && !quiz.isActive()) {
                return Uni.createFrom().item(new Outcome<Graded>(null, quiz));
            }
            if (item == null) {
                throw ApiException.unprocessable("no item was served at position " + position,
                        List.of(new Violation("position", "not served in this quiz")));
            }
            Instant now = Instant.now();
            boolean change = item.answer() != null && !item.answer().selectedLabel().equals(selectedLabel);
            if (item.answer() != null && !(change && quiz.navigable() && quiz.isActive())) {
                if (change) {
                    throw ApiException.conflict("position " + position + " was already answered with " + item.answer().selectedLabel()
                            + (quiz.navigable() ? "; the block has ended" : "; an answer cannot be changed"));
                }
                // a retry: the recorded result, whatever happened to the quiz since (an exam's end that did not follow its
                // last answer follows now)
                Uni<Quiz> settled = quiz.completeButActive() ? end(quiz, Quiz.COMPLETED, now) : Uni.createFrom().item(quiz);
                return settled.chain(q -> contents.get(item.itemId(), item.version()).map(content -> new Outcome<>(new Graded(q, item, content), q)));
            }
            if (quiz.isActive() && quiz.timeIsUp(now)) {
                return end(quiz, Quiz.EXPIRED, now).map(q -> new Outcome<Graded>(null, q));
            }
            if (!quiz.isActive()) {
                return Uni.createFrom().item(new Outcome<Graded>(null, quiz));
            }
            if (change) {
                return change(quiz, item, selectedLabel, confidence, timeTakenMs, now, retries);
            }
            return contents.get(item.itemId(), item.version())
                    .chain(content -> pools.live(quiz.tenantId(), quiz.examCode()).chain(live -> {
                        if (!content.hasOption(selectedLabel)) {
                            throw ApiException.unprocessable("the item has no option " + selectedLabel,
                                    List.of(new Violation("selectedLabel", "not an option of this item")));
                        }
                        // the served version's key, never the latest one's
                        boolean correct = content.correctLabel().equals(selectedLabel);
                        Posterior posterior = (quiz.posterior() == null ? Posterior.prior() : Posterior.of(quiz.posterior()))
                                .update(parameters(live, item, content), correct);
                        AbilityEstimator.Ability ability = posterior.ability();
                        ServedItem.Answer answer = new ServedItem.Answer(UUID.randomUUID(), selectedLabel, correct, confidence, timeTakenMs,
                                ability.theta(), ability.se(), now);
                        Quiz after = quiz.answered(correct, posterior.logDensity(), ability.theta(), ability.se(), now);
                        ServedItem answered = new ServedItem(item.quizId(), item.position(), item.itemId(), item.version(), item.topicId(),
                                quiz.theta(), item.servedAt(), answer);
                        // an exam's answers leave delivery only at its end, so its last answer is stored as one more answer and
                        // the end, which publishes them all, follows as a write of its own
                        boolean endsExam = quiz.isExam() && !after.isActive();
                        Quiz stored = endsExam ? after.stillActive() : after;
                        List<Pending> events = new ArrayList<>();
                        if (!quiz.isExam()) {
                            events.add(event(quiz, submitted(quiz, answered, content)));
                            if (!after.isActive()) {
                                events.add(completed(after, "finished", now));
                            }
                        }
                        return quizzes.answer(new QuizRepository.Answer(quiz, item, answer, posterior.logDensity(), stored.status(),
                                stored.completedAt(), !quiz.isExam(), events))
                                .chain(applied -> {
                                    if (!applied) {
                                        return retry(quiz, retries)
                                                .chain(q -> answer(q, position, selectedLabel, confidence, timeTakenMs, retries - 1));
                                    }
                                    registry.counter("qbank.answers", "correct", String.valueOf(correct)).increment();
                                    sessions.put(stored, null);
                                    Uni<Quiz> done = endsExam ? end(stored, Quiz.COMPLETED, now) : Uni.createFrom().item(stored);
                                    return done.map(q -> new Outcome<>(new Graded(q, answered, content), q));
                                });
                    }));
        });
    }

    /**
     * Changes the answer at a position of a linear exam: regraded with the served version's key, the score and the ability
     * recomputed from every final answer (the posterior does not depend on their order), the time spent added to the
     * position's. Nothing leaves delivery: the exam's answers are published at its end.
     */
    private Uni<Outcome<Graded>> change(Quiz quiz, ServedItem item, String selectedLabel, Integer confidence, long timeTakenMs,
            Instant now, int retries) {
        return results(quiz).chain(served -> pools.live(quiz.tenantId(), quiz.examCode()).chain(live -> {
            ItemContent content = served.stream().filter(s -> s.item().position() == item.position()).findFirst().orElseThrow().content();
            if (!content.hasOption(selectedLabel)) {
                throw ApiException.unprocessable("the item has no option " + selectedLabel,
                        List.of(new Violation("selectedLabel", "not an option of this item")));
            }
            boolean correct = content.correctLabel().equals(selectedLabel);
            Posterior posterior = Posterior.prior();
            int right = 0;
            for (Served s : served) {
                ServedItem.Answer a = s.item().answer();
                if (a != null) {
                    boolean c = s.item().position() == item.position() ? correct : a.correct();
                    posterior = posterior.update(parameters(live, s.item(), s.content()), c);
                    right += c ? 1 : 0;
                }
            }
            AbilityEstimator.Ability ability = posterior.ability();
            ServedItem.Answer before = item.answer();
            ServedItem.Answer answer = new ServedItem.Answer(before.responseId(), selectedLabel, correct,
                    confidence != null ? confidence : before.confidence(), before.timeTakenMs() + timeTakenMs, ability.theta(), ability.se(), now);
            Quiz after = quiz.changed(right, posterior.logDensity(), ability.theta(), ability.se());
            return quizzes.change(db, quiz, item.position(), answer, after).chain(applied -> {
                if (!applied) {
                    return retry(quiz, retries).chain(q -> answer(q, item.position(), selectedLabel, confidence, timeTakenMs, retries - 1));
                }
                registry.counter("qbank.answers.changed").increment();
                sessions.put(after, null);
                ServedItem changed = new ServedItem(item.quizId(), item.position(), item.itemId(), item.version(), item.topicId(),
                        item.thetaBefore(), item.servedAt(), answer);
                return Uni.createFrom().item(new Outcome<>(new Graded(after, changed, content), after));
            });
        }));
    }

    /** The item's parameters now (calibrated, or its defaults); an item retired during the quiz keeps its level's defaults. */
    private static ItemParameters parameters(ExamPool live, ServedItem item, ItemContent content) {
        PoolItem current = live.byId().get(item.itemId());
        return current != null && current.version() == item.version() ? current.parameters()
                : ItemParameters.defaults(content.difficultyLevel(), content.options().size());
    }

    public Uni<Quiz> finish(CurrentUser user, UUID quizId) {
        return own(user, quizId).chain(quiz -> {
            Instant now = Instant.now();
            return quiz.isActive() ? end(quiz, quiz.timeIsUp(now) ? Quiz.EXPIRED : Quiz.COMPLETED, now) : Uni.createFrom().item(quiz);
        });
    }

    /**
     * Ends an active quiz with QuizCompleted, and an exam with its final answers before it (one AnswerSubmitted per
     * answered position: nothing about them left delivery before); when another request changed it first, the quiz as it
     * is now.
     */
    Uni<Quiz> end(Quiz quiz, String status, Instant now) {
        Quiz ended = quiz.ended(status, now);
        Uni<List<Pending>> answers = quiz.isExam()
                ? results(quiz).map(served -> served.stream().filter(s -> s.item().answer() != null)
                        .map(s -> event(quiz, submitted(quiz, s.item(), s.content()))).toList())
                : Uni.createFrom().item(List.of());
        return answers.chain(events -> {
            List<Pending> all = new ArrayList<>(events);
            all.add(completed(ended, Quiz.EXPIRED.equals(status) ? "expired" : "finished", now));
            return quizzes.end(db, quiz, status, now, quiz.isExam(), all);
        }).chain(applied -> {
                    if (applied) {
                        sessions.put(ended, null);
                        return Uni.createFrom().item(ended);
                    }
                    return retry(quiz, 0);
                });
    }

    /** The quiz again after a lost race; after too many in a row, a conflict for the client to retry. */
    private Uni<Quiz> retry(Quiz quiz, int retries) {
        sessions.forget(quiz.id());
        if (retries < 0) {
            throw ApiException.conflict("the quiz changed while the request ran; try again");
        }
        return quizzes.findOwn(db, quiz.tenantId(), quiz.userId(), quiz.id());
    }

    /** Expires the overdue timed quizzes that nobody asked for (their QuizCompleted goes out now). */
    public Uni<Integer> expireOverdue(int limit) {
        Instant now = Instant.now();
        return quizzes.overdue(db, now, limit).chain(overdue -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Quiz quiz : overdue) {
                chain = chain.chain(n -> end(quiz, Quiz.EXPIRED, now).replaceWith(n + 1));
            }
            return chain;
        });
    }

    /** The item at a served position of the student's quiz, with their answer if given (a linear exam goes back to it). */
    public Uni<Served> servedAt(CurrentUser user, UUID quizId, int position) {
        return own(user, quizId).chain(quiz -> quizzes.servedAt(db, quizId, position).chain(item -> {
            if (item == null) {
                throw ApiException.notFound("Position " + position + " of quiz", quizId);
            }
            return served(quiz, item);
        }));
    }

    /** Score, ability and every served item with its content; the caller hides what the exam-integrity rule does not allow yet. */
    public Uni<List<Served>> results(Quiz quiz) {
        return quizzes.served(db, quiz.id()).chain(items -> pool.contents(db, items.stream().map(ServedItem::itemId).toList(),
                items.stream().map(ServedItem::version).toList())
                .map(contents -> items.stream().map(i -> new Served(quiz, i, contents.get(PoolRepository.key(i.itemId(), i.version())))).toList()));
    }

    /** Flags the item served at a position of the student's quiz; flagging it again returns the first flag. */
    public Uni<LearnerRepository.Flag> flag(CurrentUser user, UUID quizId, int position, String reason, String comment) {
        return own(user, quizId).chain(quiz -> quizzes.servedAt(db, quizId, position).chain(item -> {
            if (item == null) {
                throw ApiException.notFound("Position " + position + " of quiz", quizId);
            }
            Instant now = Instant.now();
            UUID flagId = UUID.randomUUID();
            Pending flagged = new Pending(quiz.tenantId(), item.itemId().toString(), item.itemId().toString(),
                    new ItemFlagged(flagId, item.itemId(), item.version(), quiz.tenantId(), quiz.userId(), reason, comment, "delivery", now));
            return learners.flag(db, quiz.tenantId(), quiz.userId(), quizId, position, item.itemId(), item.version(), flagId, reason, comment,
                    now, List.of(flagged));
        }));
    }

    private Uni<Served> served(Quiz quiz, ServedItem item) {
        return contents.get(item.itemId(), item.version()).map(content -> new Served(quiz, item, content));
    }

    /** The quiz as this replica last wrote it, else from the database: for the calls whose writes are guarded anyway. */
    private Uni<Quiz> ownRecent(CurrentUser user, UUID quizId) {
        Quiz cached = sessions.quiz(user, quizId);
        return cached != null ? Uni.createFrom().item(cached) : own(user, quizId);
    }

    private Uni<Quiz> own(CurrentUser user, UUID quizId) {
        return quizzes.findOwn(db, user.tenantId(), user.userId(), quizId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Quiz", quizId));
    }

    private static AnswerSubmitted submitted(Quiz quiz, ServedItem item, ItemContent content) {
        ServedItem.Answer a = item.answer();
        return new AnswerSubmitted(a.responseId(), quiz.id(), quiz.tenantId(), quiz.userId(), item.position(), item.itemId(), item.version(),
                item.topicId(), quiz.examCode(), a.selectedLabel(), a.correct(), a.confidence(), a.timeTakenMs(), item.thetaBefore(),
                a.thetaAfter(), a.seAfter(), content.difficulty(), quiz.mode(), a.answeredAt());
    }

    private static Pending completed(Quiz quiz, String reason, Instant now) {
        return event(quiz, new QuizCompleted(quiz.id(), quiz.tenantId(), quiz.userId(), quiz.examCode(), quiz.answered(), quiz.correct(),
                quiz.theta(), quiz.se(), reason, now));
    }

    /** Delivery events are keyed by user id (in order per learner) and are about the quiz. */
    private static Pending event(Quiz quiz, Record payload) {
        return new Pending(quiz.tenantId(), quiz.userId().toString(), quiz.id().toString(), payload);
    }
}
