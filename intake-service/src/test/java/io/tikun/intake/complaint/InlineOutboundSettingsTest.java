package io.tikun.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tikun.intake.IntakeConfig;

class InlineOutboundSettingsTest {

    @Test
    void acceptsAnInlineTimeoutShorterThanTheRelaysStaleAfter() {
        IntakeConfig.Outbox outbox = outbox(Duration.ofSeconds(8), Duration.ofSeconds(10));

        assertThat(InlineOutbound.requireInlineTimeoutBeforeStale(outbox)).isSameAs(outbox);
    }

    @Test
    void refusesAnInlineTimeoutTheRelayCouldOvertake() {
        assertThatThrownBy(() -> InlineOutbound.requireInlineTimeoutBeforeStale(
                outbox(Duration.ofSeconds(10), Duration.ofSeconds(10))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inline-timeout (PT10S)").hasMessageContaining("stale-after (PT10S)");
        assertThatThrownBy(() -> InlineOutbound.requireInlineTimeoutBeforeStale(
                outbox(Duration.ofSeconds(30), Duration.ofSeconds(10))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static IntakeConfig.Outbox outbox(Duration inlineTimeout, Duration staleAfter) {
        return new IntakeConfig.Outbox() {
            @Override
            public String relayEvery() {
                return "5s";
            }

            @Override
            public Duration inlineTimeout() {
                return inlineTimeout;
            }

            @Override
            public int inlineInFlight() {
                return 1;
            }

            @Override
            public int urgentInFlight() {
                return 1;
            }

            @Override
            public Duration staleAfter() {
                return staleAfter;
            }

            @Override
            public Duration claimFor() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int batchSize() {
                return 1;
            }

            @Override
            public int relayConcurrency() {
                return 1;
            }

            @Override
            public int mailMaxAttempts() {
                return 1;
            }
        };
    }
}
