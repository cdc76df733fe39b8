package io.tikun.routing.console;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The console and the workspace on the API's bearer-token tenant instead of the browser login, so a test signs in as any
 * user with any roles (the browser login itself is proven by the console's system test).
 */
public class BearerConsoleProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.browser.tenant-paths", "/browser-login-not-used-in-this-test");
    }
}
