package io.qbank.review.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One answer with the scheduler state it produced: the log that schedules are recomputed from. */
@Entity
@Table(name = "review_attempt")
@IdClass(ReviewAttempt.Key.class)
public class ReviewAttempt {

    public static class Key implements Serializable {
        public UUID userId;
        public UUID id;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userId.equals(userId) && k.id.equals(id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, id);
        }
    }

    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    public int version;
    public String source;
    @Column(name = "source_event_id")
    public UUID sourceEventId;
    @Column(name = "selected_label", length = 1)
    public String selectedLabel;
    public boolean correct;
    public short confidence;
    @Column(name = "time_taken_ms")
    public long timeTakenMs;
    public short quality;
    @Column(name = "xp_earned")
    public int xpEarned;
    public String scheduler;
    @Column(name = "sm2_interval")
    public int sm2Interval;
    @Column(name = "sm2_easiness_factor")
    public double sm2EasinessFactor;
    @Column(name = "sm2_repetition")
    public int sm2Repetition;
    @Column(name = "next_review_at")
    public Instant nextReviewAt;
    @Column(name = "review_status")
    public String reviewStatus;
    @Column(name = "answered_at")
    public Instant answeredAt;
}
