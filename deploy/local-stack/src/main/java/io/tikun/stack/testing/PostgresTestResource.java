package io.tikun.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tikun.stack.PostgresServer;

/** A real PostgreSQL server for {@code @QuarkusTest}s, on a free port with a fresh data directory. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "tikun";
    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = PostgresServer.start(0, Files.createTempDirectory("tikun-pg"), false).ensureDatabase(DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
