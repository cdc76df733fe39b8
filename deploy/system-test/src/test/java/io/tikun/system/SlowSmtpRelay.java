package io.tikun.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of the mail sandbox's SMTP port that delays each of the server's answers by {@code latency},
 * as a mail server across the internet takes its time, and that can stall them all for a moment
 * ({@link #holdAnswers()}): every client then waits in the middle of a send, where a fault test wants to kill one.
 */
final class SlowSmtpRelay implements AutoCloseable {

    private static final int BUFFER = 8192;

    private final ServerSocket listener;
    private final Duration latency;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "slow-smtp-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int upstreamPort;
    private final Object gate = new Object();
    private boolean holding;
    private int held;

    private SlowSmtpRelay(ServerSocket listener, Duration latency) {
        this.listener = listener;
        this.latency = latency;
    }

    /** Listens on a free loopback port; connections are closed at once until {@link #forwardTo(int)}. */
    static SlowSmtpRelay start(Duration latency) {
        try {
            SlowSmtpRelay relay = new SlowSmtpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), latency);
            relay.threads.execute(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the SMTP relay", e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on each connection is relayed to the SMTP server on {@code port} of this host. */
    void forwardTo(int port) {
        upstreamPort = port;
    }

    /** From now on the server's answers are kept from the clients, each of which waits in its session. */
    void holdAnswers() {
        synchronized (gate) {
            holding = true;
        }
    }

    /** Passes the answers held, and every later one, on again. */
    void releaseAnswers() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    /** How many sessions wait for an answer being held: clients stalled in the middle of a send. */
    int heldAnswers() {
        synchronized (gate) {
            return held;
        }
    }

    private void passGate() throws InterruptedException {
        synchronized (gate) {
            if (!holding) {
                return;
            }
            held++;
            try {
                while (holding) {
                    gate.wait();
                }
            } finally {
                held--;
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (upstreamPort == 0) {
                    close(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(server);
                threads.execute(() -> pump(client, server, Duration.ZERO));
                threads.execute(() -> pump(server, client, latency));
            } catch (IOException e) {
                // The listener was closed, or the sandbox refused: the client sees its connection end and retries.
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} until either ends, then closes both (a killed client ends its session); the
     * server's answers ({@code delay} > 0) also pass the gate.
     */
    private void pump(Socket from, Socket to, Duration delay) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!delay.isZero()) {
                    // The simulated distance itself, not a wait for something to happen.
                    Thread.sleep(delay.toMillis());
                    passGate();
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: the session is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Already closed.
        }
        releaseAnswers();
        open.forEach(this::close);
        threads.shutdownNow();
    }
}
