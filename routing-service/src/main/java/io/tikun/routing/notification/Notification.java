package io.tikun.routing.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tikun.routing.escalation.EscalationLevel;

/**
 * A message to a manager about a case (or, from V27, about a hotspot), stored with the change that caused it and
 * delivered afterwards with retries; unique per case, kind, level and channel (per hotspot, kind, channel and
 * recipient) so it is never sent twice.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    /** The case it is about; null for a hotspot's notification. */
    @Column(name = "case_id")
    public UUID caseId;

    /** The hotspot it is about; null for a case's notification. */
    @Column(name = "hotspot_id")
    public UUID hotspotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationLevel level;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String recipient;

    /** Which time the same thing is announced: the callback attempt, else 1. Part of the unique key. */
    @Column(nullable = false)
    public int occurrence = 1;

    @Column(nullable = false)
    public String subject;

    /** The text part of an e-mail, the JSON body of a webhook or of a stream event. */
    @Column(nullable = false)
    public String body;

    /** The HTML part of an e-mail; null on other channels. */
    @Column(name = "html_body")
    public String htmlBody;

    /** The recipient's language ({@code en}, {@code he}). */
    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    /** The instance that holds the current claim (kept after delivery, to tell who sent it). */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** Drawn anew for every claim; only the holder of the current token may mark the row. */
    @Column(name = "claim_token")
    public UUID claimToken;

    /** The claim lapses then, and another instance may take the row. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** A new row waiting for its first delivery attempt; the caller says what it is about (case or hotspot). */
    public static Notification pending(NotificationKind kind, EscalationLevel level, String channel, String recipient,
            String language, String subject, String body, String html, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.kind = kind;
        n.level = level;
        n.channel = channel;
        n.recipient = recipient;
        n.language = language;
        n.subject = subject;
        n.body = body;
        n.htmlBody = html;
        n.state = DeliveryState.PENDING;
        n.createdAt = now;
        n.availableAt = now;
        return n;
    }
}
