package io.tikun.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.stack.LocalStack;
import io.tikun.stack.MailSandbox;

/**
 * When each manager alert arrived, by complaint reference, seen from outside as the manager would: the e-mail in the
 * mail sandbox (watched every {@code POLL}) and the event on routing's live stream (an SSE connection held open).
 */
final class UrgentArrivals implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Pattern REFERENCE = Pattern.compile("[A-Z]+-\\d{6,}");

    private final Map<String, Instant> mails = new ConcurrentHashMap<>();
    private final Map<String, Instant> streamed = new ConcurrentHashMap<>();
    private final Thread mailWatcher;
    private final Thread streamReader;
    private volatile boolean open = true;

    UrgentArrivals(MailSandbox mail, HttpClient client, String routing, String managerToken) {
        mailWatcher = daemon("manager-mail-watcher", () -> watchMail(mail));
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(routing + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + managerToken).header("Accept", "text/event-stream").GET().build();
        streamReader = daemon("manager-stream-reader", () -> readStream(client, subscribe));
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void watchMail(MailSandbox mail) {
        int seen = 0;
        while (open) {
            try {
                var fresh = mail.messagesTo(LocalStack.SERVICE_MANAGER_EMAIL, seen);
                Instant now = Instant.now();
                seen += fresh.size();
                // Subjects name the complaint's reference (TK-nnnnnn).
                fresh.forEach(m -> referenceIn(m.subject()).ifPresent(reference -> mails.putIfAbsent(reference, now)));
            } catch (RuntimeException e) {
                System.err.println("reading the manager's mailbox failed, trying again: " + e.getMessage());
            }
            sleep(POLL);
        }
    }

    private void readStream(HttpClient client, HttpRequest subscribe) {
        try {
            HttpResponse<Stream<String>> response = client.send(subscribe, HttpResponse.BodyHandlers.ofLines());
            response.body().takeWhile(line -> open).filter(line -> line.startsWith("data:")).forEach(line -> {
                Instant now = Instant.now();
                try {
                    JsonNode event = JSON.readTree(line.substring("data:".length()));
                    if (event.hasNonNull("reference")) {
                        streamed.putIfAbsent(event.get("reference").asText(), now);
                    }
                } catch (Exception e) {
                    // "ready" and keep-alive events carry no JSON notification
                }
            });
        } catch (Exception e) {
            if (open) {
                System.err.println("live stream ended: " + e.getMessage());
            }
        }
    }

    static Optional<String> referenceIn(String subject) {
        var matcher = REFERENCE.matcher(subject == null ? "" : subject);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    Optional<Instant> mailed(String reference) {
        return Optional.ofNullable(mails.get(reference));
    }

    Optional<Instant> streamed(String reference) {
        return Optional.ofNullable(streamed.get(reference));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        mailWatcher.interrupt();
        streamReader.interrupt();
    }
}
