package io.qbank.analytics.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A cohort's performance on one UTC day: the rollup row, maintained incrementally by the ingest. */
@Entity
@Table(name = "cohort_daily")
@IdClass(CohortDay.Key.class)
public class CohortDay {

    public static class Key implements Serializable {
        public String tenantId;
        public String cohort;
        public LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId.equals(tenantId) && k.cohort.equals(cohort) && k.day.equals(day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, cohort, day);
        }
    }

    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Id
    public String cohort;
    @Id
    public LocalDate day;
    public long attempts;
    public long correct;
    @Column(name = "time_total_ms")
    public long timeTotalMs;
    @Column(name = "active_users")
    public long activeUsers;
}
