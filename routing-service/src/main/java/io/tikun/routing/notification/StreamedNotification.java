package io.tikun.routing.notification;

import java.time.Instant;
import java.util.UUID;

import io.tikun.routing.escalation.EscalationLevel;

/**
 * One event of the live notification stream ({@code text/event-stream}, JSON data): what happened to
 * which case, with the one-line text a manager reads.
 */
public record StreamedNotification(UUID id, UUID caseId, String reference, String kind, EscalationLevel level,
        String severity, String customerName, String text, String reason, Instant callbackDueAt, Instant at) {
}
