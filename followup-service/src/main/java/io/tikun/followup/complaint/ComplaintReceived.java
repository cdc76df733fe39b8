package io.tikun.followup.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Follow-up's reading of intake's {@code complaints.received} event (contract:
 * intake-service/src/main/resources/contracts/complaints.received.schema.json): only what the customer's complaint
 * history, the churn trigger and the language to write to the customer in need.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplaintReceived(
        String complaintId,
        String reference,
        ComplaintChannel channel,
        Customer customer,
        String subject,
        Severity severity,
        List<Reason> reasons,
        Instant receivedAt,
        String language,
        Classification classification,
        /** True for intake's synthetic probe complaint: kept out of every follow-up report. */
        Boolean probe) {

    /** A customer's complaint, as intakes before probes sent it. */
    public ComplaintReceived(String complaintId, String reference, ComplaintChannel channel, Customer customer,
            String subject, Severity severity, List<Reason> reasons, Instant receivedAt, String language,
            Classification classification) {
        this(complaintId, reference, channel, customer, subject, severity, reasons, receivedAt, language,
                classification, null);
    }

    /** Whether this is a probe (the mystery shopper). */
    public boolean isProbe() {
        return Boolean.TRUE.equals(probe);
    }

    /** The severity signal intake records when the customer says they will leave ("cancel", "עוזב"…). */
    public static final String CHURN_INTENT = "CHURN_INTENT";

    /** What intake's {@code language} says when it could not tell (e.g. a message of emoji only). */
    public static final String UNDETERMINED_LANGUAGE = "und";

    /** Intake's codes: ISO 639-1, or {@code und} when it could not tell. */
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}|" + UNDETERMINED_LANGUAGE);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customer(String id, String name) {
    }

    /** Only the category code of intake's classification (operator-configured codes, so a string). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Classification(String category) {
    }

    /** The category intake classified the complaint in; null when the event has no classification. */
    public String category() {
        return classification == null || classification.category() == null || classification.category().isBlank()
                ? null
                : classification.category().strip();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String signal, Severity implies, String evidence) {
    }

    /**
     * The language intake detected, lower-cased; null when the event has none or one that is not a language code
     * (the field came with intake's language detection: older events lack it, and it is not worth dead-lettering a
     * complaint for).
     */
    public String languageCode() {
        if (language == null) {
            return null;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        return LANGUAGE_CODE.matcher(code).matches() ? code : null;
    }

    public boolean churnIntent() {
        return reasons != null && reasons.stream().anyMatch(r -> CHURN_INTENT.equals(r.signal()));
    }

    /** Fields follow-up cannot file a complaint without; a message lacking them is dead-lettered. */
    public void requireComplete() {
        if (complaintId == null || reference == null || channel == null || customer == null || customer.id() == null
                || subject == null || severity == null || reasons == null || receivedAt == null) {
            throw new IllegalArgumentException("complaints.received event lacks required fields");
        }
    }
}
