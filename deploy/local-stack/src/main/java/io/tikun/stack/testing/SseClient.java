package io.tikun.stack.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain Server-Sent Events client over the JDK's HTTP client, for tests: it reads a running service's raw
 * {@code text/event-stream} on its own thread and collects the events (name, id, data) as they arrive.
 */
public final class SseClient implements AutoCloseable {

    /** One event as it arrived: its name ({@code message} when the stream gave none), id and data lines. */
    public record Event(String name, String id, String data) {
    }

    private static final String DEFAULT_NAME = "message";

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response, String name) {
        this.response = response;
        this.reader = new Thread(this::read, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects with {@code bearerToken}; returns once the response headers arrived. */
    public static SseClient open(String url, String bearerToken) {
        return open(URI.create(url), bearerToken);
    }

    /** Connects with {@code bearerToken}; returns once the response headers arrived. */
    public static SseClient open(URI url, String bearerToken) {
        return open(url, bearerToken, null);
    }

    /**
     * Reconnects as a browser's EventSource does: {@code lastEventId} (unless null) is sent as
     * {@code Last-Event-ID}, the id of the last event the client saw.
     */
    public static SseClient open(URI url, String bearerToken, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearerToken);
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
        try {
            return new SseClient(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()),
                    "sse " + url);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted opening " + url, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Every event received so far. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of that name received so far. */
    public List<Event> named(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = DEFAULT_NAME;
            String id = null;
            List<String> data = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, String.join("\n", data)));
                    }
                    name = DEFAULT_NAME;
                    id = null;
                    data = new ArrayList<>();
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring("data:".length()).stripLeading());
                }
            }
        } catch (IOException e) {
            // Closed by the test or the server: the events read so far stay available.
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}
