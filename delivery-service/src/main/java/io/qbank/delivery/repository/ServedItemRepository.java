package io.qbank.delivery.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.domain.ServedItem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ServedItemRepository implements PanacheRepositoryBase<ServedItem, UUID> {

    public Uni<ServedItem> at(UUID quizId, int position) {
        return find("quizId = ?1 and position = ?2", quizId, position).firstResult();
    }

    public Uni<List<ServedItem>> ofQuiz(UUID quizId) {
        return list("quizId = ?1 order by position", quizId);
    }
}
