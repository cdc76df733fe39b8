package io.tikun.followup.problem;

/** A requested resource does not exist; answered with 404. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String message) {
        super(message, null, false, false);
    }
}
