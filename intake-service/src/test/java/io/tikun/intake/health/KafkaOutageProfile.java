package io.tikun.intake.health;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** Its own application with a broker the test may stop: the other tests' shared broker must never go down. */
public class KafkaOutageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RestartableKafkaTestResource.class),
                new TestResourceEntry(MongoTestResource.class), new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(MailSandboxTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
