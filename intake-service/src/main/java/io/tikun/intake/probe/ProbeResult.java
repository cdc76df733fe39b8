package io.tikun.intake.probe;

import java.time.Instant;

/**
 * One probe of a run: the channel, the key it was filed under, when it was sent, and how the channel answered.
 *
 * @param status the channel's HTTP status (303 for the form, 200 for a webhook), 250 for a mail the SMTP server took,
 *        or 0 when nothing was answered
 * @param detail why it failed, or null
 */
public record ProbeResult(ProbeChannel channel, String dedupKey, Instant sentAt, int status, boolean accepted,
        String detail) {
}
