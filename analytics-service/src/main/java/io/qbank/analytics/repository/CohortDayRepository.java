package io.qbank.analytics.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.analytics.domain.CohortDay;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CohortDayRepository implements PanacheRepositoryBase<CohortDay, CohortDay.Key> {

    public Uni<List<CohortDay>> between(String tenantId, LocalDate from, LocalDate to) {
        return list("tenantId = ?1 and day between ?2 and ?3 order by day, cohort", tenantId, from, to);
    }
}
