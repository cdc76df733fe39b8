package io.tikun.followup.access;

import java.util.Objects;

import io.quarkus.security.identity.SecurityIdentity;
import io.tikun.followup.problem.ForbiddenProblem;

/**
 * Who is calling and whether they may act on what another person owns: an agent acts only on the promises and
 * tasks that are theirs, managers and admins on all of them.
 */
public record Caller(String name, boolean actsForEveryone) {

    /** Roles that may act on any owner's promises and tasks. */
    private static final String[] EVERY_OWNER = { "manager", "admin" };

    public Caller {
        Objects.requireNonNull(name, "name");
    }

    public static Caller of(SecurityIdentity identity) {
        boolean everyone = false;
        for (String role : EVERY_OWNER) {
            everyone |= identity.hasRole(role);
        }
        return new Caller(identity.getPrincipal().getName(), everyone);
    }

    /** Someone acting for no particular person (the customer's link, the scheduler). */
    public static Caller system(String name) {
        return new Caller(name, true);
    }

    /**
     * @param owner the person the thing belongs to; null when nobody holds it yet, which only a manager or admin
     *        may act on
     * @throws ForbiddenProblem when the caller may not act on it
     */
    public void requireMayActFor(String owner, String what) {
        if (!actsForEveryone && !name.equals(owner)) {
            throw new ForbiddenProblem(owner == null
                    ? "Nobody holds " + what + " yet; only a manager or admin may act on it."
                    : "Only " + what + "'s owner, a manager or an admin may do this.");
        }
    }
}
