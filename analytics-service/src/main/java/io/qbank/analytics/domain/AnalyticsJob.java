package io.qbank.analytics.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A calibration or exposure-control run: {@code state} running → succeeded | failed; progress and result as JSON objects. */
public record AnalyticsJob(UUID jobId, String kind, String state, String requestedBy, Map<String, Object> parameters,
        @Schema(nullable = true) Map<String, Object> progress, @Schema(nullable = true) Map<String, Object> result, @Schema(nullable = true) String error, Instant createdAt, @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt) {

    public static final String CALIBRATION = "calibration";
    public static final String EXPOSURE_CONTROL = "exposure-control";
}
