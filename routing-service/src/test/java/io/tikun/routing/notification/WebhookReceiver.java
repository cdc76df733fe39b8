package io.tikun.routing.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver of routing's webhook (the JDK's server on a free loopback port): it checks the
 * signature itself, the way a receiver following the README would, records every request, and can be told
 * to answer 500 a number of times for notifications mentioning a given text.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final String SECRET = "test-webhook-secret";
    private static final int OK = 200;
    private static final int BROKEN = 500;
    private static final int FORBIDDEN = 403;

    /** One request as received. */
    public record Received(String body, String timestamp, String signature, String notificationId, boolean signatureValid,
            int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stallsLeft = new ConcurrentHashMap<>();
    private volatile Duration stall = Duration.ZERO;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks/tikun", receiver::handle);
            // A stalled answer must not hold up the next request.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/tikun";
    }

    /** The next {@code times} requests whose body contains {@code marker} are answered 500. */
    public void failNext(String marker, int times) {
        failuresLeft.put(marker, new AtomicInteger(times));
    }

    /** The next {@code times} requests mentioning {@code marker} are answered only after {@code delay}. */
    public void stallNext(String marker, int times, Duration delay) {
        stall = delay;
        stallsLeft.put(marker, new AtomicInteger(times));
    }

    public List<Received> containing(String marker) {
        return received.stream().filter(r -> r.body().contains(marker)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String timestamp = exchange.getRequestHeaders().getFirst("X-Tikun-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Tikun-Signature");
        boolean valid = timestamp != null && signature != null && signature.equals("v1=" + hmac(timestamp + "." + body));
        int status = !valid ? FORBIDDEN : matches(failuresLeft, body) ? BROKEN : OK;
        if (matches(stallsLeft, body)) {
            pause();
        }
        received.add(new Received(body, timestamp, signature, exchange.getRequestHeaders().getFirst("X-Tikun-Notification-Id"),
                valid, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void pause() {
        try {
            Thread.sleep(stall.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean matches(Map<String, AtomicInteger> left, String body) {
        return left.entrySet().stream()
                .anyMatch(e -> body.contains(e.getKey()) && e.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0);
    }

    private static String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
