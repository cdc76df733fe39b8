package io.tikun.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP port that is out of service: every connection is greeted with "421 Service not available" and
 * closed, which tells a client to try again later (RFC 5321 4.2.3). Holds the sandbox's port while it refuses.
 */
final class SmtpRefusal implements AutoCloseable {

    private static final byte[] GREETING = "421 4.3.2 tikun sandbox: service not available, try again later\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final AtomicInteger refused = new AtomicInteger();

    private SmtpRefusal(ServerSocket socket) {
        this.socket = socket;
        Thread acceptor = new Thread(this::refuseAll, "smtp-refusal-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SmtpRefusal listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return new SmtpRefusal(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold SMTP port " + port + " to refuse mail", e);
        }
    }

    private void refuseAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                out.write(GREETING);
                out.flush();
                refused.incrementAndGet();
            } catch (SocketException closed) {
                // close() was called, or the client went away before the greeting: either way, next.
            } catch (IOException e) {
                // A single connection failed; keep refusing the others.
            }
        }
    }

    /** Connections refused so far. */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
