package io.qbank.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code qbank.analytics.*}; every key can be set by environment variable (QBANK_ANALYTICS_…). */
@ConfigMapping(prefix = "qbank.analytics")
public interface AnalyticsConfig {

    /** Students with fewer answers are left out of percentile ranks. */
    @WithDefault("20")
    int percentileMinimumAttempts();

    /** Answers to calibrated items from which a student's readiness band is meaningful. */
    @WithDefault("30")
    int readinessMinimumAnswers();

    /** The exam's pace students' time per item is shown against, where the tenant set none for the exam code. */
    @WithDefault("90")
    int defaultSecondsPerItem();

    /** Answers an item version needs before its discrimination, difficulty and distractors call for attention. */
    @WithDefault("10")
    int attentionMinimumAttempts();

    Calibration calibration();

    ExposureControl exposureControl();

    interface Calibration {
        /** 2PL or 3PL. */
        @WithDefault("2PL")
        String model();

        /** Item versions with fewer responses keep their defaults (they are not calibrated or published). */
        @WithDefault("200")
        int minimumResponses();

        @WithDefault("49")
        int quadraturePoints();

        @WithDefault("500")
        int maxCycles();

        @WithDefault("0.0001")
        double tolerance();

        /** When the scheduled calibration of every tenant with responses runs (Quartz-style cron; "off" disables it). */
        @WithDefault("0 30 2 * * ?")
        String cron();
    }

    interface ExposureControl {
        /** The highest share of quizzes an item may appear in. */
        @WithDefault("0.25")
        double targetRate();

        /** Simulated examinees per iteration, θ ~ N(0, 1). */
        @WithDefault("1000")
        int examinees();

        /** Items per simulated quiz: the typical adaptive quiz length of the exam. */
        @WithDefault("30")
        int quizLength();

        /** How many of the most informative items the lottery may go through: delivery's exposure-lookahead. */
        @WithDefault("64")
        int shortlist();

        @WithDefault("15")
        int iterations();

        @WithDefault("0.02")
        double tolerance();
    }
}
