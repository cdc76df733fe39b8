package io.tikun.followup.outbox;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service's mailer at a {@link MailServerOutage}, down at the start, for tests of what happens when the
 * mail server refuses; tests take it up and down through {@link InjectMailServerOutage}.
 */
public class MailServerOutageTestResource implements QuarkusTestResourceLifecycleManager {

    private MailServerOutage server;

    @Override
    public Map<String, String> start() {
        server = MailServerOutage.down();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.smtpPort()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectMailServerOutage.class, MailServerOutage.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
