package io.qbank.delivery.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qbank.delivery")
public interface DeliveryConfig {

    /** How many times an item version may be served per UTC day, across the tenant's quizzes. */
    @WithDefault("500")
    int dailyExposureCap();

    /**
     * The most serves of one item version a replica reserves from the Redis counter at once, and then serves without
     * asking Redis; a lease is also at most 2% of the daily cap (caps under 100 count every serve in Redis).
     */
    @WithDefault("8")
    int exposureLease();

    /**
     * While Redis is down, the share of the daily cap that one replica may serve of an item version on its own count; the
     * serves are added to the Redis counter when it answers again.
     */
    @WithDefault("0.25")
    double exposureOutageShare();

    /** How many of the best-ranked candidates (a random sample in linear mode) the Sympson–Hetter lottery may go through. */
    @WithDefault("64")
    int exposureLookahead();

    /** How often a replica checks whether an exam's pool changed (publication, retirement, calibration); 0 checks on every request. */
    @WithDefault("1s")
    Duration poolRefresh();

    /** A pool snapshot unused this long is dropped from memory. */
    @WithDefault("30m")
    Duration poolIdleEviction();

    /** How often overdue timed quizzes are expired (and their QuizCompleted sent) when nobody asks for them. */
    @WithDefault("15s")
    Duration expirySweep();

    /** The most serves (or answers) of different quizzes that are written as one statement and one commit. */
    @WithDefault("32")
    int writeBatchSize();

    /**
     * How many such statements of one kind may run at once; the writes that arrive meanwhile wait and form the next batch.
     * One gave the largest batches and the most selections per second on two cores (deploy/bench/delivery.sh).
     */
    @WithDefault("1")
    int writeBatchesInFlight();
}
