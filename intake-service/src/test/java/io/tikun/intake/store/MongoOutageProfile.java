package io.tikun.intake.store;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;

/** Its own application with a MongoDB-protocol server the test may stop: the shared one must never go down. */
public class MongoOutageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RestartableMongoTestResource.class),
                new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(MailSandboxTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
