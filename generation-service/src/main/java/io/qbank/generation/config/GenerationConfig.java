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
}
