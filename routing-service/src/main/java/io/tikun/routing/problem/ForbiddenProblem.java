package io.tikun.routing.problem;

/** The caller's role allows the operation, but not on this resource (e.g. a case another agent holds); 403. */
public class ForbiddenProblem extends RuntimeException {

    public ForbiddenProblem(String message) {
        super(message, null, false, false);
    }
}
