package io.tikun.intake.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.store.IntakeStore;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class RetentionJobTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The store is shared with other tests: ages count from now, so only this test's back-dated records are old. */
    private static final Instant NOW = Instant.now();

    @Inject
    IntakeStore store;

    @Inject
    RetentionConfig config;

    private String insert(String collection, Document doc) {
        String id = UUID.randomUUID().toString();
        store.collection(collection).insertOne(doc.append("_id", id)).await().atMost(WAIT);
        return id;
    }

    private boolean exists(String collection, String id) {
        return store.collection(collection).countDocuments(Filters.eq("_id", id)).await().atMost(WAIT) == 1;
    }

    private static Date ago(Duration age) {
        return Date.from(NOW.minus(age));
    }

    @Test
    void deletesWhatIsOlderThanItsAgeKeepsTheRestAndIsSafeOnTwoInstancesAtOnce() {
        String oldIgnored = insert(RetentionJob.IGNORED_MAIL,
                new Document("receivedAt", ago(config.ignoredMail().plusDays(1))));
        String newIgnored = insert(RetentionJob.IGNORED_MAIL,
                new Document("receivedAt", ago(config.ignoredMail().minusDays(1))));
        String oldImport = insert(RetentionJob.IMAP_IMPORTED,
                new Document("importedAt", ago(config.imapImported().plusDays(1))));
        String newImport = insert(RetentionJob.IMAP_IMPORTED,
                new Document("importedAt", ago(config.imapImported().minusDays(1))));
        String oldReplayed = insert(RetentionJob.QUARANTINE, new Document("status", "REPLAYED")
                .append("receivedAt", ago(Duration.ofDays(400)))
                .append("replayedAt", ago(config.replayedQuarantine().plusDays(1))));
        String newReplayed = insert(RetentionJob.QUARANTINE, new Document("status", "REPLAYED")
                .append("receivedAt", ago(Duration.ofDays(400)))
                .append("replayedAt", ago(config.replayedQuarantine().minusDays(1))));
        // Held payloads wait for an operator however old they are.
        String oldHeld = insert(RetentionJob.QUARANTINE,
                new Document("status", "HELD").append("receivedAt", ago(Duration.ofDays(400))));

        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RetentionJob one = new RetentionJob(store, config, clock);
        RetentionJob two = new RetentionJob(store, config, clock);
        List<RetentionJob.Purged> passes = Uni.join().all(one.purge(), two.purge()).andFailFast().await().atMost(WAIT);

        assertThat(passes.stream().mapToLong(RetentionJob.Purged::ignoredMail).sum()).isGreaterThanOrEqualTo(1);
        assertThat(exists(RetentionJob.IGNORED_MAIL, oldIgnored)).isFalse();
        assertThat(exists(RetentionJob.IGNORED_MAIL, newIgnored)).isTrue();
        assertThat(exists(RetentionJob.IMAP_IMPORTED, oldImport)).isFalse();
        assertThat(exists(RetentionJob.IMAP_IMPORTED, newImport)).isTrue();
        assertThat(exists(RetentionJob.QUARANTINE, oldReplayed)).isFalse();
        assertThat(exists(RetentionJob.QUARANTINE, newReplayed)).isTrue();
        assertThat(exists(RetentionJob.QUARANTINE, oldHeld)).isTrue();
        // A third pass finds nothing more of these to delete.
        assertThat(one.purge().await().atMost(WAIT)).isEqualTo(new RetentionJob.Purged(0, 0, 0));
    }
}
