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
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.outbound.OutboundConfig;
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
    /** What an e-mail probe's result says once the SMTP server took the mail: its "250 OK". */
    static final int SMTP_OK = 250;

    private final ProbesConfig config;
    private final ChannelsConfig channels;
    private final OutboundConfig outbound;
    private final ReactiveMailer mailer;
    private final ProbeRunRepository runs;
    private final ProbeComposer composer;
    private final WebClient client;
    private final Clock clock;

    public ProbeRunner(ProbesConfig config, ChannelsConfig channels, OutboundConfig outbound, ReactiveMailer mailer,
            ProbeRunRepository runs, ObjectMapper mapper, Vertx vertx, Clock clock) {
        this.config = config;
        this.channels = channels;
        this.outbound = outbound;
        this.mailer = mailer;
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
        List<String> problems = problems(config, channels, outbound);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("tikun.intake.probes: " + String.join("; ", problems));
        }
    }

    /** The mailbox an e-mail probe is sent to, or null when none is configured. */
    static String supportMailbox(ProbesConfig config, OutboundConfig outbound) {
        return config.email().to().or(outbound::replyTo).filter(to -> !to.isBlank()).orElse(null);
    }

    static List<String> problems(ProbesConfig config, ChannelsConfig channels, OutboundConfig outbound) {
        List<String> problems = new java.util.ArrayList<>();
        if (config.channels().contains(ProbeChannel.EMAIL) && supportMailbox(config, outbound) == null) {
            problems.add("channel email needs the support mailbox to write to: tikun.intake.probes.email.to or"
                    + " tikun.intake.outbound.reply-to");
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
        if (config.channels().contains(ProbeChannel.META)) {
            if (config.meta().pageId().isEmpty()) {
                problems.add("channel meta needs tikun.intake.probes.meta.page-id");
            }
            if (channels.meta().appSecret().filter(s -> !s.isBlank()).isEmpty()) {
                problems.add("channel meta: no tikun.channels.meta.app-secret to sign the probe with");
            }
        }
        if (config.channels().contains(ProbeChannel.X)) {
            if (xAccount(config, channels) == null) {
                problems.add("channel x needs tikun.intake.probes.x.account-id or tikun.channels.x.subscribed-user-ids");
            }
            if (channels.x().consumerSecret().filter(s -> !s.isBlank()).isEmpty()) {
                problems.add("channel x: no tikun.channels.x.consumer-secret to sign the probe with");
            }
        }
        return problems;
    }

    /** The account an X probe writes to: the configured one, else the first subscribed account; null when none. */
    static String xAccount(ProbesConfig config, ChannelsConfig channels) {
        return config.x().accountId().or(() -> channels.x().subscribedUserIds()
                .flatMap(ids -> ids.stream().filter(id -> !id.isBlank()).findFirst())).orElse(null);
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
            case EMAIL -> email();
            case META -> meta();
            case X -> x();
        };
    }

    /** A Messenger message to the configured page, signed with the app secret as Meta signs. */
    private Uni<ProbeResult> meta() {
        String runId = UUID.randomUUID().toString();
        Instant sentAt = now();
        byte[] body = composer.metaBody(runId, sentAt, config.meta().pageId().orElseThrow());
        return signedPost(ProbeChannel.META, "/api/v1/channels/meta", ProbeComposer.metaDedupKey(runId), sentAt, body,
                Map.of("X-Hub-Signature-256",
                        ProbeComposer.metaSignature(channels.meta().appSecret().orElseThrow(), body)));
    }

    /** A direct message to the subscribed account, signed with the consumer secret as X signs. */
    private Uni<ProbeResult> x() {
        String runId = UUID.randomUUID().toString();
        Instant sentAt = now();
        byte[] body = composer.xBody(runId, sentAt, xAccount(config, channels));
        return signedPost(ProbeChannel.X, "/api/v1/channels/x", ProbeComposer.xDedupKey(runId), sentAt, body,
                Map.of("x-twitter-webhooks-signature",
                        ProbeComposer.xSignature(channels.x().consumerSecret().orElseThrow(), body)));
    }

    /** A mail to the support mailbox through the SMTP server; accepted once the server took it (status 250). */
    private Uni<ProbeResult> email() {
        String runId = UUID.randomUUID().toString();
        String dedupKey = composer.emailDedupKey(runId);
        Instant sentAt = now();
        String to = supportMailbox(config, outbound);
        return runs.register(dedupKey, ProbeChannel.EMAIL, sentAt)
                .chain(() -> mailer.send(composer.email(runId, to)))
                .replaceWith(new ProbeResult(ProbeChannel.EMAIL, dedupKey, sentAt, SMTP_OK, true, null))
                .onFailure().recoverWithItem(e -> new ProbeResult(ProbeChannel.EMAIL, dedupKey, sentAt, 0, false,
                        "the SMTP server did not take the mail: " + e.getMessage()));
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
        Instant sentAt = now();
        byte[] body = composer.webhookBody(runId, sentAt);
        return signedPost(ProbeChannel.WEBHOOK, "/api/v1/channels/webhook/" + network,
                ProbeComposer.webhookDedupKey(network, runId), sentAt, body,
                ProbeComposer.webhookHeaders(channels.webhook().secrets().get(network), sentAt, body));
    }

    /** Registers the run, then posts the network's signed delivery; accepted when the endpoint answers 200. */
    private Uni<ProbeResult> signedPost(ProbeChannel channel, String path, String dedupKey, Instant sentAt, byte[] body,
            Map<String, String> headers) {
        var request = client.postAbs(baseUrl() + path).timeout(TIMEOUT_MILLIS)
                .putHeader("Content-Type", "application/json");
        headers.forEach(request::putHeader);
        return runs.register(dedupKey, channel, sentAt)
                .chain(() -> request.sendBuffer(Buffer.buffer(body)))
                .map(answer -> new ProbeResult(channel, dedupKey, sentAt, answer.statusCode(),
                        answer.statusCode() == 200, answer.statusCode() == 200 ? null
                                : channel.wire() + " answered " + answer.statusCode() + ": " + answer.bodyAsString()))
                .onFailure().recoverWithItem(e -> new ProbeResult(channel, dedupKey, sentAt, 0, false,
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
