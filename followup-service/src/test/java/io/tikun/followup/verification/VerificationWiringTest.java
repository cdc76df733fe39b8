package io.tikun.followup.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.lifecycle.CommitmentLifecycle;
import io.tikun.followup.lifecycle.CommitmentState;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** The running service builds both beans from its configuration: the %test link secret and the lifecycle defaults. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class VerificationWiringTest {

    @Inject
    SignedLinkService links;

    @Inject
    CommitmentLifecycle lifecycle;

    @Inject
    Clock clock;

    @Test
    void issuesAndVerifiesLinksWithTheConfiguredSecretAndTimeToLive() {
        UUID commitment = UUID.randomUUID();

        IssuedLink link = links.issueLink(commitment, LinkAction.CONFIRM_FIXED);

        assertThat(link.url().toString()).startsWith("http://127.0.0.1:8083/verify?token=");
        assertThat(Duration.between(clock.instant(), link.expiresAt())).isBetween(Duration.ofDays(14).minusMinutes(1),
                Duration.ofDays(14));
        assertThat(links.verify(link.token(), commitment).isValid()).isTrue();
    }

    @Test
    void timesTheLifecycleWithTheConfiguredDefaults() {
        CommitmentState state = CommitmentState.opened(UUID.randomUUID(), clock.instant());

        assertThat(lifecycle.deadlines(state).dueSoonAt()).isEqualTo(state.dueAt().minus(Duration.ofHours(24)));
        assertThat(lifecycle.deadlines(state).brokenAt()).isEqualTo(state.dueAt().plus(Duration.ofHours(48)));
        assertThat(state.status()).isEqualTo(CommitmentStatus.OPEN);
    }
}
