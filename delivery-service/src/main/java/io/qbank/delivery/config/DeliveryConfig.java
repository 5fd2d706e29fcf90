package io.qbank.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qbank.delivery")
public interface DeliveryConfig {

    /** How many times an item version may be served per UTC day, across the tenant's quizzes. */
    @WithDefault("500")
    int dailyExposureCap();

    /** How many of the best-ranked candidates are checked against the exposure counters at once. */
    @WithDefault("64")
    int exposureLookahead();
}
