package io.qbank.common.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qbank.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent events when the last batch was not full. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Events sent per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long sent events stay in the table (for audit and replay) before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * Put before every topic the relay publishes to. Empty in every real deployment; benchmarks set {@code bench.} so that
     * their hundreds of thousands of events never reach the contract's topics and the consumer groups reading them.
     */
    @WithDefault("")
    Optional<String> topicPrefix();

    /** Off in tests that drive {@link OutboxRelay#relayOnce()} themselves. */
    @WithDefault("true")
    boolean relayEnabled();
}
