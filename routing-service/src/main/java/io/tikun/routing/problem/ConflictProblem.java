package io.tikun.routing.problem;

/** The request conflicts with the current state of a resource (e.g. a concurrent update); answered with 409. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String message) {
        super(message, null, false, false);
    }
}
