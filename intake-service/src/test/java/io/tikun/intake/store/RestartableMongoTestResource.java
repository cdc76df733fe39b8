package io.tikun.intake.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tikun.stack.MongoProtocolServer;

/** A MongoDB-protocol server of one test's own, on an H2 file, that the test can stop and start again. */
public class RestartableMongoTestResource implements QuarkusTestResourceLifecycleManager {

    private MongoProtocolServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = MongoProtocolServer.onDisk(0, Files.createTempDirectory("tikun-mongo-outage").resolve("intake.mv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.mongodb.connection-string", server.connectionString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(MongoProtocolServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
