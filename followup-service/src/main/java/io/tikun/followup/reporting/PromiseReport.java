package io.tikun.followup.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How well promises were kept in {@code [from, to)}, computed from follow-up's tables.
 *
 * @param keptOnTime commitments due in the window that are settled (VERIFIED, BROKEN or UNCONFIRMED), and how many of
 *        them were kept on time: verified by the customer, with the claim they confirmed made by the due date
 * @param verifiedFix commitments verified in the window, and the mean time from the promise to the customer's
 *        confirmation
 * @param broken commitments that broke in the window, per owner and per team
 * @param csat ratings given in the window
 */
public record PromiseReport(Instant from, Instant to, KeptOnTime keptOnTime, VerifiedFix verifiedFix, Broken broken,
        Csat csat) {

    /** @param percent null when nothing due in the window is settled */
    public record KeptOnTime(long settled, long kept, Double percent) {
    }

    /** @param mean ISO-8601 duration, e.g. PT180H; null when nothing was verified in the window */
    public record VerifiedFix(long verified, String mean, Double meanSeconds) {
    }

    public record Broken(long total, List<OwnerCount> byOwner, List<TeamCount> byTeam) {
    }

    public record OwnerCount(String owner, String team, long broken) {
    }

    public record TeamCount(String team, long broken) {
    }

    /**
     * @param average null without ratings
     * @param distribution how many ratings of each score, 1 to 5 (every score present, zero included)
     */
    public record Csat(long responses, Double average, Map<Integer, Long> distribution) {
    }
}
