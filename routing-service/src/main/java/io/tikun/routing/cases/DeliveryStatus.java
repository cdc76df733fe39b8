package io.tikun.routing.cases;

/**
 * How far a message routing asked intake to deliver has come, in the order states are reached: a state is only
 * ever replaced by a later one.
 */
public enum DeliveryStatus {
    /** Asked of intake; nothing reported yet. */
    REQUESTED,
    /** The provider accepted it. */
    SENT,
    /** The network reported delivery. */
    DELIVERED,
    /** Intake gave up; the reason says why. */
    FAILED;

    /** Whether this state comes after {@code held} (a state older or equal to the one held is ignored). */
    public boolean isLaterThan(DeliveryStatus held) {
        return held == null || ordinal() > held.ordinal();
    }
}
