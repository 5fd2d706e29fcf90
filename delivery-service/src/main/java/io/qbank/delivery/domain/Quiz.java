package io.qbank.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A student's quiz session on one exam code. */
@Entity
@Table(name = "quiz")
public class Quiz {

    public static final String TUTOR = "tutor";
    public static final String EXAM = "exam";
    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";
    public static final String EXPIRED = "expired";

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "exam_code", nullable = false)
    public String examCode;
    @Column(nullable = false)
    public String mode;
    @Column(nullable = false)
    public boolean adaptive;
    @Column(nullable = false)
    public int length;
    @Column(name = "time_limit_seconds")
    public Integer timeLimitSeconds;
    @Column(nullable = false)
    public String status;
    public int served;
    public int answered;
    public int correct;
    public double theta;
    public double se = 1.0;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean timeIsUp(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Keys and explanations may be shown: at once in tutor mode, after the end in exam mode. */
    public boolean keysVisible() {
        return TUTOR.equals(mode) || !isActive();
    }
}
