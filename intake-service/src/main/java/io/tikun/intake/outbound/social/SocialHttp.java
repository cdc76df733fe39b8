package io.tikun.intake.outbound.social;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.DeliveryOutcome;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts JSON to the networks without blocking and turns each answer into a {@link DeliveryOutcome}: 2xx sent, 429 and
 * 5xx (and what the provider calls transient) retry later honouring {@code Retry-After}, a timeout or refused
 * connection retry later, any other 4xx failed with the provider's explanation.
 */
@ApplicationScoped
public class SocialHttp {

    /** Enough of a provider's explanation to act on, without keeping whole error pages. */
    static final int MAX_REASON = 500;

    private final WebClient client;
    private final long requestTimeoutMillis;
    private final Clock clock;

    public SocialHttp(Vertx vertx, OutboundChannelsConfig config, Clock clock) {
        this.client = WebClient.create(vertx,
                new WebClientOptions().setConnectTimeout((int) config.outbound().connectTimeout().toMillis())
                        .setUserAgent("tikun-intake").setFollowRedirects(false));
        this.requestTimeoutMillis = config.outbound().requestTimeout().toMillis();
        this.clock = clock;
    }

    /**
     * @param provider the provider's name for reasons ("Meta", "X", "webhook trustpilot")
     * @param headers request headers besides Content-Type (authentication, signatures, idempotency)
     */
    Uni<DeliveryOutcome> postJson(String provider, String url, Map<String, String> headers, byte[] body,
            ProviderDialect dialect) {
        var request = client.postAbs(url).timeout(requestTimeoutMillis).putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        headers.forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(body)).map(response -> outcome(provider, response, dialect))
                .onFailure().recoverWithItem(failure -> unreachable(provider, failure));
    }

    private DeliveryOutcome outcome(String provider, HttpResponse<Buffer> response, ProviderDialect dialect) {
        int status = response.statusCode();
        JsonObject answer = json(response);
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Sent(answer == null ? null : dialect.acceptedId(answer));
        }
        String explanation = answer == null ? null : dialect.error(answer);
        if (explanation == null) {
            String raw = response.bodyAsString();
            explanation = raw == null || raw.isBlank() ? response.statusMessage() : raw.strip();
        }
        String reason = shorten(provider + " answered " + status + ": " + explanation);
        if (status == 429 || status >= 500 || (answer != null && dialect.isTransient(status, answer))) {
            Duration after = retryAfter(response.getHeader("Retry-After"));
            Instant reset = after == null ? dialect.limitResetsAt(response::getHeader) : null;
            if (reset != null) {
                after = reset.isAfter(clock.instant()) ? Duration.between(clock.instant(), reset) : Duration.ZERO;
            }
            return new DeliveryOutcome.RetryLater(after, reason);
        }
        return new DeliveryOutcome.Failed(reason);
    }

    private static DeliveryOutcome unreachable(String provider, Throwable failure) {
        // Timeouts, refused or reset connections, DNS trouble: the message never reached the provider, or its answer
        // never came back; either way another attempt may succeed (providers dedupe where they can).
        String what = failure instanceof TimeoutException || failure instanceof ConnectTimeoutException
                ? "timed out"
                : failure instanceof ConnectException ? "refused the connection" : "could not be reached";
        Log.debugf(failure, "%s %s", provider, what);
        return new DeliveryOutcome.RetryLater(null, shorten(provider + " " + what + ": " + failure.getMessage()));
    }

    /** {@code Retry-After} as seconds or an HTTP-date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 9) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return new JsonObject(body.getDelegate());
        } catch (DecodeException | ClassCastException notAnObject) {
            return null;
        }
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
