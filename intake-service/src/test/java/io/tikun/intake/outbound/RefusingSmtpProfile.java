package io.tikun.intake.outbound;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** Its own application whose mail server refuses every recipient (the other tests' sandbox accepts all). */
public class RefusingSmtpProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(MongoTestResource.class),
                new TestResourceEntry(OidcWiremockTestResource.class), new TestResourceEntry(RefusingSmtpServer.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // No mailbox to import from here.
        return Map.of("tikun.intake.imap.enabled", "false");
    }
}
