package io.tikun.routing;

import java.util.HashMap;
import java.util.Map;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds the real {@link RoutingConfig} mapping from a few properties, for plain unit tests. */
public final class RoutingTestConfig {

    private RoutingTestConfig() {
    }

    public static RoutingConfig with(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "tikun.routing.notifications.service-manager-email", "manager@tikun.test"));
        properties.putAll(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RoutingConfig.class)
                .withDefaultValues(properties)
                .build();
        return config.getConfigMapping(RoutingConfig.class);
    }
}
