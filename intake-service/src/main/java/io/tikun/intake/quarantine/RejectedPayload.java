package io.tikun.intake.quarantine;

import java.util.List;

import io.tikun.intake.problem.Problem;

/**
 * A delivery that cannot become a complaint, with the HTTP status and reason to tell the sender.
 * Once kept in quarantine it carries the quarantine id, so sender and operator talk about the same thing.
 */
public class RejectedPayload extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final String quarantineId;

    public RejectedPayload(int status, String title, String detail, List<Problem.Violation> violations) {
        this(status, title, detail, violations, null);
    }

    private RejectedPayload(int status, String title, String detail, List<Problem.Violation> violations,
            String quarantineId) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.quarantineId = quarantineId;
    }

    public RejectedPayload quarantinedAs(String id) {
        return new RejectedPayload(status, title, getMessage(), violations, id);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public String quarantineId() {
        return quarantineId;
    }

    /** The reason as stored with the payload: the detail and every violation. */
    public String reason() {
        if (violations.isEmpty()) {
            return title + ": " + getMessage();
        }
        return title + ": " + violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }
}
