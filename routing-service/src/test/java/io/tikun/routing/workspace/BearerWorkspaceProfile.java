package io.tikun.routing.workspace;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The workspace on the API's bearer-token tenant instead of the browser login, so a test signs in as any user with any
 * roles (the login itself is the browser tenant's, proven by the console's system test).
 */
public class BearerWorkspaceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.browser.tenant-paths", "/console,/console/*",
                // tal and noa work in one team, sara with tal in another; dor and gil in none.
                "tikun.routing.workspace.teams.frontline", "tal,noa",
                "tikun.routing.workspace.teams.billing", "tal,sara",
                // counted up to 3, so a test shows the inbox and the API past their count with a handful of cases
                "tikun.routing.cases.count-up-to", "3");
    }
}
