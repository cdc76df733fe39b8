package io.tikun.intake.store;

import java.time.Duration;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.customer.CustomerRepository;
import io.tikun.intake.outbound.CustomerMessageRepository;
import io.tikun.intake.probe.ProbeRunRepository;
import io.tikun.intake.ratelimit.RateLimitRepository;
import io.tikun.intake.timeline.TimelineRepository;

/** Creates the indexes that uniqueness and lookups rely on, before the service takes traffic. */
public class IndexInitializer {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    void onStart(@Observes StartupEvent event, ComplaintRepository complaints, CustomerRepository customers,
            TimelineRepository timeline, RateLimitRepository rateLimits, CustomerMessageRepository customerMessages,
            ProbeRunRepository probeRuns) {
        // Startup runs on the main thread, where waiting is allowed; no request arrives before it ends.
        complaints.createIndexes().chain(customers::createIndexes).chain(timeline::createIndexes)
                .chain(rateLimits::createIndexes).chain(customerMessages::createIndexes)
                .chain(probeRuns::createIndexes).await().atMost(TIMEOUT);
    }
}
