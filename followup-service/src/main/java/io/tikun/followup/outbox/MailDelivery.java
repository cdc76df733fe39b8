package io.tikun.followup.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An e-mail written in the transaction of the change that causes it and sent afterwards by {@link MailRelay}, so a
 * rolled-back change sends nothing and a mail server that is down delays the e-mail instead of losing it.
 */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery {

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailPurpose purpose;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Not before this instant: a claim or a failed attempt pushes it forward. */
    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The relay instance that claimed it last (for operators). */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** Unique per claim: only the holder of the current claim may send the e-mail or record how sending went. */
    @Column(name = "claim_token")
    public UUID claimToken;

    /** Set when the last allowed attempt failed: nobody will try again. */
    @Column(name = "abandoned_at")
    public Instant abandonedAt;

    public static MailDelivery of(UUID commitmentId, MailPurpose purpose, String recipient, String subject, String body,
            Instant now) {
        MailDelivery mail = new MailDelivery();
        mail.id = UUID.randomUUID();
        mail.commitmentId = commitmentId;
        mail.purpose = purpose;
        mail.recipient = recipient;
        mail.subject = subject;
        mail.body = body;
        mail.createdAt = now;
        mail.availableAt = now;
        return mail;
    }
}
