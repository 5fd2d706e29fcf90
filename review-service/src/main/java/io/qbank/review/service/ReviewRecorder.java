package io.qbank.review.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.qbank.common.events.ReviewRecorded;
import io.qbank.common.outbox.OutboxWriter;
import io.qbank.review.config.ReviewConfig;
import io.qbank.review.domain.Attempt;
import io.qbank.review.domain.Gamification;
import io.qbank.review.domain.Profile;
import io.qbank.review.domain.ReviewAnswer;
import io.qbank.review.domain.Schedule;
import io.qbank.review.domain.ScheduleState;
import io.qbank.review.domain.Scheduling;
import io.qbank.review.repository.AttemptRepository;
import io.qbank.review.repository.ProfileRepository;
import io.qbank.review.repository.ProfileRepository.Learner;
import io.qbank.review.repository.ScheduleRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records answers, in the caller's transaction and in their order: each is logged, moves its schedule with the
 * learner's scheduler, earns XP, extends the streak and is announced as {@code ReviewRecorded} (outbox). A whole
 * Kafka batch costs six statements; the learners' profile rows stay locked until the transaction ends, so answers
 * from Kafka, from review sessions and a scheduler switch never interleave for one learner.
 */
@ApplicationScoped
public class ReviewRecorder {

    private final ProfileRepository profiles;
    private final ScheduleRepository schedules;
    private final AttemptRepository attempts;
    private final OutboxWriter outbox;
    private final Counter recorded;
    private final ReviewConfig config;

    public ReviewRecorder(ProfileRepository profiles, ScheduleRepository schedules, AttemptRepository attempts, OutboxWriter outbox,
            MeterRegistry registry, ReviewConfig config) {
        this.config = config;
        this.profiles = profiles;
        this.schedules = schedules;
        this.attempts = attempts;
        this.outbox = outbox;
        this.recorded = Counter.builder("qbank.reviews.recorded").description("Answers recorded into schedules").register(registry);
    }

    public Uni<List<Attempt>> record(SqlConnection connection, List<ReviewAnswer> answers) {
        if (answers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Learner> learners = answers.stream().map(a -> new Learner(a.tenantId(), a.userId())).toList();
        List<Schedule.Key> keys = answers.stream().map(a -> new Schedule.Key(a.tenantId(), a.userId(), a.itemId())).distinct().toList();
        return profiles.lock(connection, learners)
                .chain(locked -> schedules.find(connection, keys).chain(found -> {
                    Map<Learner, Profile> profileOf = new LinkedHashMap<>(locked);
                    Map<Schedule.Key, Schedule> scheduleOf = new LinkedHashMap<>(found);
                    List<Attempt> made = new ArrayList<>(answers.size());
                    List<OutboxWriter.Pending> events = new ArrayList<>(answers.size());
                    Map<Schedule.Key, Schedule> changed = new LinkedHashMap<>();
                    for (ReviewAnswer answer : answers) {
                        Learner learner = new Learner(answer.tenantId(), answer.userId());
                        Profile profile = profileOf.get(learner);
                        Schedule.Key key = new Schedule.Key(answer.tenantId(), answer.userId(), answer.itemId());
                        Schedule before = scheduleOf.get(key);
                        ScheduleState previous = before == null ? null : before.state();
                        int quality = answer.quality();
                        ScheduleState next = Scheduling.next(previous, profile.scheduler(), profile.desiredRetention(),
                                config.maximumIntervalDays(), new Scheduling.Answer(quality, answer.answeredAt()));
                        int xp = Gamification.xp(answer.difficulty(), answer.correct(), answer.confidence());
                        Profile after = profile.gain(xp, profile.streak().answeredOn(answer.answeredAt().atZone(profile.timeZone()).toLocalDate()));
                        boolean early = previous != null && previous.dueAt().isAfter(answer.answeredAt());
                        Attempt attempt = new Attempt(UUID.randomUUID(), answer, quality, next, xp, after.level(), early);
                        Schedule schedule = new Schedule(answer.tenantId(), answer.userId(), answer.itemId(), answer.version(),
                                answer.topicId() != null ? answer.topicId() : before == null ? null : before.topicId(), next);
                        profileOf.put(learner, after);
                        scheduleOf.put(key, schedule);
                        changed.put(key, schedule);
                        made.add(attempt);
                        events.add(new OutboxWriter.Pending(answer.tenantId(), answer.userId().toString(), answer.itemId().toString(),
                                new ReviewRecorded(attempt.id(), answer.tenantId(), answer.userId(), answer.itemId(), answer.version(),
                                        next.scheduler().code(), quality, answer.correct(), next.intervalDays(), next.dueAt(),
                                        answer.source().code, answer.answeredAt(), answer.personal())));
                    }
                    return profiles.update(connection, List.copyOf(profileOf.values()))
                            .chain(() -> schedules.save(connection, changed.values()))
                            .chain(() -> attempts.insert(connection, made))
                            .chain(() -> outbox.appendAll(connection, events))
                            .invoke(() -> recorded.increment(made.size()))
                            .replaceWith(made);
                }));
    }
}
