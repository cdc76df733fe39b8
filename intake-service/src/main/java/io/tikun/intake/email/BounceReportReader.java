package io.tikun.intake.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;

import io.quarkus.logging.Log;

/**
 * Reads an RFC 3464 delivery status notification (a bounce): the Message-ID of the mail that came back, from the
 * returned message ({@code message/rfc822}) or its headers ({@code text/rfc822-headers}), and each recipient's
 * Final-Recipient, Original-Recipient, Action, Status, Diagnostic-Code and Remote-MTA. Also RFC 6533's UTF-8 variants.
 */
@ApplicationScoped
public class BounceReportReader {

    /** A report and the returned headers take a few kB; only the beginning of a longer part is read. */
    static final int MAX_PART_BYTES = 64 * 1024;
    /** One mail of ours has one recipient; a report on hundreds was not caused by us. */
    static final int MAX_RECIPIENTS = 100;
    private static final Set<String> DELIVERY_STATUS = Set.of("message/delivery-status",
            "message/global-delivery-status");
    /** The returned message's header, alone or ahead of its body, as a part mime4j does not parse as a message. */
    private static final Set<String> RETURNED_HEADERS = Set.of("text/rfc822-headers", "message/global-headers",
            "message/global");
    private static final Set<String> RECIPIENT_FIELDS = Set.of("final-recipient", "original-recipient", "action",
            "status", "diagnostic-code", "remote-mta");
    private static final Pattern STATUS_CODE = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The reply code and enhanced status that begin each line of a multi-line SMTP reply: {@code 550-5.1.1 }. */
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(\\d{3})[ -](\\d\\.\\d{1,3}\\.\\d{1,3})\\s+");

    /** The report of this raw message, or empty when it carries no readable delivery status. Never throws. */
    public Optional<BounceReport> read(byte[] raw) {
        Message message;
        try {
            message = MimeComplaintParser.readMessage(raw, MimeComplaintParser.headerStart(raw), MAX_PART_BYTES);
        } catch (MalformedEmailException e) {
            return Optional.empty();
        }
        try {
            if (MimeComplaintParser.countParts(message) > EmailLimits.DEFAULT_MAX_PARTS) {
                return Optional.empty();
            }
            return Optional.ofNullable(report(message));
        } catch (IOException | RuntimeException e) {
            // hostile input ends as "no report", never as a failed delivery of the mail that carried it
            Log.debugf(e, "unreadable delivery status notification of %d bytes", raw.length);
            return Optional.empty();
        } finally {
            message.dispose();
        }
    }

    /** The first multipart (not inside a returned message) holding a delivery status, read with its siblings. */
    private static BounceReport report(Entity entity) throws IOException {
        if (!(entity.getBody() instanceof Multipart multipart)) {
            return null;
        }
        List<Entity> parts = multipart.getBodyParts();
        Entity status = parts.stream().filter(p -> DELIVERY_STATUS.contains(mimeType(p))).findFirst().orElse(null);
        if (status != null) {
            String text = text(status);
            if (text == null) {
                return null;
            }
            List<List<Field>> blocks = fieldBlocks(text);
            String originalId = returnedMessageId(parts);
            if (originalId == null) {
                // Gmail names it in the per-message block too
                originalId = blocks.stream().flatMap(List::stream).filter(f -> f.is("x-original-message-id"))
                        .map(f -> first(MimeComplaintParser.messageIds(f.value()))).filter(id -> id != null)
                        .findFirst().orElse(null);
            }
            return new BounceReport(originalId, recipients(blocks));
        }
        for (Entity part : parts) {
            BounceReport nested = report(part);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static String returnedMessageId(List<Entity> parts) throws IOException {
        for (Entity part : parts) {
            if (part.getBody() instanceof Message returned) {
                return first(MimeComplaintParser.messageIds(
                        MimeComplaintParser.decodedText(returned.getHeader().getField("Message-ID"))));
            }
            if (RETURNED_HEADERS.contains(mimeType(part))) {
                String text = text(part);
                List<List<Field>> blocks = text == null ? List.of() : fieldBlocks(text);
                // the header is the first block; anything after the blank line is the returned body
                return blocks.isEmpty() ? null
                        : blocks.get(0).stream().filter(f -> f.is("message-id"))
                                .map(f -> first(MimeComplaintParser.messageIds(f.value()))).findFirst().orElse(null);
            }
        }
        return null;
    }

    /**
     * Each per-recipient block. The per-message block has none of the recipient fields; a recipient field seen twice
     * starts the next recipient, so reports that omit the blank line between recipients still read right.
     */
    private static List<BounceReport.RecipientStatus> recipients(List<List<Field>> blocks) {
        List<Map<String, String>> recipients = new ArrayList<>();
        for (List<Field> block : blocks) {
            Map<String, String> current = null;
            for (Field field : block) {
                String name = field.name().toLowerCase(Locale.ROOT);
                if (!RECIPIENT_FIELDS.contains(name)) {
                    continue;
                }
                if (current == null || current.containsKey(name)) {
                    if (recipients.size() == MAX_RECIPIENTS) {
                        return toStatuses(recipients);
                    }
                    current = new HashMap<>();
                    recipients.add(current);
                }
                current.put(name, field.value());
            }
        }
        return toStatuses(recipients);
    }

    private static List<BounceReport.RecipientStatus> toStatuses(List<Map<String, String>> recipients) {
        return recipients.stream().map(r -> new BounceReport.RecipientStatus(address(r.get("final-recipient")),
                address(r.get("original-recipient")), BounceReport.Action.of(r.get("action")),
                statusCode(r.get("status")), smtpReply(withoutType(r.get("diagnostic-code"))),
                withoutType(r.get("remote-mta"))))
                .toList();
    }

    /** {@code rfc822; <dana@example.com>} → {@code dana@example.com}. */
    private static String address(String value) {
        String address = withoutType(value);
        if (address == null) {
            return null;
        }
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address.isEmpty() ? null : address;
    }

    /** RFC 3464 typed fields ({@code smtp; 550 …}, {@code dns; mx.example.com}) without their type. */
    private static String withoutType(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        String text = (semicolon < 0 ? value : value.substring(semicolon + 1)).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * A multi-line SMTP reply as one sentence: {@code 550-5.1.1 The account … Please try 550-5.1.1 double-checking …}
     * (Gmail) reads {@code 550 5.1.1 The account … Please try double-checking …}.
     */
    static String smtpReply(String diagnostic) {
        if (diagnostic == null) {
            return null;
        }
        Matcher prefix = REPLY_PREFIX.matcher(diagnostic);
        if (!prefix.lookingAt()) {
            return diagnostic;
        }
        String repeated = "\\s+" + Pattern.quote(prefix.group(1)) + "[ -]" + Pattern.quote(prefix.group(2)) + "\\s+";
        return prefix.group(1) + " " + prefix.group(2) + " "
                + diagnostic.substring(prefix.end()).replaceAll(repeated, " ");
    }

    private static String statusCode(String value) {
        if (value == null) {
            return null;
        }
        Matcher code = STATUS_CODE.matcher(value);
        return code.find() ? code.group(1) : null;
    }

    /**
     * Header-style fields in blocks separated by blank lines, each field unfolded (continuation lines joined with one
     * space). Lines that are neither a field nor a continuation are skipped.
     */
    static List<List<Field>> fieldBlocks(String text) {
        List<List<Field>> blocks = new ArrayList<>();
        List<Field> block = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : LINE_BREAK.split(text, -1)) {
            boolean continuation = !line.isBlank() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation) {
                if (name != null) {
                    value.append(' ').append(line.strip());
                }
                continue;
            }
            if (name != null) {
                block.add(new Field(name, SPACES.matcher(value).replaceAll(" ").strip()));
                name = null;
            }
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new ArrayList<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                name = line.substring(0, colon).strip();
                value.setLength(0);
                value.append(line.substring(colon + 1));
            }
        }
        if (name != null) {
            block.add(new Field(name, SPACES.matcher(value).replaceAll(" ").strip()));
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }

    /** The part's decoded text (at most {@link #MAX_PART_BYTES}, as kept by the body factory), or null. */
    private static String text(Entity entity) throws IOException {
        if (!(entity.getBody() instanceof SingleBody body)) {
            return null;
        }
        try (InputStream in = body.getInputStream()) {
            // RFC 3464 fields are ASCII; RFC 6533's are UTF-8, of which ASCII is a part
            return new String(in.readNBytes(MAX_PART_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static String mimeType(Entity entity) {
        String type = entity.getMimeType();
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** One unfolded field of a delivery status block or a returned header. */
    record Field(String name, String value) {

        boolean is(String lowerCaseName) {
            return name.equalsIgnoreCase(lowerCaseName);
        }
    }
}
