package io.tikun.intake.email;

/** Upper bounds the e-mail parser enforces so that one hostile message cannot exhaust the service. */
public record EmailLimits(long maxAttachmentBytes, int maxParts, int maxTextChars) {

    /** Attachments above this are listed with {@code overCap}; a complaint never needs more. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    /** Real client messages have a handful of parts; hundreds mean a MIME bomb. */
    public static final int DEFAULT_MAX_PARTS = 100;
    /** Far longer than any complaint a person writes; the rest is pasted logs or history. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;

    public static final EmailLimits DEFAULTS = new EmailLimits(DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_MAX_PARTS,
            DEFAULT_MAX_TEXT_CHARS);

    public EmailLimits {
        if (maxAttachmentBytes <= 0 || maxParts <= 0 || maxTextChars <= 0) {
            throw new IllegalArgumentException("e-mail limits must be positive");
        }
    }
}
