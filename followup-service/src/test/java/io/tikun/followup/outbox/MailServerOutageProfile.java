package io.tikun.followup.outbox;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The service with a mail server tests can take down ({@link MailServerOutageTestResource}) instead of the always
 * accepting sandbox the other tests share, so its own servers replace the global ones. The relay's tick is off, so
 * that only the test's own passes retry, and an e-mail is given up after three attempts.
 */
public class MailServerOutageProfile implements QuarkusTestProfile {

    static final int MAX_ATTEMPTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tikun.followup.mail.every", "off",
                "tikun.followup.mail.max-attempts", Integer.toString(MAX_ATTEMPTS));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestResource.class),
                new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(MailServerOutageTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
