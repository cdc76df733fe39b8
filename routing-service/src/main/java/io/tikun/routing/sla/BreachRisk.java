package io.tikun.routing.sla;

/**
 * How close an SLA timer is to its deadline, for "at risk of breach" queues.
 *
 * @param remaining business time left; negative once the deadline has passed
 * @param consumed share of the target used up: 0 at the start, 1 at the deadline, above 1 when overdue
 */
public record BreachRisk(java.time.Duration remaining, double consumed) {

    /** Whether the deadline has passed; on the deadline itself the target is still met. */
    public boolean breached() {
        return remaining.isNegative();
    }

    /** Whether at least {@code threshold} of the target is used up (e.g. 0.8 for an 80% warning). */
    public boolean atRisk(double threshold) {
        return consumed >= threshold;
    }
}
