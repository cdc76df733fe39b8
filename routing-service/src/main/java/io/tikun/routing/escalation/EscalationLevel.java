package io.tikun.routing.escalation;

/** The escalation ladder, from the first desk up to the service manager's personal call. */
public enum EscalationLevel {
    FRONTLINE,
    TEAM_LEAD,
    SERVICE_MANAGER,
    MANAGER_CALLBACK;

    /** The rung above this one; the top rung has none above it and stays where it is. */
    public EscalationLevel next() {
        EscalationLevel[] ladder = values();
        return ordinal() + 1 < ladder.length ? ladder[ordinal() + 1] : this;
    }

    public boolean isTop() {
        return next() == this;
    }

    public boolean isAtLeast(EscalationLevel other) {
        return ordinal() >= other.ordinal();
    }
}
