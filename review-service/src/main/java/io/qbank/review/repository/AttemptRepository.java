package io.qbank.review.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.qbank.review.domain.ReviewAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<ReviewAttempt, ReviewAttempt.Key> {
}
