package io.tikun.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RelayDrainReportTest {

    private static final Instant LAUNCHED = Instant.parse("2026-12-08T00:00:00Z");

    @Test
    void theRateIsTheCountOverTheSpanBetweenTheFirstAndTheLastReadingThatSawMore() {
        RelayDrainReport.Progress events = new RelayDrainReport.Progress(LAUNCHED, 100);
        events.seen(0, LAUNCHED.plusSeconds(5));
        events.seen(40, LAUNCHED.plusSeconds(6));
        events.seen(100, LAUNCHED.plusSeconds(8));
        events.seen(100, LAUNCHED.plusSeconds(9));

        assertThat(events.done()).isTrue();
        assertThat(events.toFirst()).isEqualTo(Duration.ofSeconds(6));
        assertThat(events.span()).isEqualTo(Duration.ofSeconds(2));
        assertThat(events.rate()).isCloseTo(50, within(1e-9));
    }

    @Test
    void aPhaseThatDidNotDrainSaysHowFarItGot() {
        RelayDrainReport.Progress events = new RelayDrainReport.Progress(LAUNCHED, 100);
        events.seen(100, LAUNCHED.plusSeconds(7));
        RelayDrainReport.Progress mails = new RelayDrainReport.Progress(LAUNCHED, 100);
        mails.seen(0, LAUNCHED.plusSeconds(7));

        String report = RelayDrainReport.render(100, 4, Duration.ofMillis(250), List.of(new RelayDrainReport.Phase(8, 100, 0,
                0, 0, Duration.ofSeconds(4), events, mails)));

        assertThat(events.rate()).isZero();
        assertThat(report).contains(
                "| 8 | 100 (0) | 0 events, 0 mails | 4.0 | 7.0 | 0.0 | **0** | – | **0** | **no**: 100 events, 0 mails |");
    }
}
