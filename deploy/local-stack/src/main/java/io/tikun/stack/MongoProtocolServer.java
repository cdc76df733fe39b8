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
 */
public final class MongoProtocolServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoProtocolServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static MongoProtocolServer inMemory(int port) {
        return bind(new MemoryBackend(), port);
    }

    public static MongoProtocolServer onDisk(int port, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bind(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    private static MongoProtocolServer bind(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", FreePorts.orNext(port));
        server.bind(address);
        return new MongoProtocolServer(server, address);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
