package io.tikun.routing.sla;

import java.util.Map;

import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds the real {@link SlaConfig} mapping from a few properties, for plain unit tests. */
final class SlaTestConfig {

    private SlaTestConfig() {
    }

    static SlaConfig defaults() {
        return with(Map.of());
    }

    static SlaConfig with(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(SlaConfig.class)
                .withDefaultValues(properties)
                .build()
                .getConfigMapping(SlaConfig.class);
    }
}
