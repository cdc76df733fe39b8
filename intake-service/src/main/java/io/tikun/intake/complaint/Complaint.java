package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.List;

import io.tikun.intake.classification.Classification;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.probe.ProbeMark;
import io.tikun.intake.severity.SeverityAssessment;

/** A complaint as intake stores it: normalized, tied to its customer and judged. */
public record Complaint(
        String id,
        String reference,
        String channel,
        Customer customer,
        String subject,
        String body,
        SeverityAssessment assessment,
        Instant receivedAt,
        Instant expectedResponseBy,
        String idempotencyKey,
        String requestFingerprint,
        boolean publicPost,
        Long reach,
        String conversationId,
        /** ISO 639-1 code of the language the customer wrote in, or "und" when undetermined. */
        String language,
        /** How the delivery was damaged in transit (the text is what could be read), or null when intact. */
        String damage,
        /** The channel client that filed it (it may read it back), or null. */
        String filedBy,
        /** Files the customer attached (e-mail), without their content. */
        List<Attachment> attachments,
        /** What it is about: product, category and order numbers, with evidence. */
        Classification classification,
        /** The probe run that sent it (a synthetic complaint, kept out of statistics and histories), or null. */
        ProbeMark probe) {

    public Complaint {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        classification = classification == null ? Classification.UNCLASSIFIED : classification;
    }

    /** A customer's complaint (not a probe). */
    public Complaint(String id, String reference, String channel, Customer customer, String subject, String body,
            SeverityAssessment assessment, Instant receivedAt, Instant expectedResponseBy, String idempotencyKey,
            String requestFingerprint, boolean publicPost, Long reach, String conversationId, String language,
            String damage, String filedBy, List<Attachment> attachments, Classification classification) {
        this(id, reference, channel, customer, subject, body, assessment, receivedAt, expectedResponseBy,
                idempotencyKey, requestFingerprint, publicPost, reach, conversationId, language, damage, filedBy,
                attachments, classification, null);
    }

    /** An unclassified complaint with attachments. */
    public Complaint(String id, String reference, String channel, Customer customer, String subject, String body,
            SeverityAssessment assessment, Instant receivedAt, Instant expectedResponseBy, String idempotencyKey,
            String requestFingerprint, boolean publicPost, Long reach, String conversationId, String language,
            String damage, String filedBy, List<Attachment> attachments) {
        this(id, reference, channel, customer, subject, body, assessment, receivedAt, expectedResponseBy,
                idempotencyKey, requestFingerprint, publicPost, reach, conversationId, language, damage, filedBy,
                attachments, Classification.UNCLASSIFIED);
    }

    /** A complaint without attachments. */
    public Complaint(String id, String reference, String channel, Customer customer, String subject, String body,
            SeverityAssessment assessment, Instant receivedAt, Instant expectedResponseBy, String idempotencyKey,
            String requestFingerprint, boolean publicPost, Long reach, String conversationId, String language,
            String damage, String filedBy) {
        this(id, reference, channel, customer, subject, body, assessment, receivedAt, expectedResponseBy,
                idempotencyKey, requestFingerprint, publicPost, reach, conversationId, language, damage, filedBy,
                List.of());
    }

    /** An intact complaint no channel client filed. */
    public Complaint(String id, String reference, String channel, Customer customer, String subject, String body,
            SeverityAssessment assessment, Instant receivedAt, Instant expectedResponseBy, String idempotencyKey,
            String requestFingerprint, boolean publicPost, Long reach, String conversationId, String language) {
        this(id, reference, channel, customer, subject, body, assessment, receivedAt, expectedResponseBy,
                idempotencyKey, requestFingerprint, publicPost, reach, conversationId, language, null, null);
    }

    /** The same complaint under another reference. */
    public Complaint withReference(String newReference) {
        return new Complaint(id, newReference, channel, customer, subject, body, assessment, receivedAt,
                expectedResponseBy, idempotencyKey, requestFingerprint, publicPost, reach, conversationId, language,
                damage, filedBy, attachments, classification, probe);
    }

    public boolean isProbe() {
        return probe != null;
    }

    public boolean damaged() {
        return damage != null;
    }
}
