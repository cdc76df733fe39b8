package io.tikun.routing.hotspot;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The console on the API's bearer-token tenant (so a test reads the page with a manager's token; the browser login is
 * the console's system test's), and an operations lead who reads hotspot mail in Hebrew beside the English-speaking
 * service manager.
 */
public class HotspotTestProfile implements QuarkusTestProfile {

    static final String OPS_LEAD = "ops@tikun.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.browser.tenant-paths", "/workspace,/workspace/*",
                "tikun.routing.notifications.recipients.ops.email", OPS_LEAD,
                "tikun.routing.notifications.recipients.ops.language", "he",
                "tikun.routing.notifications.recipients.ops.kinds", "HOTSPOT_DETECTED");
    }
}
