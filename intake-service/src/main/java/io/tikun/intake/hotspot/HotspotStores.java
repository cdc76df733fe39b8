package io.tikun.intake.hotspot;

/** The topology's state stores; each is backed by a changelog topic, so another instance takes a partition over. */
final class HotspotStores {

    /** Sightings in time order ({@code receivedAt|subject|complaintId}), so the window's tail is a range scan. */
    static final String SIGHTINGS = "hotspot-sightings";
    /** {@code subject|customerId} to the customer's latest sighting of the subject in the window. */
    static final String CUSTOMERS = "hotspot-customers";
    /** Per subject: complaints and distinct customers in the window, and the latest sightings. */
    static final String SUMMARIES = "hotspot-summaries";
    /** {@code hour|subject} to the customers first seen about the subject in that hour: the seasonal baseline. */
    static final String HOURLY = "hotspot-hourly";
    /** Per subject: when it was last raised (the cool-down). */
    static final String RAISED = "hotspot-raised";
    /** Per subject: when it was last seen, while that is within the baseline weeks (the subjects a kind tests). */
    static final String SUBJECTS = "hotspot-subjects";
    /** The first and latest receipt times seen, so the baseline knows how many weeks of history exist. */
    static final String CLOCK = "hotspot-clock";

    static final String FIRST_SEEN = "first-seen";
    static final String LATEST = "latest";
    /** When the subjects last seen before the baseline weeks were last let go. */
    static final String SUBJECTS_SWEPT = "subjects-swept";

    private HotspotStores() {
    }

    static String sightingKey(long receivedAt, String subject, String complaintId) {
        return String.format("%013d|%s|%s", receivedAt, subject, complaintId);
    }

    /** Upper bound (exclusive) of the sightings received before {@code millis}. */
    static String sightingsBefore(long millis) {
        return String.format("%013d|", millis);
    }

    static String hourKey(long hour, String subject) {
        return String.format("%010d|%s", hour, subject);
    }

    static String hoursBefore(long hour) {
        return String.format("%010d|", hour);
    }

    /** The clock store's key of how many subjects of a kind were seen in the baseline weeks. */
    static String subjectCountKey(HotspotSubject.Kind kind) {
        return "subjects|" + kind;
    }

    /**
     * The hourly store's pseudo-subject counting every subject of a kind together (the shape of the week); a subject
     * key always has a colon, this one never does.
     */
    static String kindTotal(HotspotSubject.Kind kind) {
        return "all " + kind;
    }

    static String customerKey(String subject, String customerId) {
        return subject + "|" + customerId;
    }
}
