package io.tikun.routing.reports;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.tikun.routing.cases.SupportCase;

/**
 * Prometheus histograms of answer times in business seconds, tagged by channel and severity: first responses and
 * replies to the customer's further messages. Called once the answer is committed.
 */
@ApplicationScoped
public class ResponseTimeMetrics {

    static final String FIRST_RESPONSE = "tikun.routing.first.response.business.seconds";
    static final String REPLY = "tikun.routing.reply.business.seconds";
    /** Bucket bounds in business time: from minutes up to the LOW severity's 72 business hours and beyond. */
    private static final Duration[] BUCKETS = { Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24),
            Duration.ofHours(72), Duration.ofHours(150) };

    private final MeterRegistry registry;
    private final BusinessMinutes business;
    private final ResponseTimeRepository repository;

    public ResponseTimeMetrics(MeterRegistry registry, BusinessMinutes business, ResponseTimeRepository repository) {
        this.registry = registry;
        this.business = business;
        this.repository = repository;
    }

    /** The case's first response, given at {@code at}. */
    public void firstResponse(SupportCase c, Instant at) {
        if (c.probe) {
            return; // probes are measured by the probe report only
        }
        record(FIRST_RESPONSE, "Business time from receipt of a complaint to its first response",
                new ResponseMeasure(c.severity, c.channel, c.firstRespondedBy != null ? c.firstRespondedBy : c.assignee,
                        c.receivedAt, at));
    }

    /**
     * The case's latest agent message, once committed: measured as a reply when a customer message waited for it. The
     * lookup runs on its own and only feeds the histogram, so the answer to the agent never waits for it.
     */
    public void replied(SupportCase c) {
        if (c.probe) {
            return;
        }
        repository.latestReply(c.id).subscribe().with(
                found -> found.ifPresent(reply -> record(REPLY,
                        "Business time from a customer's further message to the agent's reply", reply)),
                failure -> Log.warnf(failure, "Could not measure the reply on case %s", c.id));
    }

    private void record(String name, String description, ResponseMeasure measure) {
        Timer.builder(name).description(description)
                .tag("channel", measure.channel()).tag("severity", measure.severity().name())
                .serviceLevelObjectives(BUCKETS)
                .register(registry).record(business.of(measure));
    }
}
