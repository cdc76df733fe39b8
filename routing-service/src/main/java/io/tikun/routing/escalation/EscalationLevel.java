package io.tikun.routing.escalation;

/** The escalation ladder, from the first desk up to the service manager's personal call. */
public enum EscalationLevel {
    FRONTLINE,
    TEAM_LEAD,
    SERVICE_MANAGER,
    MANAGER_CALLBACK;

    public boolean isAtLeast(EscalationLevel other) {
        return ordinal() >= other.ordinal();
    }
}
