package io.qbank.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qbank.generation")
public interface GenerationConfig {

    /** The largest source material accepted, in characters. */
    @WithDefault("1000000")
    int maxMaterialChars();

    @WithDefault("1200")
    int chunkSize();

    @WithDefault("200")
    int chunkOverlap();

    /** Chunks of source material put into a generation prompt. */
    @WithDefault("6")
    int contextChunks();

    /** Cosine similarity from which a generated item is a duplicate of a published item, an earlier draft or a batch-mate. */
    @WithDefault("0.92")
    double duplicateThreshold();

    /** Generation jobs a tenant may have queued or running at once. */
    @WithDefault("3")
    int maxConcurrentJobsPerTenant();

    /** Jobs a user may start per hour. */
    @WithDefault("20")
    int jobsPerUserPerHour();

    /** Jobs a tenant may start per hour. */
    @WithDefault("200")
    int jobsPerTenantPerHour();
}
