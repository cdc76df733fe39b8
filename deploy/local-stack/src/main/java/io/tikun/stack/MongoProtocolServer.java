package io.tikun.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A server speaking the MongoDB wire protocol (mongo-java-server), in memory for tests or on an
 * H2 file for the local run. It has no sessions or transactions: Tikun writes single documents.
 * Fault-injection tests {@link #stop()} it (every connection dropped) and {@link #restart()} it on the
 * same port and file.
 */
public final class MongoProtocolServer implements AutoCloseable {

    /** The H2 file of an on-disk server; null for one in memory, whose data a stop loses. */
    private final Path file;
    private final InetSocketAddress address;
    private MongoServer server;

    private MongoProtocolServer(Path file, InetSocketAddress address, MongoServer server) {
        this.file = file;
        this.address = address;
        this.server = server;
    }

    public static MongoProtocolServer inMemory(int port) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", FreePorts.orNext(port));
        return new MongoProtocolServer(null, address, bind(new MemoryBackend(), address));
    }

    public static MongoProtocolServer onDisk(int port, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", FreePorts.orNext(port));
        return new MongoProtocolServer(file.toAbsolutePath(), address, bind(onDiskBackend(file.toAbsolutePath()), address));
    }

    private static MongoBackend onDiskBackend(Path file) {
        return new H2Backend(file.toString());
    }

    private static MongoServer bind(MongoBackend backend, InetSocketAddress address) {
        MongoServer server = new MongoServer(backend);
        server.bind(address);
        return server;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /**
     * Stops the server as an outage would: the port closes and every open connection is dropped. An on-disk
     * server writes its data to its file first, so {@link #restart()} finds it again.
     */
    public void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Starts a stopped on-disk server again on the same port and file, with the data it had. */
    public void restart() {
        if (server != null) {
            throw new IllegalStateException("the MongoDB-protocol server is still running");
        }
        if (file == null) {
            throw new IllegalStateException("an in-memory MongoDB-protocol server has lost its data: start it on disk");
        }
        server = bind(onDiskBackend(file), address);
    }

    public boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }
}
