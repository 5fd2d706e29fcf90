package io.qbank.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qbank.review")
public interface ReviewConfig {

    /**
     * The longest interval either scheduler gives, in days (Anki's default): without it SM-2's interval grows
     * geometrically past any date a database can store after a few dozen perfect answers.
     */
    @WithDefault("36500")
    int maximumIntervalDays();
}
