package io.tikun.routing.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.callback.CallbackOutcome;
import io.tikun.routing.callback.CallbackOutcomeRequest;
import io.tikun.routing.commitment.NewCommitmentRequest;

/**
 * The console's outcome form of one callback as the manager filled it (a resolved call with its root cause, and the
 * category when the manager corrects the case's): the request for {@code CallbackService} once every
 * field the outcome needs is there, else the reason in the page's language. Times are local date-times in the user's zone
 * ({@code <input type="datetime-local">}).
 */
@TemplateData
public record CallbackForm(UUID taskId, String outcome, String note, String what, String owner, String due,
        String retryAt, String category, String rootCause) {

    static final int MAX_NOTE = 5000;
    static final int MAX_WHAT = 2000;
    static final int MAX_OWNER = 200;

    static CallbackForm empty(UUID taskId) {
        return new CallbackForm(taskId, null, "", "", "", "", "", "", "");
    }

    public CallbackForm {
        note = strip(note);
        what = strip(what);
        owner = strip(owner);
        due = strip(due);
        retryAt = strip(retryAt);
        category = strip(category);
        rootCause = strip(rootCause);
        outcome = outcome == null ? null : outcome.strip().toUpperCase(Locale.ROOT);
    }

    public boolean is(String value) {
        return value.equals(outcome);
    }

    /** The request, or why there is none yet. */
    Checked check(ZoneId zone, Instant now, ConsoleMessages m) {
        try {
            return new Checked(request(zone, now, m), null);
        } catch (Refused refused) {
            return new Checked(null, refused.getMessage());
        }
    }

    /** A request to record, or the reason ({@code refusal}) there is none. */
    record Checked(CallbackOutcomeRequest request, String refusal) {
    }

    /** The request, or why there is none yet (as a {@link Refused}). */
    CallbackOutcomeRequest request(ZoneId zone, Instant now, ConsoleMessages m) {
        CallbackOutcome chosen = parse(outcome);
        if (chosen == null) {
            throw new Refused(m.needOutcome());
        }
        if (note.length() > MAX_NOTE || what.length() > MAX_WHAT || owner.length() > MAX_OWNER) {
            throw new Refused(m.notPossible("> " + MAX_NOTE));
        }
        String kept = note.isEmpty() ? null : note;
        return switch (chosen) {
            case REACHED_RESOLVED -> {
                if (kept == null) {
                    throw new Refused(m.needNote());
                }
                if (rootCause.isEmpty()) {
                    throw new Refused(m.needRootCause());
                }
                yield CallbackOutcomeRequest.resolved(kept, category.isEmpty() ? null : category, rootCause);
            }
            case REACHED_FIX_PROMISED -> {
                if (what.isEmpty() || owner.isEmpty() || due.isEmpty()) {
                    throw new Refused(m.needPromise());
                }
                yield new CallbackOutcomeRequest(chosen, kept,
                        new NewCommitmentRequest(what, owner, future(due, zone, now, m)));
            }
            case NOT_REACHED -> {
                if (retryAt.isEmpty()) {
                    throw new Refused(m.needRetry());
                }
                yield new CallbackOutcomeRequest(chosen, kept, null, future(retryAt, zone, now, m));
            }
        };
    }

    private static Instant future(String local, ZoneId zone, Instant now, ConsoleMessages m) {
        Instant at;
        try {
            at = LocalDateTime.parse(local).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new Refused(m.needFuture());
        }
        if (!at.isAfter(now)) {
            throw new Refused(m.needFuture());
        }
        return at;
    }

    private static CallbackOutcome parse(String value) {
        if (value == null) {
            return null;
        }
        for (CallbackOutcome o : CallbackOutcome.values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        return null;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** A form the service would refuse, with the reason to show beside it. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
