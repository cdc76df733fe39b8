package io.tikun.followup.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentStatus;

class LifecycleConfigTest {

    private static FollowupConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(FollowupConfig.class)
                .withDefaultValues(properties)
                .build()
                .getConfigMapping(FollowupConfig.class);
    }

    @Test
    void defaultsToADayOfWarningTwoDaysOfGraceThreeDaysPerCustomerRequestAndTwoDisputes() {
        LifecyclePolicy policy = LifecyclePolicy.from(config(Map.of()).lifecycle());

        assertThat(policy).isEqualTo(new LifecyclePolicy(Duration.ofHours(24), Duration.ofHours(48),
                Duration.ofDays(3), 2));
    }

    @Test
    void readsConfiguredTimingAndDisputeLimit() {
        FollowupConfig config = config(Map.of(
                "tikun.followup.lifecycle.due-soon-before", "PT6H",
                "tikun.followup.lifecycle.grace-period", "P1D",
                "tikun.followup.lifecycle.customer-reminder-after", "P2D",
                "tikun.followup.lifecycle.max-disputes", "3"));

        assertThat(LifecyclePolicy.from(config.lifecycle())).isEqualTo(
                new LifecyclePolicy(Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(2), 3));
    }

    @Test
    void buildsTheLifecycleFromTheConfigMapping() {
        CommitmentLifecycle lifecycle = new CommitmentLifecycle(config(Map.of()));

        assertThat(lifecycle.deadlines(LifecycleFixtures.state(CommitmentStatus.OPEN))
                .dueSoonAt()).isEqualTo(LifecycleFixtures.DUE.minus(Duration.ofHours(24)));
    }

    @Test
    void refusesADisputeLimitBelowOne() {
        FollowupConfig config = config(Map.of("tikun.followup.lifecycle.max-disputes", "0"));

        assertThatIllegalArgumentException().isThrownBy(() -> LifecyclePolicy.from(config.lifecycle()))
                .withMessageContaining("max-disputes");
    }

    @Test
    void refusesZeroOrNegativeDurations() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LifecyclePolicy(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1), 2))
                .withMessageContaining("due-soon-before");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LifecyclePolicy(Duration.ofHours(1), Duration.ofHours(-1), Duration.ofHours(1), 2))
                .withMessageContaining("grace-period");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new LifecyclePolicy(Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO, 2))
                .withMessageContaining("customer-reminder-after");
    }
}
