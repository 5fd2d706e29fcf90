package io.qbank.delivery.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A published version of an item as delivery keeps it: immutable, everything needed to serve and grade it. */
@Entity
@Table(name = "pool_item_version")
@IdClass(PoolItemVersion.Key.class)
public class PoolItemVersion {

    public static class Key implements Serializable {
        public UUID itemId;
        public int version;

        public Key() {
        }

        public Key(UUID itemId, int version) {
            this.itemId = itemId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.itemId.equals(itemId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemId, version);
        }
    }

    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Id
    public int version;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "topic_id", nullable = false)
    public UUID topicId;
    @Column(name = "topic_name")
    public String topicName;
    @Column(name = "blueprint_code")
    public String blueprintCode;
    @Column(nullable = false)
    public String stem;
    @Column(name = "lead_in", nullable = false)
    public String leadIn;
    @Column(name = "options_json", nullable = false)
    public String optionsJson;
    @Column(name = "correct_label", nullable = false, length = 1)
    public String correctLabel;
    @Column(nullable = false)
    public String rationale;
    public String difficulty;
    @Column(name = "difficulty_level")
    public Short difficultyLevel;
    @Column(name = "option_count", nullable = false)
    public short optionCount;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
