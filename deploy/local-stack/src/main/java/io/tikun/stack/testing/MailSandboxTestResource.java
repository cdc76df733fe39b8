package io.tikun.stack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tikun.stack.MailSandbox;

/** A real SMTP/IMAP sandbox for {@code @QuarkusTest}s; tests read it through {@link InjectMailSandbox}. */
public class MailSandboxTestResource implements QuarkusTestResourceLifecycleManager {

    private MailSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = MailSandbox.start(0, 0);
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(sandbox.smtpPort()),
                "quarkus.mailer.mock", "false",
                // For services that read a mailbox (intake's IMAP poller).
                "mail-sandbox.imap.port", Integer.toString(sandbox.imapPort()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectMailSandbox.class, MailSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
