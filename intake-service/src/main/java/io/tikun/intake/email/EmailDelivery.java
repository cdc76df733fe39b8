package io.tikun.intake.email;

/** What an inbound e-mail became. */
public record EmailDelivery(Outcome outcome, String complaintId, String reference, String ignoredAs) {

    /** A new complaint, a re-delivery of one, a further message on one, or automated mail set aside. */
    public enum Outcome {
        CREATED,
        REPEATED,
        THREADED,
        IGNORED
    }
}
