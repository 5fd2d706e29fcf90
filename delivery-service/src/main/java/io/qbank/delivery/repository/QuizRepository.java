package io.qbank.delivery.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.domain.Quiz;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class QuizRepository implements PanacheRepositoryBase<Quiz, UUID> {

    /** Another user's or tenant's quiz is not found, exactly like a missing one. */
    public Uni<Quiz> findOwn(String tenantId, UUID userId, UUID quizId) {
        return find("id = ?1 and tenantId = ?2 and userId = ?3", quizId, tenantId, userId).firstResult();
    }

    public Uni<List<Quiz>> listOwn(String tenantId, UUID userId, int page, int size) {
        return find("tenantId = ?1 and userId = ?2 order by startedAt desc, id", tenantId, userId).page(Page.of(page, size)).list();
    }
}
