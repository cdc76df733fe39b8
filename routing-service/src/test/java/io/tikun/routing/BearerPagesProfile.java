package io.tikun.routing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The pages' tests in one application: the console and the workspace on the API's bearer-token tenant instead of the
 * browser login, so a test signs in as any user with any roles (the browser login itself is proven by the console's
 * system test); two teams; lists counted up to 3; and an operations lead who reads hotspot mail in Hebrew beside the
 * English-speaking service manager. One profile rather than one per page saves an application start and its build
 * (about 30 s each); each test works with its own cases, customers and products and looks only at those.
 */
public class BearerPagesProfile implements QuarkusTestProfile {

    /** The operations lead's address: hotspot mail only, in Hebrew. */
    public static final String OPS_LEAD = "ops@tikun.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.browser.tenant-paths", "/browser-login-not-used-in-this-test",
                // tal and noa work in one team, sara with tal in another; dor and gil in none.
                "tikun.routing.workspace.teams.frontline", "tal,noa",
                "tikun.routing.workspace.teams.billing", "tal,sara",
                // counted up to 3, so a test shows the inbox and the API past their count with a handful of cases
                "tikun.routing.cases.count-up-to", "3",
                "tikun.routing.notifications.recipients.ops.email", OPS_LEAD,
                "tikun.routing.notifications.recipients.ops.language", "he",
                "tikun.routing.notifications.recipients.ops.kinds", "HOTSPOT_DETECTED");
    }
}
