package io.tikun.routing.probe;

import java.time.Instant;

/** One probe's case as the report reads it: its channel and its three moments (the last null while unanswered). */
public record ProbeCase(String channel, Instant sentAt, Instant acknowledgedAt, Instant firstRespondedAt) {
}
