package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The promise form: the due time on the user's wall clock, and the REST API's limits. */
class PromiseFormTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void theDueTimeIsReadOnTheUsersWallClock() {
        PromiseForm.Checked checked = PromiseForm.check(" להחליף את המזגן ", " yossi ", "2026-12-07T14:30", JERUSALEM, NOW);
        assertThat(checked.problem()).isNull();
        assertThat(checked.request().dueAt()).isEqualTo(Instant.parse("2026-12-07T12:30:00Z"));
        assertThat(checked.request().what()).isEqualTo("להחליף את המזגן");
        assertThat(checked.request().owner()).isEqualTo("yossi");
        assertThat(PromiseForm.check("x", "y", "2026-12-07T14:30", ZoneId.of("America/New_York"), NOW).request().dueAt())
                .isEqualTo(Instant.parse("2026-12-07T19:30:00Z"));
    }

    @Test
    void aDueTimeShownBackIsTheSameWallClockTime() {
        assertThat(PromiseForm.local(Instant.parse("2026-12-07T12:30:00Z"), JERUSALEM)).isEqualTo("2026-12-07T14:30");
    }

    @Test
    void refusesMissingTextsAPastOrUnreadableDueTimeAndTooLongTexts() {
        assertThat(PromiseForm.check(" ", "y", "2026-12-07T14:30", JERUSALEM, NOW).problem())
                .isEqualTo(PromiseForm.Problem.WHAT_MISSING);
        assertThat(PromiseForm.check("x", null, "2026-12-07T14:30", JERUSALEM, NOW).problem())
                .isEqualTo(PromiseForm.Problem.OWNER_MISSING);
        assertThat(PromiseForm.check("x", "y", "2026-12-06T09:59", JERUSALEM, NOW).problem())
                .as("09:59 in Jerusalem is 07:59 UTC, before now").isEqualTo(PromiseForm.Problem.DUE_INVALID);
        assertThat(PromiseForm.check("x", "y", "tomorrow", JERUSALEM, NOW).problem())
                .isEqualTo(PromiseForm.Problem.DUE_INVALID);
        assertThat(PromiseForm.check("x", "y", "", JERUSALEM, NOW).problem()).isEqualTo(PromiseForm.Problem.DUE_INVALID);
        assertThat(PromiseForm.check("x".repeat(2001), "y", "2026-12-07T14:30", JERUSALEM, NOW).problem())
                .isEqualTo(PromiseForm.Problem.WHAT_TOO_LONG);
        assertThat(PromiseForm.check("x", "y".repeat(201), "2026-12-07T14:30", JERUSALEM, NOW).problem())
                .isEqualTo(PromiseForm.Problem.OWNER_TOO_LONG);
    }
}
