package io.tikun.routing.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.tikun.routing.commitment.NewCommitmentRequest;

/**
 * The case page's promise form read and checked: {@code dueAt} is a {@code datetime-local} value on the user's wall
 * clock, turned into an instant in the user's zone; the limits are the REST API's ({@link NewCommitmentRequest}).
 */
public final class PromiseForm {

    static final int MAX_WHAT = 2000;
    static final int MAX_OWNER = 200;

    /** Why the form was refused. */
    public enum Problem {
        WHAT_MISSING,
        WHAT_TOO_LONG,
        OWNER_MISSING,
        OWNER_TOO_LONG,
        DUE_INVALID
    }

    /** The request to make, or the first problem found. */
    public record Checked(NewCommitmentRequest request, Problem problem) {
    }

    private PromiseForm() {
    }

    public static Checked check(String what, String owner, String dueAt, ZoneId zone, Instant now) {
        String w = what == null ? "" : what.strip();
        String o = owner == null ? "" : owner.strip();
        if (w.isEmpty()) {
            return new Checked(null, Problem.WHAT_MISSING);
        }
        if (w.length() > MAX_WHAT) {
            return new Checked(null, Problem.WHAT_TOO_LONG);
        }
        if (o.isEmpty()) {
            return new Checked(null, Problem.OWNER_MISSING);
        }
        if (o.length() > MAX_OWNER) {
            return new Checked(null, Problem.OWNER_TOO_LONG);
        }
        Instant due = dueAt(dueAt, zone);
        if (due == null || !due.isAfter(now)) {
            return new Checked(null, Problem.DUE_INVALID);
        }
        return new Checked(new NewCommitmentRequest(w, o, due), null);
    }

    /**
     * A {@code datetime-local} value ({@code 2026-12-07T14:30}, seconds optional) on the wall clock of {@code zone};
     * null when unreadable. In a gap (the clocks move forward) it is the time after the gap; in an overlap, the earlier.
     */
    static Instant dueAt(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An instant as a {@code datetime-local} value on the wall clock of {@code zone}, to the minute. */
    public static String local(Instant at, ZoneId zone) {
        return at == null ? ""
                : LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MINUTES), zone)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }
}
