package io.qbank.authoring.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.WorkflowEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WorkflowEventRepository implements PanacheRepositoryBase<WorkflowEvent, Long> {

    public Uni<List<WorkflowEvent>> history(String tenantId, UUID itemId) {
        return list("itemId = ?1 and tenantId = ?2 order by id", itemId, tenantId);
    }
}
