package io.tikun.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.sla.SlaClock;
import io.tikun.routing.sla.SlaConfig;

/** A case waiting on the customer: what its deadlines and escalation timer become when the wait ends. */
class CaseClocksTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    private static final Clock FIXED = Clock.fixed(at("2026-11-26T16:00"), JERUSALEM);

    private final CaseClocks clocks = new CaseClocks(new SlaClock(new SmallRyeConfigBuilder()
            .withMapping(SlaConfig.class).build().getConfigMapping(SlaConfig.class), FIXED));

    private static Instant at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), JERUSALEM).toInstant();
    }

    private static SupportCase unanswered(Severity severity, Instant firstResponseDue, Instant resolutionDue) {
        SupportCase c = new SupportCase();
        c.severity = severity;
        c.status = CaseStatus.OPEN;
        c.firstResponseDueAt = firstResponseDue;
        c.resolutionDueAt = resolutionDue;
        c.escalationDueAt = firstResponseDue;
        return c;
    }

    @Test
    void aMediumCasePausedOnThursdayAfternoonKeepsItsOfficeHoursUntilSunday() {
        SupportCase c = unanswered(Severity.MEDIUM, at("2026-11-26T17:30"), at("2026-11-30T12:00"));
        c.replyDueAt = at("2026-11-26T17:00");

        clocks.pause(c, at("2026-11-26T16:00"));
        assertThat(c.status).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(c.replyDueAt).isNull();

        clocks.resume(c, at("2026-11-29T10:00"));

        // 1.5 office hours were left on the first response, Thursday 16:00 to 18:00 plus Sunday and Monday on
        // the resolution (2 + 10 + 4 = 16 hours): they run again from Sunday 10:00.
        assertThat(c.firstResponseDueAt).isEqualTo(at("2026-11-29T11:30"));
        assertThat(c.escalationDueAt).isEqualTo(c.firstResponseDueAt);
        assertThat(c.resolutionDueAt).isEqualTo(at("2026-11-30T16:00"));
        assertThat(c.status).isEqualTo(CaseStatus.OPEN);
        assertThat(c.waitingSince).isNull();
    }

    @Test
    void aCriticalCaseRunsAroundTheClockSoItsDeadlinesMoveByTheWait() {
        Instant pausedAt = at("2026-11-27T22:00");
        SupportCase c = unanswered(Severity.CRITICAL, pausedAt.plus(Duration.ofMinutes(40)),
                pausedAt.plus(Duration.ofHours(20)));

        clocks.pause(c, pausedAt);
        clocks.resume(c, pausedAt.plus(Duration.ofHours(9)));

        assertThat(c.firstResponseDueAt).isEqualTo(pausedAt.plus(Duration.ofHours(9).plusMinutes(40)));
        assertThat(c.resolutionDueAt).isEqualTo(pausedAt.plus(Duration.ofHours(29)));
        assertThat(c.escalationDueAt).isEqualTo(c.firstResponseDueAt);
    }

    @Test
    void aReEscalationCheckOfAnAnsweredCaseKeepsItsRealTimeAndTheAnswerStays() {
        SupportCase c = unanswered(Severity.HIGH, at("2026-11-26T10:00"), at("2026-11-29T18:00"));
        c.firstRespondedAt = at("2026-11-26T11:00");
        c.status = CaseStatus.RESPONDED;
        // A re-escalation check an hour after an escalation: real time, not office hours.
        c.escalationDueAt = at("2026-11-26T16:30");

        clocks.pause(c, at("2026-11-26T16:00"));
        clocks.resume(c, at("2026-11-28T09:00"));

        assertThat(c.escalationDueAt).isEqualTo(at("2026-11-28T09:30"));
        assertThat(c.firstResponseDueAt).isEqualTo(at("2026-11-26T10:00"));
        assertThat(c.status).isEqualTo(CaseStatus.RESPONDED);
    }

    @Test
    void theResolutionTimerMovesWithTheResolutionDeadlineByTheOfficeHoursLeft() {
        SupportCase c = unanswered(Severity.MEDIUM, at("2026-11-26T17:30"), at("2026-11-30T12:00"));
        c.firstRespondedAt = at("2026-11-26T09:00");
        c.status = CaseStatus.RESPONDED;
        c.escalationDueAt = null;
        c.resolutionEscalationDueAt = c.resolutionDueAt;

        clocks.pause(c, at("2026-11-26T16:00"));
        clocks.resume(c, at("2026-11-29T10:00"));

        // 16 office hours were left (Thursday 16:00 to 18:00, Sunday, Monday to 12:00): they run again from Sunday 10:00.
        assertThat(c.resolutionDueAt).isEqualTo(at("2026-11-30T16:00"));
        assertThat(c.resolutionEscalationDueAt).isEqualTo(c.resolutionDueAt);
        assertThat(c.escalationDueAt).isNull();
        assertThat(c.status).isEqualTo(CaseStatus.RESPONDED);
    }

    @Test
    void aResolutionMissedBeforeTheWaitStaysDueAndAFiredTimerStaysOff() {
        SupportCase missed = unanswered(Severity.MEDIUM, at("2026-11-26T10:00"), at("2026-11-26T12:00"));
        missed.resolutionEscalationDueAt = missed.resolutionDueAt;
        SupportCase fired = unanswered(Severity.MEDIUM, at("2026-11-26T10:00"), at("2026-11-26T12:00"));
        fired.resolutionEscalationDueAt = null;

        for (SupportCase c : new SupportCase[] { missed, fired }) {
            clocks.pause(c, at("2026-11-26T16:00"));
            clocks.resume(c, at("2026-11-29T10:00"));
        }

        assertThat(missed.resolutionDueAt).isEqualTo(at("2026-11-26T12:00"));
        assertThat(missed.resolutionEscalationDueAt).isEqualTo(at("2026-11-26T12:00"));
        assertThat(fired.resolutionDueAt).isEqualTo(at("2026-11-26T12:00"));
        assertThat(fired.resolutionEscalationDueAt).isNull();
    }

    @Test
    void aDeadlineMissedBeforeTheWaitStaysMissed() {
        SupportCase c = unanswered(Severity.MEDIUM, at("2026-11-26T12:00"), null);

        clocks.pause(c, at("2026-11-26T16:00"));
        clocks.resume(c, at("2026-11-29T10:00"));

        assertThat(c.firstResponseDueAt).isEqualTo(at("2026-11-26T12:00"));
        assertThat(c.escalationDueAt).isEqualTo(at("2026-11-26T12:00"));
        assertThat(c.resolutionDueAt).isNull();
    }
}
