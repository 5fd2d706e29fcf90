package io.qbank.common.security;

import java.time.Duration;

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

    /** How far a token's iat may lie in the future (the issuer's clock ahead of ours); also smallrye-jwt's skew for exp. */
    @WithDefault("60")
    int clockSkewSeconds();

    /** The longest lifetime (exp − iat) a token may have. */
    @WithDefault("24h")
    Duration maximumTokenLifetime();
}
