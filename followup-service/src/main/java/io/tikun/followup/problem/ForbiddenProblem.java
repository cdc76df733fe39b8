package io.tikun.followup.problem;

/** The caller's role allows the operation, but not on something another person owns; answered with 403. */
public class ForbiddenProblem extends RuntimeException {

    public ForbiddenProblem(String message) {
        super(message, null, false, false);
    }
}
