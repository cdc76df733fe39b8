package io.tikun.intake.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Writes a customer message as a mail in the customer's thread: the subject with its {@code [TK-…]} token, the
 * threading headers, Reply-To the support mailbox, a Message-ID stable per message, plain text and an HTML alternative
 * (right to left for Hebrew and Arabic). Every header value passes through here and nowhere else.
 */
@ApplicationScoped
public class CustomerMailComposer {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("he", "ar");

    private final Template html;
    private final OutboundConfig config;
    private final String messageIdDomain;

    public CustomerMailComposer(@Location("outbound/customer-message.html") Template html, OutboundConfig config,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.html = html;
        this.config = config;
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
    }

    /**
     * The Message-ID (without angle brackets) of the mail carrying this message: the same on every attempt, so a
     * re-sent copy is the same mail to the customer's client, and an answer naming it threads onto the complaint.
     */
    public String mailMessageId(String messageId) {
        // The readable part alone is not one-to-one ("a:b" and "a-b" read alike); the digest keeps two messages apart.
        String digest = HexFormat.of().formatHex(sha256(messageId), 0, 6);
        return "msg." + messageId.replaceAll("[^A-Za-z0-9._-]", "-") + "." + digest + "@" + messageIdDomain;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public Mail compose(OutboundMessage message, Destination.Email to) {
        Mail mail = Mail.withText(to.to(), subject(message, to), text(message))
                .setHtml(html(message))
                .addHeader("Message-ID", "<" + mailMessageId(message.messageId()) + ">");
        config.replyTo().ifPresent(mail::setReplyTo);
        if (to.inReplyTo() != null) {
            mail.addHeader("In-Reply-To", angled(to.inReplyTo()));
        }
        if (!to.references().isEmpty()) {
            mail.addHeader("References", to.references().stream().map(CustomerMailComposer::angled)
                    .collect(Collectors.joining(" ")));
        }
        if (message.automatic()) {
            // RFC 3834: composed by the system, so auto-responders leave it alone; an agent's own words are not.
            mail.addHeader("Auto-Submitted", "auto-generated");
        }
        return mail;
    }

    /** {@code Re: [TK-000042] <their subject>} to answer in the thread, or {@code [TK-000042] <subject>}. */
    static String subject(OutboundMessage message, Destination.Email to) {
        String token = "[" + message.reference() + "]";
        String subject = message.subject() == null
                ? "Re: " + token + (to.threadSubject() == null || to.threadSubject().isBlank() ? "" : " " + to.threadSubject())
                : token + " " + message.subject().strip();
        return headerSafe(subject);
    }

    /** The text, then each link as "label: url" on a line of its own. */
    static String text(OutboundMessage message) {
        StringBuilder text = new StringBuilder(message.text().strip()).append('\n');
        if (!message.links().isEmpty()) {
            text.append('\n');
            message.links().forEach(link -> text.append(link.label()).append(": ").append(link.url()).append('\n'));
        }
        return text.toString();
    }

    String html(OutboundMessage message) {
        boolean rtl = RIGHT_TO_LEFT.contains(message.language());
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : message.text().strip().split("\\R\\s*\\R")) {
            paragraphs.add(Arrays.stream(paragraph.split("\\R")).map(String::strip).toList());
        }
        return html.data("lang", message.language())
                .data("dir", rtl ? "rtl" : "ltr")
                .data("align", rtl ? "right" : "left")
                .data("title", message.subject() == null ? message.reference() : message.subject())
                .data("paragraphs", paragraphs)
                .data("links", message.links().stream().map(l -> Map.of("label", l.label(), "url", l.url())).toList())
                .data("reference", message.reference())
                .render();
    }

    private static String angled(String messageId) {
        return "<" + headerSafe(messageId) + ">";
    }

    /** No line breaks in a header: a value must never start a header of its own. */
    private static String headerSafe(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
