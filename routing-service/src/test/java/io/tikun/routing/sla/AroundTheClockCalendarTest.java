package io.tikun.routing.sla;

import static io.tikun.routing.sla.Jerusalem.at;
import static io.tikun.routing.sla.Jerusalem.wallClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class AroundTheClockCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.aroundTheClock();

    @Test
    void addsExactlyOneHourOnAFridayNight() {
        assertThat(calendar.addBusinessTime(at("2026-11-27T23:30"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-28T00:30"));
    }

    @Test
    void addsOneRealHourAcrossTheSpringForward() {
        // 01:30 IST plus one real hour is 03:30 IDT on the wall clock.
        Instant due = calendar.addBusinessTime(at("2026-03-27T01:30"), Duration.ofHours(1));

        assertThat(due).isEqualTo(Instant.parse("2026-03-27T00:30:00Z"));
        assertThat(wallClock(due)).isEqualTo(LocalDateTime.parse("2026-03-27T03:30"));
    }

    @Test
    void addsOneRealHourAcrossTheFallBack() {
        // The first 01:30 (IDT) plus one real hour is the second 01:30 (IST).
        Instant firstHalfPastOne = Instant.parse("2026-10-24T22:30:00Z");
        Instant due = calendar.addBusinessTime(firstHalfPastOne, Duration.ofHours(1));

        assertThat(due).isEqualTo(Instant.parse("2026-10-24T23:30:00Z"));
        assertThat(wallClock(due)).isEqualTo(wallClock(firstHalfPastOne));
    }

    @Test
    void ignoresWeekendsAndOfficeHours() {
        assertThat(calendar.isOpen(at("2026-11-28T03:00"))).isTrue();
        assertThat(calendar.nextOpening(at("2026-11-28T03:00"))).isEqualTo(at("2026-11-28T03:00"));
        assertThat(calendar.businessTimeBetween(at("2026-11-26T18:00"), at("2026-11-29T08:00")))
                .isEqualTo(Duration.ofHours(62));
    }

    @Test
    void measuresBackwardsAsNegative() {
        assertThat(calendar.businessTimeBetween(at("2026-11-29T08:00"), at("2026-11-29T07:00")))
                .isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> calendar.addBusinessTime(at("2026-11-22T09:00"), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
