package io.tikun.routing.intake;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.tikun.routing.escalation.Severity;

/**
 * Routing's reading of intake's {@code complaints.received} event (contract:
 * intake-service/src/main/resources/contracts/complaints.received.schema.json); {@code language} is the detected
 * language of the text (he, en, ar, ru, or und); {@code classification} what it is about (null from intakes before
 * classification existed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintReceived(
        String complaintId,
        String reference,
        String channel,
        Customer customer,
        String subject,
        String body,
        Severity severity,
        List<Reason> reasons,
        Instant receivedAt,
        Instant expectedResponseBy,
        String language,
        Classification classification,
        /** True for intake's synthetic probe complaint (the mystery shopper); null or absent for customers'. */
        Boolean probe,
        /** When the probe was sent; null for customers' complaints. */
        Instant probeSentAt,
        /** The files attached to an e-mail complaint, as metadata; null or empty when none. */
        List<Attachment> attachments) {

    /** A customer's complaint, as intakes before probes sent it. */
    public ComplaintReceived(String complaintId, String reference, String channel, Customer customer, String subject,
            String body, Severity severity, List<Reason> reasons, Instant receivedAt, Instant expectedResponseBy,
            String language, Classification classification) {
        this(complaintId, reference, channel, customer, subject, body, severity, reasons, receivedAt,
                expectedResponseBy, language, classification, null, null, null);
    }

    /** The attachments, never null. */
    public List<Attachment> attachedFiles() {
        return attachments == null ? List.of() : attachments;
    }

    /** Whether this is a probe, kept out of every report but the probe report. */
    public boolean isProbe() {
        return Boolean.TRUE.equals(probe);
    }

    /** Intake's classifier's reading: the category code (configurable there, so a string), product and order numbers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Classification(Product product, String category, List<String> categoryEvidence,
            List<String> orderNumbers) {
    }

    /** A catalogue product and the words that named it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(String id, String name, List<String> evidence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String name, String email, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String signal, Severity implies, String evidence) {

        /** The signal as routing knows it; the raw {@code signal} stays for display. */
        public Signal kind() {
            return Signal.of(signal);
        }
    }

    /** Whether intake itself says the customer complained before. */
    public boolean saysRepeat() {
        return reasons != null && reasons.stream().anyMatch(r -> r.kind() == Signal.REPEAT_COMPLAINTS);
    }

    /** Fields routing cannot work without; a message lacking them goes to the dead-letter topic. */
    public void requireComplete() {
        if (complaintId == null || reference == null || customer == null || customer.id() == null
                || customer.name() == null || severity == null || receivedAt == null || expectedResponseBy == null) {
            throw new IllegalArgumentException("complaints.received event lacks required fields");
        }
    }
}
