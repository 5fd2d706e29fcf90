package io.qbank.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qbank.security")
public interface SecurityConfig {

    /**
     * How many verified bearer tokens a replica remembers (until each one's exp); 0 verifies every request's token anew.
     * An entry is a few kilobytes.
     */
    @WithDefault("4096")
    int verifiedTokenCacheSize();
}
