package io.tikun.intake.email;

import java.time.Instant;
import java.util.List;

/**
 * One e-mail reduced to what complaint intake needs.
 *
 * @param messageId Message-ID without angle brackets, or null
 * @param inReplyTo first id of In-Reply-To without angle brackets, or null
 * @param references ids of References, oldest first, without angle brackets
 * @param cc the Cc addresses (with To, they tell whether the chief executive was written to)
 * @param sentAt the Date header, or null when absent or unreadable
 * @param cleanText what the customer wrote now: no quoted history, no signature, whitespace normalised
 * @param originalText the whole decoded body text
 * @param bodyFromHtml true when there was no text/plain alternative and the text came from HTML
 * @param forwarded true when the message forwards another one (inline or as message/rfc822)
 * @param charset the charset the body was decoded with (declared, or the fallback chosen)
 * @param textTruncated true when the body was longer than {@link EmailLimits#maxTextChars()}
 * @param damage how the message was damaged in transit (e.g. a multipart never closed), when the text is only
 *        what could be read; null for an intact message
 */
public record ParsedEmail(String messageId, String inReplyTo, List<String> references, EmailAddress from,
        List<EmailAddress> to, List<EmailAddress> cc, String subject, Instant sentAt, String cleanText, String originalText,
        boolean bodyFromHtml, boolean forwarded, List<AttachmentInfo> attachments, AutomatedSignal automated,
        String charset, boolean textTruncated, String damage) {

    public ParsedEmail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    public boolean damaged() {
        return damage != null;
    }
}
