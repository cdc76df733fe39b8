package io.tikun.intake.outbound.social;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One local HTTP server standing in for the Graph API, the X API and a generic network's bridge during a
 * {@code @QuarkusTest}: the application's URLs point at it, the test gets it injected as {@link Provider}.
 */
public class RecordingProviderResource implements QuarkusTestResourceLifecycleManager {

    /** What the providers received, and the answers they give next. */
    public static final class Provider {
        public record Request(String method, String path, Headers headers, String body) {
        }

        private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
        private final Queue<int[]> statuses = new ConcurrentLinkedQueue<>();
        private final AtomicInteger ids = new AtomicInteger();

        /** The next requests are answered with these statuses (an empty JSON body unless 2xx), later ones with 200. */
        public void thenAnswer(int... next) {
            for (int status : next) {
                statuses.add(new int[] { status });
            }
        }

        public List<Request> requests() {
            return List.copyOf(requests);
        }

        public void forget() {
            requests.clear();
            statuses.clear();
        }

        void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body));
            int[] scripted = statuses.poll();
            int status = scripted == null ? 200 : scripted[0];
            String answer = status / 100 == 2
                    ? "{\"id\":\"p" + ids.incrementAndGet() + "\",\"message_id\":\"m" + ids.get() + "\"}"
                    : "{}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private HttpServer server;
    private final Provider provider = new Provider();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the provider stand-in", e);
        }
        server.createContext("/", provider::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("tikun.channels.meta.graph-url", url, "tikun.channels.x.api-url", url,
                "tikun.channels.webhook.outbound-urls.trustpilot", url + "/trustpilot/outbound");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(provider, new TestInjector.MatchesType(Provider.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
