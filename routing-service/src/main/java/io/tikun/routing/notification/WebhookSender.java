package io.tikun.routing.notification;

import java.net.URI;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.RoutingConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * POSTs a webhook notification, signed ({@link WebhookSignature}); anything but a 2xx answer within the
 * timeout fails the attempt, which the dispatcher retries with backoff. Runs on the event loop, non-blocking.
 */
@ApplicationScoped
public class WebhookSender {

    private static final int SUCCESS_CLASS = 2;
    private static final int STATUS_CLASS_DIVISOR = 100;

    private final HttpClient http;
    private final RoutingConfig.Webhook config;
    private final Clock clock;

    public WebhookSender(Vertx vertx, RoutingConfig config, Clock clock) {
        this.config = config.notifications().webhook();
        this.clock = clock;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis()));
        if (this.config.url().isPresent() && this.config.secret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("tikun.routing.notifications.webhook.secret is required with a webhook url");
        }
    }

    public Uni<Void> send(Notification n) {
        URI url = URI.create(n.recipient);
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(config.secret().orElseThrow(), timestamp, n.body))
                .putHeader(WebhookSignature.ID_HEADER, n.id.toString());
        return http.request(request)
                .chain(req -> req.send(Buffer.buffer(n.body)))
                .chain(response -> response.body().map(body -> {
                    if (response.statusCode() / STATUS_CLASS_DIVISOR != SUCCESS_CLASS) {
                        throw new IllegalStateException("webhook answered " + response.statusCode());
                    }
                    return body;
                }))
                .ifNoItem().after(config.timeout()).failWith(() -> new IllegalStateException(
                        "webhook did not answer within " + config.timeout()))
                .replaceWithVoid();
    }
}
