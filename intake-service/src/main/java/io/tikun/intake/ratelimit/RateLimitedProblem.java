package io.tikun.intake.ratelimit;

/** A request over its budget: answered 429 with {@code Retry-After} the seconds until the window ends. */
public class RateLimitedProblem extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitedProblem(String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
