package io.qbank.analytics.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A calibration or exposure-control run: {@code state} running → succeeded | failed; progress and result as JSON objects. */
public record AnalyticsJob(UUID jobId, String kind, String state, String requestedBy, Map<String, Object> parameters,
        Map<String, Object> progress, Map<String, Object> result, String error, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    public static final String CALIBRATION = "calibration";
    public static final String EXPOSURE_CONTROL = "exposure-control";
}
