package io.tikun.routing.notification;

/** Why a manager is being notified. */
public enum NotificationKind {
    /** A new case severe enough that the manager hears of it at once. */
    SEVERE_CASE_OPENED,
    /** A case moved up the ladder. */
    ESCALATED,
    /** The service manager owes the customer a personal call (a new callback task or a retry). */
    CALLBACK_ASSIGNED
}
