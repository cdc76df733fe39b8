package io.tikun.followup.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.inbox.ProcessedEvent;
import io.tikun.followup.inbox.ProcessedEventRepository;
import io.tikun.followup.message.CustomerMessage;
import io.tikun.followup.message.CustomerMessageKind;
import io.tikun.followup.message.CustomerMessageRepository;
import io.tikun.followup.outbox.MailDelivery;
import io.tikun.followup.outbox.MailDeliveryRepository;
import io.tikun.followup.outbox.MailPurpose;
import io.tikun.followup.outbox.OutboxMessage;
import io.tikun.followup.outbox.OutboxRepository;
import io.tikun.followup.retention.RetentionRepository.Table;
import io.tikun.followup.time.TestClock;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The retention pass deletes processed events, published outbox rows and sent e-mails once older than their configured
 * age (by the service's clock), in batches, and never a row that is still to be published or sent.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RetentionJobTest {

    @Inject
    RetentionJob job;

    @Inject
    RetentionRepository retention;

    @Inject
    ProcessedEventRepository processed;

    @Inject
    OutboxRepository outbox;

    @Inject
    MailDeliveryRepository mails;

    @Inject
    CommitmentRepository commitments;

    @Inject
    CustomerMessageRepository customerMessages;

    @Inject
    TestClock clock;

    @Inject
    FollowupConfig config;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private OutboxMessage published(Instant at) {
        OutboxMessage message = OutboxMessage.of("commitments.updated", "cust-" + UUID.randomUUID(),
                "tikun.commitment.test", "{}", at);
        message.publishedAt = at;
        // Published rows are never claimed again; keep it out of the relay's way for this test.
        message.availableAt = at.plus(Duration.ofDays(365));
        return message;
    }

    /** The commitment the test's e-mails are about (mail_delivery refers to one). */
    private Commitment commitment(Instant now) throws Throwable {
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.caseId = UUID.randomUUID();
        c.complaintId = "cmp-" + c.id;
        c.reference = "TK-000888";
        c.customerId = "cust-" + c.id;
        c.customerName = "Dana Levi";
        c.what = "A technician replaces the heater";
        c.owner = "yossi";
        c.dueAt = now.plus(Duration.ofDays(2));
        c.madeBy = "manager";
        c.madeAt = now;
        c.status = CommitmentStatus.VERIFIED;
        c.updatedAt = now;
        await(() -> Panache.withTransaction(() -> commitments.persist(c)));
        return c;
    }

    private MailDelivery sent(UUID commitmentId, Instant at) {
        MailDelivery mail = MailDelivery.of(commitmentId, MailPurpose.OWNER_DUE_SOON, "c@example.co.il", "s", "b",
                at);
        mail.sentAt = at;
        return mail;
    }

    @Test
    void deletesFinishedRowsOlderThanTheirAgeAndKeepsTheRest() throws Throwable {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        assertThat(config.retention().processedEvent()).isEqualTo(Duration.ofDays(30));
        ProcessedEvent oldEvent = ProcessedEvent.of("old-" + UUID.randomUUID(), now);
        ProcessedEvent recentEvent = ProcessedEvent.of("recent-" + UUID.randomUUID(), now.plus(Duration.ofDays(2)));
        OutboxMessage oldPublished = published(now);
        OutboxMessage recentPublished = published(now.plus(Duration.ofDays(2)));
        OutboxMessage unpublished = OutboxMessage.of("commitments.updated", "cust-" + UUID.randomUUID(),
                "tikun.commitment.test", "{}", now);
        unpublished.availableAt = now.plus(Duration.ofDays(365));
        UUID about = commitment(now).id;
        MailDelivery oldSent = sent(about, now);
        MailDelivery recentSent = sent(about, now.plus(Duration.ofDays(2)));
        MailDelivery unsent = MailDelivery.of(about, MailPurpose.OWNER_DUE_SOON, "c@example.co.il", "s",
                "b", now);
        unsent.availableAt = now.plus(Duration.ofDays(365));
        await(() -> Panache.withTransaction(() -> processed.persist(oldEvent, recentEvent)
                .chain(() -> outbox.persist(oldPublished, recentPublished, unpublished))
                .chain(() -> mails.persist(oldSent, recentSent, unsent))));

        // 31 days on, by the service's clock: the rows written "now" are past 30 days, those 2 days later are not.
        clock.advance(Duration.ofDays(31));
        Map<Table, Integer> purged = await(job::runOnce);

        assertThat(purged).containsKeys(Table.values());
        assertThat(await(() -> Panache.withSession(() -> processed.findById(oldEvent.eventId)))).isNull();
        assertThat(await(() -> Panache.withSession(() -> processed.findById(recentEvent.eventId)))).isNotNull();
        assertThat(await(() -> Panache.withSession(() -> outbox.findById(oldPublished.id)))).isNull();
        assertThat(await(() -> Panache.withSession(() -> outbox.findById(recentPublished.id)))).isNotNull();
        assertThat(await(() -> Panache.withSession(() -> outbox.findById(unpublished.id)))).isNotNull();
        assertThat(await(() -> Panache.withSession(() -> mails.findById(oldSent.id)))).isNull();
        assertThat(await(() -> Panache.withSession(() -> mails.findById(recentSent.id)))).isNotNull();
        assertThat(await(() -> Panache.withSession(() -> mails.findById(unsent.id)))).isNotNull();
    }

    @Test
    void deletesABacklogLargerThanABatchInSeveralBatches() throws Throwable {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int batch = config.retention().batchSize();
        List<ProcessedEvent> backlog = java.util.stream.IntStream.range(0, batch * 2 + 1)
                .mapToObj(i -> ProcessedEvent.of("backlog-" + UUID.randomUUID(), now)).toList();
        await(() -> Panache.withTransaction(() -> processed.persist(backlog)));

        Instant cutoff = now.plusSeconds(1);
        assertThat(await(() -> retention.deleteBatch(Table.PROCESSED_EVENT, cutoff, batch))).isEqualTo(batch);
        clock.advance(Duration.ofDays(31));
        await(job::runOnce);

        assertThat(await(() -> Panache.withSession(() -> processed.count("eventId like 'backlog-%'")))).isZero();
    }

    private static CustomerMessage customerMessage(UUID commitmentId, Instant requestedAt) {
        CustomerMessage m = new CustomerMessage();
        m.messageId = "followup:verify:" + commitmentId + ":" + UUID.randomUUID();
        m.commitmentId = commitmentId;
        m.complaintId = "cmp-1";
        m.customerId = "cust-1";
        m.reference = "TK-000042";
        m.kind = CustomerMessageKind.FOLLOW_UP;
        m.language = "en";
        m.requestedAt = requestedAt;
        m.status = "DELIVERED";
        return m;
    }

    @Test
    void deletesCustomerMessagesRequestedLongerAgoThanTheirAge() throws Throwable {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration age = config.retention().customerMessage();
        UUID about = commitment(now).id;
        CustomerMessage old = customerMessage(about, now);
        CustomerMessage recent = customerMessage(about, now.plus(Duration.ofDays(2)));
        await(() -> Panache.withTransaction(() -> customerMessages.persist(old, recent)));

        clock.advance(age.plusDays(1));
        await(job::runOnce);

        assertThat(await(() -> Panache.withSession(() -> customerMessages.findById(old.messageId)))).isNull();
        assertThat(await(() -> Panache.withSession(() -> customerMessages.findById(recent.messageId)))).isNotNull();
    }
}
