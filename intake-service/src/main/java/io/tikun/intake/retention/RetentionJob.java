package io.tikun.intake.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.quarantine.QuarantineStatus;
import io.tikun.intake.store.IntakeStore;

/**
 * Deletes what intake no longer needs once it is older than its configured age: ignored mail, import marks and
 * replayed quarantine. Safe on every instance at once: a delete by age is idempotent, nothing is claimed.
 */
@ApplicationScoped
public class RetentionJob {

    static final String IGNORED_MAIL = "ignored_mail";
    static final String IMAP_IMPORTED = "imap_imported";
    static final String QUARANTINE = "quarantine";

    private final IntakeStore store;
    private final RetentionConfig config;
    private final Clock clock;

    public RetentionJob(IntakeStore store, RetentionConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** How many records one pass deleted, per collection. */
    public record Purged(long ignoredMail, long imapImported, long replayedQuarantine) {
    }

    @Scheduled(every = "${tikun.intake.retention.every:6h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(purged -> Log.infof("Retention deleted %s", purged)).replaceWithVoid();
    }

    /** Deletes everything older than its age as of now. */
    public Uni<Purged> purge() {
        Instant now = clock.instant();
        return Uni.combine().all().unis(
                delete(IGNORED_MAIL, Filters.lt("receivedAt", before(now, config.ignoredMail()))),
                delete(IMAP_IMPORTED, Filters.lt("importedAt", before(now, config.imapImported()))),
                delete(QUARANTINE, Filters.and(Filters.eq("status", QuarantineStatus.REPLAYED.name()),
                        Filters.lt("replayedAt", before(now, config.replayedQuarantine())))))
                .asTuple().map(t -> new Purged(t.getItem1(), t.getItem2(), t.getItem3()));
    }

    private static Date before(Instant now, Duration age) {
        return Date.from(now.minus(age));
    }

    private Uni<Long> delete(String collection, Bson olderThan) {
        return store.collection(collection).deleteMany(olderThan).map(result -> result.getDeletedCount());
    }
}
