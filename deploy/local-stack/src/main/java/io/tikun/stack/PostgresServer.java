package io.tikun.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A PostgreSQL server from the binaries zonky ships in Maven jars. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final int port;
    private final Path dataDir;
    private final boolean keepData;
    private EmbeddedPostgres postgres;

    private PostgresServer(int port, Path dataDir, boolean keepData, EmbeddedPostgres postgres) {
        this.port = port;
        this.dataDir = dataDir;
        this.keepData = keepData;
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one). With {@code keepData} the data
     * directory survives restarts; otherwise it is wiped at start.
     */
    public static PostgresServer start(int port, Path dataDir, boolean keepData) {
        int chosen = FreePorts.orNext(port);
        return new PostgresServer(chosen, dataDir, keepData, launch(chosen, dataDir, keepData));
    }

    private static EmbeddedPostgres launch(int port, Path dataDir, boolean keepData) {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Stops the server (a fast shutdown: open transactions rolled back, every connection closed) so that a
     * fault-injection test can {@link #restart()} it; only a server that keeps its data may be stopped.
     */
    public void stop() {
        if (!keepData) {
            throw new IllegalStateException("a PostgreSQL server started without keeping its data would lose it on stop");
        }
        if (postgres != null) {
            close();
            postgres = null;
        }
    }

    /** Starts a stopped server again on the same port and data directory. */
    public void restart() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is still running");
        }
        postgres = launch(port, dataDir, true);
    }

    public boolean isRunning() {
        return postgres != null;
    }

    /** Creates {@code database} unless it exists. */
    public PostgresServer ensureDatabase(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    statement.execute("create database \"" + database + "\"");
                }
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    public int port() {
        return port;
    }

    /** The URL form the Quarkus reactive PostgreSQL client expects. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }
}
