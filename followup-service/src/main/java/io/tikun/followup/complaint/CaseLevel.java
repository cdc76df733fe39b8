package io.tikun.followup.complaint;

/** The escalation level of a case, as routing's {@code cases.updated} schema enumerates it, lowest first. */
public enum CaseLevel {
    FRONTLINE,
    TEAM_LEAD,
    SERVICE_MANAGER,
    MANAGER_CALLBACK;

    /** The higher of two levels; either may be null (not known). */
    public static CaseLevel higher(CaseLevel a, CaseLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
