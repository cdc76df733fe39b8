package io.tikun.intake.email;

/** What kind of machine sent a message, if any; such mail must not become a complaint or an escalation. */
public enum AutomatedKind {
    /** Written by a person. */
    NONE,
    /** Vacation / out-of-office or other auto-responder. */
    AUTO_REPLY,
    /** Delivery status notification: our own mail came back. */
    BOUNCE,
    /** Newsletter or mailing-list traffic. */
    BULK
}
