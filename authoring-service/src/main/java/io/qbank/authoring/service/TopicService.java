package io.qbank.authoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.authoring.domain.Topic;
import io.qbank.authoring.repository.TopicRepository;
import io.qbank.authoring.rest.TopicRequest;
import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem.Violation;
import io.qbank.common.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A tenant's topic tree. Each topic keeps its materialised path of ids, so a subtree is a prefix; a move rewrites
 * the paths below it, and the live items whose topic changed are published again so consumers see the new tree.
 */
@ApplicationScoped
public class TopicService {

    private final TopicRepository topics;
    private final ItemService items;

    public TopicService(TopicRepository topics, ItemService items) {
        this.topics = topics;
        this.items = items;
    }

    @WithTransaction
    public Uni<Topic> create(CurrentUser user, TopicRequest request) {
        Uni<String> parentPath = request.parentId() == null ? Uni.createFrom().item("/")
                : requireParent(user, request.parentId()).map(parent -> parent.path);
        String name = request.name().strip();
        return parentPath.call(path -> requireUniqueName(user, request.parentId(), name, null)).chain(path -> {
            Topic topic = new Topic();
            topic.id = UUID.randomUUID();
            topic.tenantId = user.tenantId();
            topic.parentId = request.parentId();
            topic.name = name;
            topic.blueprintCode = request.blueprintCode();
            topic.path = path + topic.id + "/";
            topic.createdAt = Instant.now();
            return topics.persist(topic);
        });
    }

    @WithSession
    public Uni<List<Topic>> list(CurrentUser user, UUID under) {
        if (under == null) {
            return topics.listInTenant(user.tenantId());
        }
        return require(user, under).chain(root -> topics.listUnder(user.tenantId(), root.path));
    }

    @WithSession
    public Uni<Topic> get(CurrentUser user, UUID topicId) {
        return require(user, topicId);
    }

    @WithTransaction
    public Uni<Topic> rename(CurrentUser user, UUID topicId, String newName, String blueprintCode) {
        String name = newName.strip();
        return require(user, topicId)
                .call(topic -> requireUniqueName(user, topic.parentId, name, topic.id))
                .call(topic -> {
                    topic.name = name;
                    topic.blueprintCode = blueprintCode;
                    // the topic's name and blueprint code travel in ItemPublished: its live items go out again
                    return items.republishLive(user.tenantId(), topic.path, false);
                });
    }

    @WithTransaction
    public Uni<Topic> move(CurrentUser user, UUID topicId, UUID newParentId) {
        return require(user, topicId).call(topic -> {
            Uni<String> parentPath = newParentId == null ? Uni.createFrom().item("/")
                    : requireParent(user, newParentId).map(parent -> {
                        if (parent.path.startsWith(topic.path)) {
                            throw ApiException.unprocessable("a topic cannot move under itself or its own subtree",
                                    List.of(new Violation("parentId", "inside the subtree of the topic being moved")));
                        }
                        return parent.path;
                    });
            return parentPath.call(path -> requireUniqueName(user, newParentId, topic.name, topic.id)).chain(path -> {
                String oldPath = topic.path;
                String newPath = path + topic.id + "/";
                topic.parentId = newParentId;
                topic.path = newPath;
                return Panache.getSession().chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery("""
                                UPDATE topic SET path = ?1 || substr(path, length(?2) + 1)
                                WHERE tenant_id = ?3 AND path LIKE ?2 || '%' AND id <> ?4""")
                                .setParameter(1, newPath).setParameter(2, oldPath).setParameter(3, user.tenantId())
                                .setParameter(4, topic.id).executeUpdate())
                        .chain(() -> session.createNativeQuery("""
                                UPDATE item SET topic_path = ?1 || substr(topic_path, length(?2) + 1)
                                WHERE tenant_id = ?3 AND topic_path LIKE ?2 || '%'""")
                                .setParameter(1, newPath).setParameter(2, oldPath).setParameter(3, user.tenantId())
                                .executeUpdate()))
                        .chain(() -> items.republishLive(user.tenantId(), newPath, true));
            });
        });
    }

    private Uni<Topic> require(CurrentUser user, UUID topicId) {
        return topics.findInTenant(user.tenantId(), topicId).onItem().ifNull().failWith(() -> ApiException.notFound("Topic", topicId));
    }

    private Uni<Topic> requireParent(CurrentUser user, UUID parentId) {
        return topics.findInTenant(user.tenantId(), parentId).onItem().ifNull().failWith(() -> ApiException.unprocessable(
                "the parent topic does not exist", List.of(new Violation("parentId", "no such topic"))));
    }

    /** Sibling topics have different names (case-insensitively). */
    private Uni<Void> requireUniqueName(CurrentUser user, UUID parentId, String name, UUID self) {
        return topics.siblingNamed(user.tenantId(), parentId, name, self).map(existing -> {
            if (existing != null) {
                throw ApiException.conflict("a topic named '" + name + "' already exists here");
            }
            return null;
        });
    }
}
