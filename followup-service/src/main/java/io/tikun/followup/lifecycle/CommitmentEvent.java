package io.tikun.followup.lifecycle;

/** Something that happened to a commitment and may move it to another status. */
public enum CommitmentEvent {
    /** The due date is closer than the configured warning time. */
    DUE_SOON_REACHED("mark due soon"),
    /** The due date passed without a claim. */
    DUE_DATE_PASSED("mark overdue"),
    /** The grace period after the due date passed without a claim. */
    GRACE_PERIOD_PASSED("break"),
    /** The owner says the promise was kept; carries a note saying what was done. */
    OWNER_CLAIMED_DONE("claim done"),
    /** The customer says yes, it was done. */
    CUSTOMER_CONFIRMED("confirm"),
    /** The customer says no, it was not done; carries the customer's comment. */
    CUSTOMER_DENIED("dispute"),
    /** Someone takes up a disputed commitment again with a new due date. */
    REOPENED("reopen"),
    /** The customer answered neither the request nor the reminder. */
    CUSTOMER_SILENT_AFTER_REMINDER("mark unconfirmed");

    private final String verb;

    CommitmentEvent(String verb) {
        this.verb = verb;
    }

    /** How refusals name this event: "cannot {verb} a commitment that is …". */
    public String verb() {
        return verb;
    }
}
