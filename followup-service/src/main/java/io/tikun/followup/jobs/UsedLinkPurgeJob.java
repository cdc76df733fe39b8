package io.tikun.followup.jobs;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.verification.PostgresUsedLinkRegistry;

/** Deletes the records of used links once the links have expired: their signature check refuses them anyway. */
@ApplicationScoped
public class UsedLinkPurgeJob {

    private final PostgresUsedLinkRegistry usedLinks;
    private final Clock clock;

    public UsedLinkPurgeJob(PostgresUsedLinkRegistry usedLinks, Clock clock) {
        this.usedLinks = usedLinks;
        this.clock = clock;
    }

    @Scheduled(every = "${tikun.followup.jobs.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return runOnce()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Purging expired used links failed, the next tick retries: %s", failure.getMessage());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Purges now; returns how many records went. Safe on several instances at once: a delete is idempotent. */
    public Uni<Integer> runOnce() {
        return usedLinks.purgeExpired(clock.instant())
                .invoke(purged -> {
                    if (purged > 0) {
                        Log.infof("Purged %d expired used-link records", purged);
                    }
                });
    }
}
