package io.tikun.intake.acknowledgement;

/** The e-mail that tells a customer we have their complaint, its reference, and by when they will hear from us. */
public record AcknowledgementMail(String to, String subject, String body, String inReplyTo) {
}
