package io.tikun.routing.workspace;

import java.time.Instant;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.tikun.routing.cases.CaseRepository;

/**
 * Tells the open workspace pages of this instance that some case changed. One look at the cases' latest change
 * every {@code live-every}, shared by all pages, catches every change whoever made it: an agent on another
 * instance, the escalation job, a delivery status, a customer writing again.
 */
@ApplicationScoped
public class CaseChangeFeed {

    private final BroadcastProcessor<Instant> changes = BroadcastProcessor.create();
    private final Flow.Processor<Instant, Instant> publisher = changes.serialized();
    private final AtomicReference<Instant> last = new AtomicReference<>();
    private final CaseRepository cases;

    public CaseChangeFeed(CaseRepository cases) {
        this.cases = cases;
    }

    /** The latest change seen so far; null until the first look has answered. */
    Instant lastSeen() {
        return last.get();
    }

    /** The instants at which cases were last seen changed, from subscription on. */
    public Multi<Instant> changes() {
        return changes.onOverflow().drop();
    }

    @Scheduled(every = "${tikun.routing.workspace.live-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> look() {
        return cases.lastChange().invoke(this::seen).onFailure()
                .invoke(e -> Log.warnf("Could not look for changed cases: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Announces {@code latest} if it is newer than what was seen before (the first look only remembers it). No case at
     * all ({@code null}) is remembered as the epoch, so the first case ever opened is announced too.
     */
    void seen(Instant latest) {
        if (latest == null) {
            last.compareAndSet(null, Instant.EPOCH);
            return;
        }
        Instant before = last.getAndAccumulate(latest, (old, now) -> old == null || now.isAfter(old) ? now : old);
        if (before != null && latest.isAfter(before)) {
            publisher.onNext(latest);
        }
    }
}
