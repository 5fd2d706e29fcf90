package io.qbank.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A student's graded answer at a served position. */
@Entity
@Table(name = "response")
public class Response {
    @Id
    public UUID id;
    @Column(name = "quiz_id", nullable = false)
    public UUID quizId;
    @Column(nullable = false)
    public int position;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(nullable = false)
    public int version;
    @Column(name = "selected_label", nullable = false, length = 1)
    public String selectedLabel;
    @Column(nullable = false)
    public boolean correct;
    public Short confidence;
    @Column(name = "time_taken_ms", nullable = false)
    public long timeTakenMs;
    @Column(name = "theta_before", nullable = false)
    public double thetaBefore;
    @Column(name = "theta_after", nullable = false)
    public double thetaAfter;
    @Column(name = "se_after", nullable = false)
    public double seAfter;
    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
}
