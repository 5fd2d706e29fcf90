package io.qbank.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What {@link RequestGuard} accepts; Vert.x's own limits in {@code quarkus.http.limits} must stay above these. */
@ConfigMapping(prefix = "qbank.http")
public interface HttpLimitsConfig {

    /** The longest request URI (path and query), in characters. */
    @WithDefault("8192")
    int maxUriLength();

    /** The most bytes of request headers (names, values and separators). */
    @WithDefault("32768")
    int maxHeaderSize();
}
