package io.tikun.followup.outbox;

import static io.tikun.followup.commitment.CommitmentFixtures.WAIT;
import static io.tikun.followup.commitment.CommitmentFixtures.promise;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentFixtures.Promise;
import io.tikun.followup.time.TestClock;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;

/**
 * A staff e-mail the mail server refuses: the delivery records the failure and when to try
 * again ({@link MailBackoff}), a pass of the relay after that time sends it once, and after the last allowed attempt it
 * is given up and kept with its error instead of being retried for ever. The mail server is really unreachable (nothing
 * listens on the mailer's port) until the test brings it up; the relay's passes are called directly, with the
 * service's clock moved forward instead of waiting.
 */
@QuarkusTest
@TestProfile(MailServerOutageProfile.class)
class MailRelayRetryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.mailer.port")
    int mailerPort;

    @InjectMailServerOutage
    MailServerOutage mailServer;

    @Inject
    MailRelay relay;

    @Inject
    MailDeliveryRepository deliveries;

    @Inject
    TestClock clock;

    @Inject
    FollowupConfig config;

    private MailBackoff backoff;

    @BeforeEach
    void mailServerDown() {
        backoff = MailBackoff.from(config.mail());
        mailServer.fail();
        // The mailer talks to the server this test takes down, not to a sandbox that always accepts.
        assertThat(mailerPort).isEqualTo(mailServer.smtpPort());
    }

    @AfterEach
    void backToRealTimeAndServerDown() {
        clock.reset();
        mailServer.fail();
    }

    /** One scheduled pass of the relay, as its tick would run it. */
    private void relayPass() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> relay.sendDue());
    }

    private Promise newPromise() {
        return promise(bootstrapServers, "owner-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(2)));
    }

    /** The owner's e-mail, tried right after the change that wrote it committed. */
    private MailDelivery queuedAndTriedAtOnce() throws Throwable {
        MailDelivery mail = queued();
        VertxContextSupport.subscribeAndAwait(() -> relay.sendNow(List.of(mail.id)));
        return mail;
    }

    private static long mailsTo(MailSandbox sandbox, MailDelivery mail) {
        return sandbox.messages().stream().filter(m -> m.isTo(mail.recipient)).count();
    }

    @Test
    void recordsARefusedMailAndSendsItOnceOnThePassAfterItsRetryTime() throws Throwable {
        Instant beforeClaim = clock.instant();
        MailDelivery mail = queuedAndTriedAtOnce();
        Instant afterClaim = clock.instant();

        MailDelivery refused = stored(mail.id);
        assertThat(refused.attempts).isEqualTo(1);
        assertThat(refused.sentAt).isNull();
        assertThat(refused.abandonedAt).isNull();
        assertThat(refused.lastError).containsIgnoringCase("refused");
        Duration firstPause = backoff.pauseAfter(1);
        assertThat(firstPause).isEqualTo(config.mail().firstRetryAfter());
        assertThat(refused.availableAt).isBetween(beforeClaim.plus(firstPause), afterClaim.plus(firstPause));

        MailSandbox sandbox = mailServer.recover();
        clock.advance(firstPause.dividedBy(2));
        relayPass();

        // Not yet due: the server is back, but the e-mail waits for its retry time.
        assertThat(stored(mail.id).attempts).isEqualTo(1);
        assertThat(mailsTo(sandbox, mail)).isZero();

        clock.advance(firstPause);
        relayPass();

        MailDelivery sent = stored(mail.id);
        assertThat(sent.sentAt).isNotNull();
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(sent.lastError).isNull();
        assertThat(sent.abandonedAt).isNull();
        CapturedMail received = sandbox.await(m -> m.isTo(mail.recipient), WAIT);
        assertThat(received.text()).contains("Please claim it done when it is.");

        clock.advance(config.mail().maxRetryAfter());
        relayPass();
        assertThat(mailsTo(sandbox, mail)).isEqualTo(1);
        assertThat(stored(mail.id).attempts).isEqualTo(2);
    }

    @Test
    void givesARefusedMailUpAfterTheLastAttemptAndKeepsItWithItsError() throws Throwable {
        MailDelivery mail = queuedAndTriedAtOnce();
        int maxAttempts = config.mail().maxAttempts();
        assertThat(maxAttempts).isEqualTo(MailServerOutageProfile.MAX_ATTEMPTS);

        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            clock.advance(backoff.pauseAfter(attempt - 1));
            Instant before = clock.instant();
            relayPass();
            Instant after = clock.instant();

            MailDelivery failed = stored(mail.id);
            assertThat(failed.attempts).isEqualTo(attempt);
            assertThat(failed.sentAt).isNull();
            assertThat(failed.lastError).isNotBlank();
            if (attempt < maxAttempts) {
                // Each failure pushes the next attempt out by the doubled pause.
                assertThat(failed.abandonedAt).isNull();
                assertThat(failed.availableAt).isBetween(before.plus(backoff.pauseAfter(attempt)),
                        after.plus(backoff.pauseAfter(attempt)));
            }
        }

        MailDelivery abandoned = stored(mail.id);
        assertThat(abandoned.abandonedAt).isNotNull();
        assertThat(abandoned.lastError).isNotBlank();
        assertThat(abandoned.sentAt).isNull();

        // Even with the server back and long past every retry time, nobody tries it again.
        MailSandbox sandbox = mailServer.recover();
        clock.advance(config.mail().maxRetryAfter().multipliedBy(maxAttempts));
        relayPass();
        MailDelivery kept = stored(mail.id);
        assertThat(kept.attempts).isEqualTo(maxAttempts);
        assertThat(kept.abandonedAt).isEqualTo(abandoned.abandonedAt);
        assertThat(kept.lastError).isEqualTo(abandoned.lastError);
        assertThat(kept.sentAt).isNull();
        assertThat(mailsTo(sandbox, mail)).isZero();
    }

    /** An e-mail queued directly, as a change's transaction would queue it. */
    private MailDelivery queued() throws Throwable {
        MailDelivery mail = MailDelivery.of(newPromise().id(), MailPurpose.OWNER_DUE_SOON,
                "owner-" + UUID.randomUUID() + "@tikun.local", "Promise due soon", "Please claim it done when it is.",
                clock.instant());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> deliveries.persist(mail)));
        return mail;
    }

    private MailDelivery stored(UUID id) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> deliveries.findById(id)));
    }

    @Test
    void aRelayWhoseClaimLapsedNeitherSendsTheMailAgainNorChangesWhatTheNextClaimerRecorded() throws Throwable {
        MailSandbox sandbox = mailServer.recover();
        MailDelivery mail = queued();
        // Instance A claims the e-mail, then is slow (a long batch to a slow server) until its claim lapses.
        Instant claimedAt = clock.instant();
        List<MailDelivery> claimedByA = VertxContextSupport.subscribeAndAwait(() -> deliveries
                .claimDue(claimedAt, claimedAt.plus(config.mail().claimFor()), 1000))
                .stream().filter(m -> m.id.equals(mail.id)).toList();
        assertThat(claimedByA).hasSize(1);
        clock.advance(config.mail().claimFor().plusSeconds(1));

        // Instance B takes it over and sends it.
        relayPass();
        sandbox.await(m -> m.isTo(mail.recipient), WAIT);
        MailDelivery sentByB = stored(mail.id);
        assertThat(sentByB.sentAt).isNotNull();

        // A finally gets to it: it must not send it a second time, nor record anything over B's result.
        VertxContextSupport.subscribeAndAwait(() -> relay.send(claimedByA));
        int staleMark = VertxContextSupport.subscribeAndAwait(() -> deliveries.markFailed(claimedByA.get(0),
                "timed out", clock.instant(), clock.instant()));

        assertThat(staleMark).isZero();
        assertThat(sandbox.messages().stream().filter(m -> m.isTo(mail.recipient)).count()).isEqualTo(1);
        MailDelivery kept = stored(mail.id);
        assertThat(kept.sentAt).isEqualTo(sentByB.sentAt);
        assertThat(kept.lastError).isNull();
        assertThat(kept.availableAt).isEqualTo(sentByB.availableAt);
    }
}
