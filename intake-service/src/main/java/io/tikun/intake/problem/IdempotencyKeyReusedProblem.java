package io.tikun.intake.problem;

/** An Idempotency-Key came back with a different request; answered with 422. */
public class IdempotencyKeyReusedProblem extends RuntimeException {

    public IdempotencyKeyReusedProblem(String message) {
        super(message, null, false, false);
    }
}
