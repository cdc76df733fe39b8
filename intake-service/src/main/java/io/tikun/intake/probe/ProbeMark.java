package io.tikun.intake.probe;

import java.time.Instant;

/** What makes a complaint a probe: the run that sent it, and when it was sent. */
public record ProbeMark(String channel, Instant sentAt) {
}
