package io.tikun.routing.notification;

/** Why a manager (or, for a failed delivery, the case's agent) is being notified. */
public enum NotificationKind {
    /** A new case severe enough that the manager hears of it at once. */
    SEVERE_CASE_OPENED,
    /** A case moved up the ladder. */
    ESCALATED,
    /** The service manager owes the customer a personal call (a new callback task or a retry). */
    CALLBACK_ASSIGNED,
    /** A message to the customer could not be delivered; its case's agent must reach the customer another way. */
    DELIVERY_FAILED,
    /** Complaints concentrate on one subject beyond what its history makes likely (intake's hotspots.detected). */
    HOTSPOT_DETECTED
}
