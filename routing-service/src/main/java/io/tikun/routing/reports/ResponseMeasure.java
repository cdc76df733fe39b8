package io.tikun.routing.reports;

import java.time.Instant;

import io.tikun.routing.escalation.Severity;

/**
 * One answer to the customer: what it answered ({@code askedAt}: the complaint's receipt, or the customer's
 * earliest message still unanswered), when, by whom, and the case's channel and severity.
 */
public record ResponseMeasure(Severity severity, String channel, String agent, Instant askedAt, Instant answeredAt) {
}
