package io.qbank.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The item version served at a position of a quiz. */
@Entity
@Table(name = "served_item")
public class ServedItem {
    @Id
    public UUID id;
    @Column(name = "quiz_id", nullable = false)
    public UUID quizId;
    @Column(nullable = false)
    public int position;
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(nullable = false)
    public int version;
    @Column(name = "topic_id", nullable = false)
    public UUID topicId;
    @Column(name = "theta_before", nullable = false)
    public double thetaBefore;
    @Column(name = "served_at", nullable = false)
    public Instant servedAt;
}
