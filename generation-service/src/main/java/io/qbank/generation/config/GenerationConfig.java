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

    /** Learners' personal study sets. */
    Personal personal();

    interface Personal {

        /** The largest personal material, in characters of text (a PDF's extracted text counts). */
        @WithDefault("300000")
        int maxMaterialChars();

        /** The largest PDF accepted, in bytes. */
        @WithDefault("12582912")
        int maxPdfBytes();

        /** Personal jobs a learner may start per hour. */
        @WithDefault("5")
        int jobsPerHour();

        /** Personal jobs a learner may start per UTC day. */
        @WithDefault("15")
        int jobsPerDay();

        /** Personal jobs all the tenant's learners together may start per hour. */
        @WithDefault("100")
        int jobsPerTenantPerHour();

        /** Personal jobs a tenant may have queued or running at once. */
        @WithDefault("10")
        int maxConcurrentJobsPerTenant();
    }
}
