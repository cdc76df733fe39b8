package io.tikun.routing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application without its scheduled outbox, notification and retention passes, so a test drives those passes
 * itself (as several instances would) and no background pass takes its rows.
 */
public class ManualJobsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tikun.routing.outbox.every", "off",
                "tikun.routing.notifications.delivery.every", "off",
                "tikun.routing.retention.every", "off");
    }
}
