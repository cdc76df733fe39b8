package io.tikun.routing.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HotspotLifecycleTest {

    private static final Instant WINDOW_END = Instant.parse("2026-11-29T08:40:00Z");
    private static final Duration COOL_DOWN = Duration.ofHours(12);
    private static final Instant PAST_FROM = HotspotLifecycle.pastFrom(WINDOW_END, COOL_DOWN);

    @Test
    void isPastFromTheEndOfItsWindowPlusTheCoolDown() {
        assertThat(PAST_FROM).isEqualTo(Instant.parse("2026-11-29T20:40:00Z"));
    }

    @Test
    void staysCurrentUntilTheCoolDownHasRunOutAfterItsWindow() {
        assertThat(HotspotLifecycle.stateAt(PAST_FROM, null, WINDOW_END)).isEqualTo(HotspotState.CURRENT);
        assertThat(HotspotLifecycle.stateAt(PAST_FROM, null, PAST_FROM.minusSeconds(1))).isEqualTo(HotspotState.CURRENT);
    }

    @Test
    void becomesPastByItselfTheMomentTheCoolDownEnds() {
        assertThat(HotspotLifecycle.stateAt(PAST_FROM, null, PAST_FROM)).isEqualTo(HotspotState.PAST);
        assertThat(HotspotLifecycle.stateAt(PAST_FROM, null, PAST_FROM.plus(Duration.ofDays(30))))
                .isEqualTo(HotspotState.PAST);
    }

    @Test
    void aManagersAcknowledgmentMakesItPastAtOnce() {
        Instant acknowledged = WINDOW_END.plus(Duration.ofMinutes(5));
        assertThat(HotspotLifecycle.stateAt(PAST_FROM, acknowledged, acknowledged)).isEqualTo(HotspotState.PAST);
        assertThat(HotspotLifecycle.stateAt(PAST_FROM, acknowledged, acknowledged.plusSeconds(1)))
                .isEqualTo(HotspotState.PAST);
    }

    @Test
    void anAcknowledgmentDoesNotReachBackToBeforeItWasMade() {
        Instant acknowledged = WINDOW_END.plus(Duration.ofHours(1));
        assertThat(HotspotLifecycle.stateAt(PAST_FROM, acknowledged, acknowledged.minusSeconds(1)))
                .isEqualTo(HotspotState.CURRENT);
    }

    @Test
    void withoutACoolDownItIsPastWhenItsWindowEnds() {
        Instant pastFrom = HotspotLifecycle.pastFrom(WINDOW_END, Duration.ZERO);
        assertThat(HotspotLifecycle.stateAt(pastFrom, null, WINDOW_END.minusSeconds(1))).isEqualTo(HotspotState.CURRENT);
        assertThat(HotspotLifecycle.stateAt(pastFrom, null, WINDOW_END)).isEqualTo(HotspotState.PAST);
    }

    @Test
    void refusesANegativeCoolDown() {
        assertThatThrownBy(() -> HotspotLifecycle.pastFrom(WINDOW_END, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesPValuesWithTwoSignificantDigits() {
        assertThat(HotspotAlertComposer.pValue(1.4e-05)).isEqualTo("1.4e-05");
        assertThat(HotspotAlertComposer.pValue(0.0123)).isEqualTo("0.012");
        assertThat(HotspotAlertComposer.pValue(0.5)).isEqualTo("0.50");
    }
}
