package io.tikun.routing.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.intake.Attachment;

/** A case: one customer complaint being handled, with its place on the escalation ladder. */
@Entity
@Table(name = "support_case")
public class SupportCase {

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false, unique = true)
    public String complaintId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_phone")
    public String customerPhone;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "first_response_due_at", nullable = false)
    public Instant firstResponseDueAt;

    /** The agent who owns the case; null while it waits in the queue. */
    @Column
    public String assignee;

    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;

    /** Who gave the first response; response-time reports credit them. */
    @Column(name = "first_responded_by")
    public String firstRespondedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column
    public String resolution;

    /**
     * When the job next checks this case for a missed first response; null while no timer runs
     * (answered, resolved, or at the top of the ladder).
     */
    @Column(name = "escalation_due_at")
    public Instant escalationDueAt;

    /** When the service manager must have called the customer back; set on reaching MANAGER_CALLBACK. */
    @Column(name = "callback_due_at")
    public Instant callbackDueAt;

    /** Since when the case waits on the customer: all its clocks stand still; null while they run. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    /** The resolution target on the severity's calendar; null for cases opened before it was stored. */
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    /**
     * When the job escalates the case for a missed resolution: the resolution deadline while that is still
     * guarded; null once it fired, when the case is resolved, or for cases without a resolution deadline.
     */
    @Column(name = "resolution_escalation_due_at")
    public Instant resolutionEscalationDueAt;

    /** When the customer's unanswered further message makes the case climb; null when none waits. */
    @Column(name = "reply_due_at")
    public Instant replyDueAt;

    /** The complaint's language (he, en, ar, ru): every text to the customer is written in it. */
    @Column(nullable = false)
    public String language;

    /**
     * The case's category code (delivery, billing…): intake's classifier's until the case is resolved, then the one the
     * agent confirmed or chose; null for cases opened without a classification and not yet resolved.
     */
    @Column(length = 40)
    public String category;

    /** What intake's classifier said, kept when an agent corrects {@link #category}; null without a classification. */
    @Column(name = "classified_category", length = 40)
    public String classifiedCategory;

    /** The root cause the agent named at the latest resolution (a code of the configured list); null before. */
    @Column(name = "root_cause", length = 60)
    public String rootCause;

    /** Intake's catalogue product the complaint names; null when it names none. */
    @Column(name = "product_id", length = 100)
    public String productId;

    /** The order numbers the complaint mentions; null for cases opened before they were read. */
    @Column(name = "order_numbers")
    public String[] orderNumbers;

    /** The reasons intake gave for the severity, as given; null for cases opened before they were kept (V37). */
    @Column(name = "severity_reasons")
    @Convert(converter = SeverityReasonsColumn.class)
    public List<SeverityReason> severityReasons;

    /** The files attached to the complaint (metadata only); null for cases opened before V38. */
    @Column(name = "attachments")
    @Convert(converter = AttachmentsColumn.class)
    public List<Attachment> attachments;

    /** How many times the case was resolved; numbers the thank-you of each resolution. */
    @Column(nullable = false)
    public int resolutions;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Whether the first response came by its deadline; null while none was given. The deadline is the one the case
     * has now (moved while it waited on the customer).
     */
    public Boolean firstResponseWithinSla() {
        return firstRespondedAt == null ? null : !firstRespondedAt.isAfter(firstResponseDueAt);
    }

    /** A synthetic probe complaint's case: handled like any other, counted only in the probe report. */
    @Column(nullable = false)
    public boolean probe;

    /** When the probe was sent (the start of its time to acknowledgement and to first response); null otherwise. */
    @Column(name = "probe_sent_at")
    public Instant probeSentAt;
}
