package io.tikun.routing.problem;

/** The request does not fit the resource's current state (e.g. resolving a resolved case); answered with 409. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String message) {
        super(message, null, false, false);
    }
}
