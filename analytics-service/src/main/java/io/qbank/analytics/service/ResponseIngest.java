package io.qbank.analytics.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.common.events.AnswerSubmitted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One answer into the fact table and the cohort rollup, in the consumer's transaction: the rollup is
 * incremented (never recomputed), and the user is counted active once per day.
 */
@ApplicationScoped
public class ResponseIngest {

    /** Until cohorts are assigned (a cohort claim or a user→cohort mapping), every user is in the tenant-wide cohort. */
    static final String DEFAULT_COHORT = "all";

    public Uni<Void> record(UUID eventId, AnswerSubmitted a) {
        LocalDate day = LocalDate.ofInstant(a.answeredAt(), ZoneOffset.UTC);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO response_fact (response_id, event_id, tenant_id, cohort, user_id, quiz_id, position, item_id, version,
                    topic_id, exam_code, selected_label, correct, confidence, time_taken_ms, theta_after, mode, answered_at, day)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
                ON CONFLICT (response_id) DO NOTHING""")
                .setParameter(1, a.responseId()).setParameter(2, eventId).setParameter(3, a.tenantId())
                .setParameter(4, DEFAULT_COHORT).setParameter(5, a.userId()).setParameter(6, a.quizId())
                .setParameter(7, a.position()).setParameter(8, a.itemId()).setParameter(9, a.version())
                .setParameter(10, a.topicId()).setParameter(11, a.examCode()).setParameter(12, a.selectedLabel())
                .setParameter(13, a.correct()).setParameter(14, a.confidence() == null ? null : a.confidence().shortValue())
                .setParameter(15, a.timeTakenMs()).setParameter(16, a.thetaAfter()).setParameter(17, a.mode())
                .setParameter(18, a.answeredAt().atOffset(ZoneOffset.UTC)).setParameter(19, day)
                .executeUpdate()
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().voidItem() // the same response under another event id: counted already
                        : s.createNativeQuery("""
                                INSERT INTO cohort_daily_user (tenant_id, cohort, day, user_id) VALUES (?1, ?2, ?3, ?4)
                                ON CONFLICT DO NOTHING""")
                                .setParameter(1, a.tenantId()).setParameter(2, DEFAULT_COHORT).setParameter(3, day)
                                .setParameter(4, a.userId())
                                .executeUpdate()
                                .chain(newUser -> s.createNativeQuery("""
                                        INSERT INTO cohort_daily (tenant_id, cohort, day, attempts, correct, time_total_ms, active_users)
                                        VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6)
                                        ON CONFLICT (tenant_id, cohort, day) DO UPDATE SET
                                            attempts = cohort_daily.attempts + 1,
                                            correct = cohort_daily.correct + EXCLUDED.correct,
                                            time_total_ms = cohort_daily.time_total_ms + EXCLUDED.time_total_ms,
                                            active_users = cohort_daily.active_users + EXCLUDED.active_users""")
                                        .setParameter(1, a.tenantId()).setParameter(2, DEFAULT_COHORT).setParameter(3, day)
                                        .setParameter(4, a.correct() ? 1L : 0L).setParameter(5, a.timeTakenMs())
                                        .setParameter(6, newUser == 1 ? 1L : 0L)
                                        .executeUpdate())
                                .replaceWithVoid()));
    }
}
