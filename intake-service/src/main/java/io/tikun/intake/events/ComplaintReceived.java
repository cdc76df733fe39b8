package io.tikun.intake.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tikun.intake.classification.Classification;
import io.tikun.intake.complaint.Attachment;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityReason;

/**
 * {@code complaints.received}: a new complaint, normalized and judged. Contract:
 * {@code contracts/complaints.received.schema.json}.
 */
public record ComplaintReceived(
        String complaintId,
        String reference,
        String channel,
        CustomerRef customer,
        String subject,
        String body,
        Severity severity,
        List<SeverityReason> reasons,
        Instant receivedAt,
        Instant expectedResponseBy,
        boolean publicPost,
        Long reach,
        /** ISO 639-1 code of the language the customer wrote in, or "und". */
        String language,
        /** What it is about: product (or null), category with evidence, order numbers. */
        Classification classification,
        /** True for a synthetic probe complaint (kept out of statistics and histories); absent for customers'. */
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean probe,
        /** When the probe was sent, the start of its time to acknowledgement; absent for customers' complaints. */
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant probeSentAt,
        /** The files attached to an e-mail complaint (name, type, size, SHA-256; never the content); absent when none. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments) {

    public ComplaintReceived {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A customer's complaint. */
    public ComplaintReceived(String complaintId, String reference, String channel, CustomerRef customer,
            String subject, String body, Severity severity, List<SeverityReason> reasons, Instant receivedAt,
            Instant expectedResponseBy, boolean publicPost, Long reach, String language,
            Classification classification) {
        this(complaintId, reference, channel, customer, subject, body, severity, reasons, receivedAt,
                expectedResponseBy, publicPost, reach, language, classification, null, null, List.of());
    }

    public static final String TYPE = "tikun.complaint.received";
    public static final String TOPIC = "complaints.received";
    /** The urgent lane: the same contract, for the events of HIGH and CRITICAL complaints (see {@link UrgentLane}). */
    public static final String URGENT_TOPIC = "complaints.received.urgent";

    /** The customer as routing and follow-up need to reach them. */
    public record CustomerRef(String id, String name, String email, String phone) {
    }
}
