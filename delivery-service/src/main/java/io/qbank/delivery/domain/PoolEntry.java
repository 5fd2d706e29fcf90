package io.qbank.delivery.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An item live for one exam code of a tenant, at its live version, with its IRT and exposure parameters. */
@Entity
@Table(name = "pool_entry")
@IdClass(PoolEntry.Key.class)
public class PoolEntry {

    public static class Key implements Serializable {
        public UUID itemId;
        public String examCode;

        public Key() {
        }

        public Key(UUID itemId, String examCode) {
            this.itemId = itemId;
            this.examCode = examCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.itemId.equals(itemId) && k.examCode.equals(examCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemId, examCode);
        }
    }

    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Id
    @Column(name = "exam_code")
    public String examCode;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "live_version", nullable = false)
    public int liveVersion;
    public double a = 1.0;
    public double b;
    public double c = 0.2;
    @Column(name = "sh_p")
    public double shP = 1.0;
}
