package io.qbank.delivery.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.delivery.domain.Candidate;
import io.qbank.delivery.domain.PoolEntry;
import io.qbank.delivery.domain.PoolItemVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PoolRepository implements PanacheRepositoryBase<PoolEntry, PoolEntry.Key> {

    /** Live items of the exam not yet served in the quiz (one query: no per-candidate look-ups). */
    public Uni<List<Candidate>> candidates(String tenantId, String examCode, UUID quizId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                select new io.qbank.delivery.domain.Candidate(e.itemId, e.liveVersion, v.topicId, e.a, e.b, e.c, e.shP)
                from PoolEntry e join PoolItemVersion v on v.itemId = e.itemId and v.version = e.liveVersion
                where e.tenantId = :tenant and e.examCode = :exam
                  and not exists (select 1 from ServedItem s where s.quizId = :quiz and s.itemId = e.itemId)""", Candidate.class)
                .setParameter("tenant", tenantId).setParameter("exam", examCode).setParameter("quiz", quizId)
                .getResultList());
    }

    public Uni<Long> countLive(String tenantId, String examCode) {
        return count("tenantId = ?1 and examCode = ?2", tenantId, examCode);
    }

    public Uni<List<PoolEntry>> entriesOf(UUID itemId) {
        return list("itemId", itemId);
    }

    public Uni<PoolItemVersion> version(UUID itemId, int version) {
        return Panache.getSession().chain(s -> s.find(PoolItemVersion.class, new PoolItemVersion.Key(itemId, version)));
    }

    public Uni<PoolItemVersion> persistVersion(PoolItemVersion version) {
        return Panache.getSession().chain(s -> s.persist(version)).replaceWith(version);
    }

    /** Parameters of the given items for an exam code, for the ability estimate. */
    public Uni<List<PoolEntry>> entries(String examCode, List<UUID> itemIds) {
        return itemIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("examCode = ?1 and itemId in ?2", examCode, itemIds);
    }
}
