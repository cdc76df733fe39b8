package io.tikun.intake.probe;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.social.ChannelsConfig;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The mystery shopper: on a schedule, one synthetic complaint per configured channel, sent to this service's own
 * public endpoints exactly as a customer's browser or a network would send it, and registered first as a probe run
 * so intake marks it {@code probe} (see {@link ProbeMarker}).
 */
@ApplicationScoped
public class ProbeRunner {

    static final String CSRF_COOKIE = "tikun_form_csrf";
    private static final long TIMEOUT_MILLIS = 30_000;

    private final ProbesConfig config;
    private final ChannelsConfig channels;
    private final ProbeRunRepository runs;
    private final ProbeComposer composer;
    private final WebClient client;
    private final Clock clock;

    public ProbeRunner(ProbesConfig config, ChannelsConfig channels, ProbeRunRepository runs, ObjectMapper mapper,
            Vertx vertx, Clock clock) {
        this.config = config;
        this.channels = channels;
        this.runs = runs;
        this.composer = new ProbeComposer(config, mapper);
        this.client = WebClient.create(vertx,
                new WebClientOptions().setFollowRedirects(false).setUserAgent("tikun-probe"));
        this.clock = clock;
    }

    /** Refuses to start with probes on and a channel that cannot be probed honestly. */
    void check(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        List<String> problems = problems(config, channels);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("tikun.intake.probes: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ProbesConfig config, ChannelsConfig channels) {
        List<String> problems = new java.util.ArrayList<>();
        if (config.channels().contains(ProbeChannel.EMAIL)) {
            problems.add("channel email cannot be probed: real mail enters through the IMAP import of the support"
                    + " mailbox or the relay's authenticated POST /api/v1/channels/email, and this service holds"
                    + " neither mailbox nor channel credentials to send through them; remove email from"
                    + " tikun.intake.probes.channels");
        }
        if (config.channels().contains(ProbeChannel.WEBHOOK)) {
            String network = config.webhook().network().orElse(null);
            if (network == null) {
                problems.add("channel webhook needs tikun.intake.probes.webhook.network");
            } else if (channels.webhook().secrets().get(network) == null
                    || channels.webhook().secrets().get(network).isBlank()) {
                problems.add("channel webhook: no tikun.channels.webhook.secrets." + network
                        + " to sign the probe with");
            }
        }
        return problems;
    }

    @Scheduled(identity = "tikun-probes", every = "${tikun.intake.probes.every:1h}", delayed = "${tikun.intake.probes.every:1h}", skipExecutionIf = ProbeRunner.Disabled.class, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce().invoke(results -> results.stream().filter(r -> !r.accepted())
                .forEach(r -> Log.warnf("Probe through %s was not accepted (%d): %s", r.channel(), r.status(),
                        r.detail())))
                .replaceWithVoid();
    }

    /** One run: a probe through each configured channel, one after the other. */
    public Uni<List<ProbeResult>> runOnce() {
        return Multi.createFrom().iterable(config.channels())
                .onItem().transformToUniAndConcatenate(this::probe)
                .collect().asList();
    }

    Uni<ProbeResult> probe(ProbeChannel channel) {
        return switch (channel) {
            case WEB -> web();
            case WEBHOOK -> webhook();
            case EMAIL -> Uni.createFrom().item(new ProbeResult(channel, null, now(), 0, false,
                    "e-mail is not probed (see tikun.intake.probes.channels)"));
        };
    }

    private Uni<ProbeResult> web() {
        String lang = config.language();
        return client.getAbs(baseUrl() + "/complain?lang=" + lang).timeout(TIMEOUT_MILLIS).send()
                .chain(page -> {
                    ProbeComposer.RenderedForm form = page.statusCode() == 200 ? ProbeComposer.readForm(page.bodyAsString())
                            : null;
                    String cookie = csrfCookie(page);
                    if (form == null || cookie == null) {
                        return Uni.createFrom().item(new ProbeResult(ProbeChannel.WEB, null, now(), page.statusCode(),
                                false, "the form page gave no form or no CSRF cookie"));
                    }
                    Instant sentAt = now();
                    MultiMap fields = MultiMap.caseInsensitiveMultiMap();
                    composer.formFields(form).forEach(fields::add);
                    return runs.register(form.dedupKey(), ProbeChannel.WEB, sentAt)
                            .chain(() -> client.postAbs(baseUrl() + "/complain?lang=" + lang)
                                    .timeout(TIMEOUT_MILLIS).putHeader("Cookie", cookie).sendForm(fields))
                            .map(answer -> new ProbeResult(ProbeChannel.WEB, form.dedupKey(), sentAt,
                                    answer.statusCode(), answer.statusCode() == 303,
                                    answer.statusCode() == 303 ? null : "form answered " + answer.statusCode()));
                })
                .onFailure().recoverWithItem(e -> new ProbeResult(ProbeChannel.WEB, null, now(), 0, false,
                        e.getMessage()));
    }

    private Uni<ProbeResult> webhook() {
        String network = config.webhook().network().orElseThrow();
        String runId = UUID.randomUUID().toString();
        String dedupKey = ProbeComposer.webhookDedupKey(network, runId);
        Instant sentAt = now();
        byte[] body = composer.webhookBody(runId, sentAt);
        Map<String, String> headers = ProbeComposer.webhookHeaders(channels.webhook().secrets().get(network), sentAt,
                body);
        var request = client.postAbs(baseUrl() + "/api/v1/channels/webhook/" + network).timeout(TIMEOUT_MILLIS)
                .putHeader("Content-Type", "application/json");
        headers.forEach(request::putHeader);
        return runs.register(dedupKey, ProbeChannel.WEBHOOK, sentAt)
                .chain(() -> request.sendBuffer(Buffer.buffer(body)))
                .map(answer -> new ProbeResult(ProbeChannel.WEBHOOK, dedupKey, sentAt, answer.statusCode(),
                        answer.statusCode() == 200, answer.statusCode() == 200 ? null
                                : "webhook answered " + answer.statusCode() + ": " + answer.bodyAsString()))
                .onFailure().recoverWithItem(e -> new ProbeResult(ProbeChannel.WEBHOOK, dedupKey, sentAt, 0, false,
                        e.getMessage()));
    }

    private String baseUrl() {
        return config.baseUrl().orElseGet(() -> {
            // Quarkus publishes the port it bound (also a random one) as a system property once it listens.
            String port = System.getProperty("quarkus.http.port",
                    org.eclipse.microprofile.config.ConfigProvider.getConfig()
                            .getOptionalValue("quarkus.http.port", String.class).orElse("8081"));
            return "http://localhost:" + port;
        });
    }

    private static String csrfCookie(HttpResponse<Buffer> page) {
        return page.cookies().stream().filter(c -> c.startsWith(CSRF_COOKIE + "="))
                .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c).findFirst().orElse(null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Skips scheduled runs while probes are off. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        private final ProbesConfig config;

        public Disabled(ProbesConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
