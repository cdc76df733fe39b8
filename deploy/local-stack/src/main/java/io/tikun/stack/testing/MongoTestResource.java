package io.tikun.stack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tikun.stack.MongoProtocolServer;

/** An in-memory MongoDB-protocol server for {@code @QuarkusTest}s, on a free port. */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    private MongoProtocolServer server;

    @Override
    public Map<String, String> start() {
        server = MongoProtocolServer.inMemory(0);
        return Map.of("quarkus.mongodb.connection-string", server.connectionString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
