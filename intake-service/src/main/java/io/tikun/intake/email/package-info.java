/**
 * The e-mail channel's parsing unit: raw RFC 5322/MIME bytes in, a {@link io.tikun.intake.email.ParsedEmail} out.
 * <p>
 * {@link io.tikun.intake.email.MimeComplaintParser} reads the MIME tree with Apache mime4j (lenient, no line or header
 * limits, bodies hashed while streamed), prefers text/plain over HTML (converted with jsoup), decodes RFC 2047
 * headers and body charsets with a UTF-8 then windows-1252 fallback, and lists attachments as metadata only.
 * {@link io.tikun.intake.email.QuotedTextStripper} cuts quoted history and signatures (Gmail, Outlook, Apple Mail;
 * English and Hebrew) so that the clean text is what the customer wrote now; a forward with little or no note keeps
 * the forwarded message, because the forward is the complaint. {@link io.tikun.intake.email.AutomatedMailDetector}
 * marks auto-replies, bounces and bulk mail with the header evidence. Input that is not an e-mail ends as a
 * {@link io.tikun.intake.email.MalformedEmailException} with a readable reason.
 */
package io.tikun.intake.email;
