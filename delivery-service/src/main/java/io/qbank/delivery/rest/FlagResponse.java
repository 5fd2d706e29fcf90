package io.qbank.delivery.rest;

import java.time.Instant;
import java.util.UUID;

import io.qbank.delivery.repository.LearnerRepository;

public record FlagResponse(UUID id, UUID quizId, int position, UUID itemId, int version, String reason, String comment, Instant flaggedAt) {

    static FlagResponse of(UUID quizId, int position, LearnerRepository.Flag f) {
        return new FlagResponse(f.id(), quizId, position, f.itemId(), f.version(), f.reason(), f.comment(), f.flaggedAt());
    }
}
