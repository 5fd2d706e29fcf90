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
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TopicService {

    private final TopicRepository topics;

    public TopicService(TopicRepository topics) {
        this.topics = topics;
    }

    @WithTransaction
    public Uni<Topic> create(CurrentUser user, TopicRequest request) {
        Uni<String> parentPath = request.parentId() == null
                ? Uni.createFrom().item("/")
                : topics.findInTenant(user.tenantId(), request.parentId()).map(parent -> {
                    if (parent == null) {
                        throw ApiException.unprocessable("the parent topic does not exist",
                                List.of(new Violation("parentId", "no such topic")));
                    }
                    return parent.path;
                });
        return parentPath.chain(path -> topics.count("tenantId = ?1 and lower(name) = ?2 and "
                + (request.parentId() == null ? "parentId is null" : "parentId = ?3"),
                request.parentId() == null
                        ? new Object[] { user.tenantId(), request.name().strip().toLowerCase() }
                        : new Object[] { user.tenantId(), request.name().strip().toLowerCase(), request.parentId() })
                .chain(existing -> {
                    if (existing > 0) {
                        throw ApiException.conflict("a topic named '" + request.name().strip() + "' already exists here");
                    }
                    Topic topic = new Topic();
                    topic.id = UUID.randomUUID();
                    topic.tenantId = user.tenantId();
                    topic.parentId = request.parentId();
                    topic.name = request.name().strip();
                    topic.blueprintCode = request.blueprintCode();
                    topic.path = path + topic.id + "/";
                    topic.createdAt = Instant.now();
                    return topics.persist(topic);
                }));
    }

    @WithSession
    public Uni<List<Topic>> list(CurrentUser user) {
        return topics.listInTenant(user.tenantId());
    }
}
