package io.tikun.routing.problem;

/** The client's If-Match version is no longer current: someone else changed the resource; answered with 412. */
public class StaleVersionProblem extends RuntimeException {

    public StaleVersionProblem(String message) {
        super(message, null, false, false);
    }
}
