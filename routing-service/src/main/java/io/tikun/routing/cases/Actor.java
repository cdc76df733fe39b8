package io.tikun.routing.cases;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.tikun.routing.problem.ForbiddenProblem;

/**
 * Who acts on a case: agents work the cases they hold (or that nobody holds yet), managers and admins every case.
 * {@code name} is how the customer sees them sign (the token's {@code name}, else the user name); {@code email} is the
 * token's {@code email} claim, or null.
 */
public record Actor(String user, String name, boolean actsOnEveryCase, String email) {

    static final String HELD_BY_ANOTHER = "The case is held by another agent; ask a manager to reassign it.";

    public static Actor of(SecurityIdentity identity) {
        String user = identity.getPrincipal().getName();
        String name = null;
        String email = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            name = token.getClaim("name");
            email = token.getClaim("email");
        }
        return new Actor(user, name == null || name.isBlank() ? user : name,
                identity.hasRole("manager") || identity.hasRole("admin"), email == null || email.isBlank() ? null : email);
    }

    /** Refuses an agent a case someone else holds; the same answer whatever the case's state, so it is checked first. */
    public void requireMayAct(SupportCase c) {
        if (!actsOnEveryCase && c.assignee != null && !c.assignee.equals(user)) {
            throw new ForbiddenProblem(HELD_BY_ANOTHER);
        }
    }
}
