package io.tikun.followup.churn;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs the quiet-period rule of {@link ChurnWatchService} on schedule; one statement, safe on every instance. */
@ApplicationScoped
public class ChurnWatchJob {

    private final ChurnWatchService service;

    public ChurnWatchJob(ChurnWatchService service) {
        this.service = service;
    }

    @Scheduled(every = "${tikun.followup.churn.settle-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> settle() {
        return service.settleQuietWatches()
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d churn watch(es) settled as STAYED after the quiet period", n);
                    }
                })
                .replaceWithVoid();
    }
}
