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
import jakarta.persistence.Version;

/** When a user should see an item again, and the scheduler state that says so. */
@Entity
@Table(name = "review_schedule")
@IdClass(ReviewSchedule.Key.class)
public class ReviewSchedule {

    public static class Key implements Serializable {
        public String tenantId;
        public UUID userId;
        public UUID itemId;

        public Key() {
        }

        public Key(String tenantId, UUID userId, UUID itemId) {
            this.tenantId = tenantId;
            this.userId = userId;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId.equals(tenantId) && k.userId.equals(userId) && k.itemId.equals(itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, userId, itemId);
        }
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Id
    @Column(name = "item_id")
    public UUID itemId;
    public int version;
    @Column(name = "topic_id")
    public UUID topicId;
    public String scheduler = "sm2";
    public int repetition;
    @Column(name = "easiness_factor")
    public double easinessFactor;
    @Column(name = "interval_days")
    public int intervalDays;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "review_status")
    public String reviewStatus;
    public int attempts;
    public int lapses;
    @Column(name = "last_answered_at")
    public Instant lastAnsweredAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public Sm2.State sm2State() {
        return new Sm2.State(repetition, easinessFactor, intervalDays);
    }
}
