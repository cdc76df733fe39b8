package io.tikun.routing.cases;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.sla.BusinessCalendar;
import io.tikun.routing.sla.SlaClock;

/**
 * Stops and restarts the clocks of a case that waits on the customer. On resuming, the SLA deadlines keep
 * the business time they had left on the severity's calendar; the escalation timer follows the
 * first-response deadline while it guards it, and otherwise (a re-escalation check, counted in real time)
 * keeps the real time it had left; the resolution timer follows the resolution deadline.
 */
@ApplicationScoped
public class CaseClocks {

    private final SlaClock sla;

    public CaseClocks(SlaClock sla) {
        this.sla = sla;
    }

    void pause(SupportCase c, Instant now) {
        c.waitingSince = now;
        c.status = CaseStatus.WAITING_ON_CUSTOMER;
        // Asking the customer something answers whatever they wrote before.
        c.replyDueAt = null;
        c.updatedAt = now;
    }

    /** Ends the wait at {@code now}; the case is back where it was before it (answered or not). */
    public void resume(SupportCase c, Instant now) {
        if (c.waitingSince == null) {
            return;
        }
        Instant pausedAt = c.waitingSince;
        BusinessCalendar calendar = sla.calendarFor(c.severity);
        boolean timerGuardsFirstResponse = c.firstResponseDueAt.equals(c.escalationDueAt);
        if (c.firstRespondedAt == null) {
            c.firstResponseDueAt = SlaClock.afterPause(c.firstResponseDueAt, pausedAt, now, calendar);
        }
        if (c.resolutionDueAt != null) {
            c.resolutionDueAt = SlaClock.afterPause(c.resolutionDueAt, pausedAt, now, calendar);
        }
        if (c.resolutionEscalationDueAt != null) {
            // The resolution timer stands on the resolution deadline while armed, so it moves with it.
            c.resolutionEscalationDueAt = c.resolutionDueAt;
        }
        if (c.escalationDueAt != null) {
            c.escalationDueAt = timerGuardsFirstResponse ? c.firstResponseDueAt
                    : SlaClock.afterPause(c.escalationDueAt, pausedAt, now, BusinessCalendar.aroundTheClock());
        }
        c.waitingSince = null;
        c.status = c.firstRespondedAt != null ? CaseStatus.RESPONDED : CaseStatus.OPEN;
        c.updatedAt = now;
    }
}
