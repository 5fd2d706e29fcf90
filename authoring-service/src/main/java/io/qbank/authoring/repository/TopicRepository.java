package io.qbank.authoring.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.Topic;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, UUID> {

    public Uni<Topic> findInTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResult();
    }

    public Uni<List<Topic>> listInTenant(String tenantId) {
        return list("tenantId = ?1 order by path", tenantId);
    }

    /** The topic at {@code path} and its whole subtree. */
    public Uni<List<Topic>> listUnder(String tenantId, String path) {
        return list("tenantId = ?1 and path like ?2 order by path", tenantId, path + "%");
    }

    /** Another topic with this name (case-insensitively) under the same parent, if any. */
    public Uni<Topic> siblingNamed(String tenantId, UUID parentId, String name, UUID except) {
        String parent = parentId == null ? "parentId is null" : "parentId = ?4";
        Object[] params = parentId == null
                ? new Object[] { tenantId, name.toLowerCase(), except == null ? new UUID(0, 0) : except }
                : new Object[] { tenantId, name.toLowerCase(), except == null ? new UUID(0, 0) : except, parentId };
        return find("tenantId = ?1 and lower(name) = ?2 and id <> ?3 and " + parent, params).firstResult();
    }
}
