package io.tikun.intake.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Header;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.ByteSequence;

import io.quarkus.logging.Log;

/** Parses a raw RFC 5322 / MIME message into a {@link ParsedEmail}: headers, the customer's own words, attachments. */
@ApplicationScoped
public class MimeComplaintParser {

    /** Above this many characters of their own, a forwarder has written the complaint themselves. */
    static final int FORWARD_NOTE_MAX_CHARS = 160;
    private static final int UNLIMITED = -1;
    private static final String TEXT_PLAIN = "text/plain";
    private static final String TEXT_HTML = "text/html";
    private static final String MULTIPART_ALTERNATIVE = "multipart/alternative";
    private static final String MULTIPART_RELATED = "multipart/related";
    private static final String DISPOSITION_ATTACHMENT = "attachment";
    private static final String DISPOSITION_INLINE = "inline";
    private static final String FORWARD_SEPARATOR = "---------- Forwarded message ---------";
    /** A header field name (RFC 5322 ftext) and its colon: how the first line of any e-mail starts. */
    private static final Pattern HEADER_LINE = Pattern.compile("^[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:");
    private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "date", "subject", "message-id",
            "mime-version", "received", "return-path", "content-type", "sender", "reply-to", "delivered-to");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern FOLDING = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern DATE_COMMENT = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final DateTimeFormatter RFC_5322_WITHOUT_WEEKDAY = DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH);
    private static final String MBOX_SEPARATOR = "From ";
    private static final String NO_SUBJECT_FILE_NAME = "forwarded.eml";

    private final EmailLimits limits;
    private final QuotedTextStripper stripper;
    private final AutomatedMailDetector automatedMailDetector;

    @Inject
    public MimeComplaintParser(QuotedTextStripper stripper, AutomatedMailDetector automatedMailDetector) {
        this(EmailLimits.DEFAULTS, stripper, automatedMailDetector);
    }

    public MimeComplaintParser(EmailLimits limits, QuotedTextStripper stripper,
            AutomatedMailDetector automatedMailDetector) {
        this.limits = limits;
        this.stripper = stripper;
        this.automatedMailDetector = automatedMailDetector;
    }

    public ParsedEmail parse(byte[] raw) throws MalformedEmailException {
        int start = headerStart(raw);
        Message message = readMessage(raw, start, limits.maxAttachmentBytes());
        try {
            return toParsedEmail(message, raw);
        } catch (IOException e) {
            throw new MalformedEmailException("the message body could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // hostile input must end as a rejected message, never as a 500 from a library bug
            Log.warnf(e, "e-mail parser failed on input of %d bytes", raw.length);
            throw new MalformedEmailException("the message could not be parsed", e);
        } finally {
            message.dispose();
        }
    }

    /** Checks the input looks like a message and returns where its header starts. */
    static int headerStart(byte[] raw) throws MalformedEmailException {
        if (raw == null || raw.length == 0) {
            throw new MalformedEmailException("the message is empty");
        }
        int start = skipBlank(raw, 0);
        if (start == raw.length) {
            throw new MalformedEmailException("the message is empty");
        }
        String firstLine = lineAt(raw, start);
        if (firstLine.startsWith(MBOX_SEPARATOR)) {
            // exported from an mbox file: "From sender@example.com Mon Nov 9 10:00:00 2026" precedes the header
            start = skipBlank(raw, start + firstLine.length());
            firstLine = lineAt(raw, start);
        }
        if (!HEADER_LINE.matcher(firstLine).find()) {
            throw new MalformedEmailException("not an e-mail: it does not start with a header field");
        }
        return start;
    }

    private static int skipBlank(byte[] raw, int from) {
        int i = from;
        while (i < raw.length && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static String lineAt(byte[] raw, int start) {
        int end = start;
        while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
            end++;
        }
        return new String(raw, start, end - start, StandardCharsets.ISO_8859_1);
    }

    static Message readMessage(byte[] raw, int start, long maxAttachmentBytes) throws MalformedEmailException {
        // lenient everywhere, no length limits: real mail has 10 kB header lines and 8-bit junk
        MimeConfig config = new MimeConfig.Builder().setStrictParsing(false).setMaxLineLen(UNLIMITED)
                .setMaxHeaderLen(UNLIMITED).setMaxHeaderCount(UNLIMITED).setMaxContentLen(UNLIMITED)
                .setMalformedHeaderStartsBody(true).build();
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(config);
        builder.setFieldParser(LenientFieldParser.getParser());
        builder.setBodyFactory(new DigestingBodyFactory(maxAttachmentBytes));
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        try {
            return builder.parseMessage(new ByteArrayInputStream(raw, start, raw.length - start));
        } catch (IOException | RuntimeException e) {
            throw new MalformedEmailException("the MIME structure could not be read: " + e.getMessage(), e);
        }
    }

    private ParsedEmail toParsedEmail(Message message, byte[] raw) throws MalformedEmailException, IOException {
        Header header = message.getHeader();
        List<HeaderField> fields = decodedFields(header);
        if (fields.stream().noneMatch(f -> MAIL_HEADERS.contains(f.name().toLowerCase(Locale.ROOT)))) {
            throw new MalformedEmailException("not an e-mail: it has no mail header field such as From, To, Date or Subject");
        }
        int parts = countParts(message);
        if (parts > limits.maxParts()) {
            throw new MalformedEmailException(
                    "the message has " + parts + " MIME parts, more than the limit of " + limits.maxParts());
        }
        requireBoundaries(message);
        // A message cut off in transit still carries what the customer wrote before the cut: read it, say so.
        String damage = unclosedMultipart(message, raw);

        EmailAddress from = firstOrNull(addresses(header, "From"));
        String subject = decodedText(header.getField("Subject"));
        BodyCollector body = new BodyCollector();
        collect(message, body);
        String ownBody = String.join("\n\n", body.texts);
        List<String> shown = new ArrayList<>(body.texts);
        shown.addAll(body.forwardedShown);
        String originalText = String.join("\n\n", shown);
        if (from == null && originalText.isBlank() && body.attachments.isEmpty()) {
            throw new MalformedEmailException("the message has neither a sender (From) nor a body");
        }

        StrippedText stripped = stripper.strip(ownBody);
        List<String> forwardedTexts = new ArrayList<>();
        if (stripped.forwarded()) {
            forwardedTexts.add(stripped.forwardedText());
        }
        for (String forwardedBody : body.forwardedBodies) {
            StrippedText inner = stripper.strip(forwardedBody);
            forwardedTexts.add(inner.ownText().isEmpty() ? inner.forwardedText() : inner.ownText());
        }
        String cleanText = stripped.ownText();
        if (!forwardedTexts.isEmpty() && cleanText.length() <= FORWARD_NOTE_MAX_CHARS) {
            // a forward with a one-line note (or none): the forwarded message is the complaint
            List<String> pieces = new ArrayList<>();
            pieces.add(cleanText);
            pieces.addAll(forwardedTexts);
            pieces.removeIf(String::isBlank);
            cleanText = String.join("\n\n", pieces);
        }
        boolean truncated = originalText.length() > limits.maxTextChars() || cleanText.length() > limits.maxTextChars();

        List<String> references = messageIds(decodedText(header.getField("References")));
        List<String> inReplyTo = messageIds(decodedText(header.getField("In-Reply-To")));
        AutomatedSignal automated = automatedMailDetector.detect(fields, from, subject, body.partTypes);
        if (automated.automated()) {
            Log.debugf("automated mail (%s): %s", automated.kind(), automated.evidence());
        }
        return new ParsedEmail(firstOrNull(messageIds(decodedText(header.getField("Message-ID")))),
                firstOrNull(inReplyTo), references, from, addresses(header, "To"), addresses(header, "Cc"), subject,
                sentAt(header),
                truncate(cleanText), truncate(originalText), body.fromHtml, !forwardedTexts.isEmpty(),
                body.attachments, automated, body.charset, truncated, damage);
    }

    private String truncate(String text) {
        return text.length() > limits.maxTextChars() ? text.substring(0, limits.maxTextChars()) : text;
    }

    // ---- body walk ----

    private void collect(Entity entity, BodyCollector collector) throws IOException {
        String type = mimeType(entity);
        collector.partTypes.add(type);
        Body body = entity.getBody();
        if (body instanceof Multipart) {
            List<Entity> parts = ((Multipart) body).getBodyParts();
            if (type.equals(MULTIPART_ALTERNATIVE)) {
                collectAlternative(parts, collector);
            } else if (type.equals(MULTIPART_RELATED) && !parts.isEmpty()) {
                collect(parts.get(0), collector);
                for (Entity resource : parts.subList(1, parts.size())) {
                    collector.attachments.add(describe(resource, true));
                }
            } else {
                for (Entity part : parts) {
                    collect(part, collector);
                }
            }
        } else if (body instanceof Message) {
            collectForwarded(entity, (Message) body, collector);
        } else if (isBodyText(entity, type)) {
            collector.addText(readText(entity, type), type.equals(TEXT_HTML));
        } else {
            collector.attachments.add(describe(entity, DISPOSITION_INLINE.equals(entity.getDispositionType())));
        }
    }

    /** RFC 2046: the parts are alternatives of one content; plain text is what the customer typed. */
    private void collectAlternative(List<Entity> parts, BodyCollector collector) throws IOException {
        for (Entity part : parts) {
            if (mimeType(part).equals(TEXT_PLAIN) && isBodyText(part, TEXT_PLAIN)) {
                BodyTextDecoder.DecodedText plain = readText(part, TEXT_PLAIN);
                // some clients send an empty text/plain next to the real HTML
                if (!plain.text().isBlank()) {
                    collector.partTypes.add(TEXT_PLAIN);
                    collector.addText(plain, false);
                    return;
                }
            }
        }
        // the last alternative is the richest (RFC 2046 5.1.4); usually text/html or multipart/related
        for (int i = parts.size() - 1; i >= 0; i--) {
            Entity part = parts.get(i);
            if (!mimeType(part).equals(TEXT_PLAIN)) {
                collect(part, collector);
                return;
            }
        }
    }

    private void collectForwarded(Entity entity, Message forwarded, BodyCollector collector) throws IOException {
        collector.attachments.add(describeMessage(entity, forwarded));
        BodyCollector inner = new BodyCollector();
        collect(forwarded, inner);
        collector.attachments.addAll(inner.attachments);
        // inner part types are deliberately not merged: a customer forwarding a bounce is not a bounce
        String innerText = String.join("\n\n", inner.texts);
        collector.forwardedBodies.add(innerText);
        // the full text keeps the forwarded message the way a mail client would show it
        Header header = forwarded.getHeader();
        StringBuilder shown = new StringBuilder(FORWARD_SEPARATOR).append('\n');
        appendHeaderLine(shown, "From", decodedText(header.getField("From")));
        appendHeaderLine(shown, "Date", decodedText(header.getField("Date")));
        appendHeaderLine(shown, "Subject", decodedText(header.getField("Subject")));
        appendHeaderLine(shown, "To", decodedText(header.getField("To")));
        shown.append('\n').append(innerText);
        collector.forwardedShown.add(shown.toString());
        // a forward of a forward: keep the inner one too, after the one that contains it
        collector.forwardedBodies.addAll(inner.forwardedBodies);
        collector.forwardedShown.addAll(inner.forwardedShown);
        if (collector.charset == null) {
            collector.charset = inner.charset;
            collector.fromHtml = inner.fromHtml;
        }
    }

    private static void appendHeaderLine(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(name).append(": ").append(value).append('\n');
        }
    }

    private static boolean isBodyText(Entity entity, String type) {
        return (type.equals(TEXT_PLAIN) || type.equals(TEXT_HTML))
                && !DISPOSITION_ATTACHMENT.equals(entity.getDispositionType()) && fileName(entity) == null;
    }

    private static BodyTextDecoder.DecodedText readText(Entity entity, String type) throws IOException {
        ContentTypeField contentType = contentType(entity);
        String declared = contentType == null ? null : contentType.getCharset();
        byte[] bytes;
        try (InputStream in = ((SingleBody) entity.getBody()).getInputStream()) {
            bytes = in.readAllBytes();
        }
        BodyTextDecoder.DecodedText decoded = BodyTextDecoder.decode(bytes, declared);
        String text = decoded.text();
        if (type.equals(TEXT_HTML)) {
            text = HtmlTextExtractor.toText(text);
        } else if (contentType != null && "flowed".equalsIgnoreCase(contentType.getParameter("format"))) {
            text = FlowedText.unflow(text, "yes".equalsIgnoreCase(contentType.getParameter("delsp")));
        }
        return new BodyTextDecoder.DecodedText(text, decoded.charset());
    }

    // ---- attachments ----

    private AttachmentInfo describe(Entity entity, boolean inline) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Message) {
            return describeMessage(entity, (Message) body);
        }
        if (!(body instanceof SingleBody)) {
            // a multipart inside multipart/related: list it as one opaque resource
            return new AttachmentInfo(fileName(entity), mimeType(entity), 0, null, inline, false);
        }
        String name = fileName(entity);
        if (body instanceof DigestingBodyFactory.Digested) {
            DigestingBodyFactory.Digested digested = (DigestingBodyFactory.Digested) body;
            return new AttachmentInfo(name, mimeType(entity), digested.fullSize(), digested.sha256Hex(), inline,
                    digested.fullSize() > limits.maxAttachmentBytes());
        }
        HashingCounter counter = new HashingCounter();
        try (InputStream in = ((SingleBody) body).getInputStream(); OutputStream out = counter.stream()) {
            in.transferTo(out);
        }
        return counter.toInfo(name, mimeType(entity), inline);
    }

    private AttachmentInfo describeMessage(Entity entity, Message forwarded) throws IOException {
        HashingCounter counter = new HashingCounter();
        try (OutputStream out = counter.stream()) {
            new DefaultMessageWriter().writeMessage(forwarded, out);
        }
        String name = fileName(entity);
        if (name == null) {
            String subject = decodedText(forwarded.getHeader().getField("Subject"));
            name = subject == null || subject.isBlank() ? NO_SUBJECT_FILE_NAME : subject.strip() + ".eml";
        }
        return counter.toInfo(name, mimeType(entity), false);
    }

    /** Hashes a forwarded message/rfc822 part as it is written out, without holding a serialised copy. */
    private final class HashingCounter {

        private final MessageDigest digest = DigestingBodyFactory.sha256();
        private long size;

        OutputStream stream() {
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) {
                    size++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    size += len;
                }
            };
            return new DigestOutputStream(counting, digest);
        }

        AttachmentInfo toInfo(String fileName, String contentType, boolean inline) {
            return new AttachmentInfo(fileName, contentType, size, HexFormat.of().formatHex(digest.digest()), inline,
                    size > limits.maxAttachmentBytes());
        }
    }

    // ---- structure checks ----

    static int countParts(Entity entity) {
        int count = 1;
        Body body = entity.getBody();
        if (body instanceof Multipart) {
            for (Entity part : ((Multipart) body).getBodyParts()) {
                count += countParts(part);
            }
        } else if (body instanceof Message) {
            count += countParts((Message) body);
        }
        return count;
    }

    /** Without a boundary mime4j reads a multipart as text/plain, which would show MIME syntax as the complaint. */
    private static void requireBoundaries(Entity entity) throws MalformedEmailException {
        ContentTypeField contentType = contentType(entity);
        String boundary = contentType == null ? null : contentType.getBoundary();
        if (contentType != null && contentType.isMultipart() && (boundary == null || boundary.isEmpty())) {
            throw new MalformedEmailException("a multipart part has no boundary parameter");
        }
        Body body = entity.getBody();
        if (body instanceof Multipart) {
            for (Entity part : ((Multipart) body).getBodyParts()) {
                requireBoundaries(part);
            }
        } else if (body instanceof Message) {
            requireBoundaries((Message) body);
        }
    }

    /**
     * mime4j quietly accepts a multipart cut off before its closing boundary (a dropped connection, a relay's size
     * cut, often in the middle of a base64 attachment): such a message lost content. Returns what was damaged, or
     * null when every multipart is closed.
     */
    private static String unclosedMultipart(Entity entity, byte[] raw) {
        Body body = entity.getBody();
        if (body instanceof Multipart) {
            ContentTypeField contentType = contentType(entity);
            String boundary = contentType == null ? "" : contentType.getBoundary();
            byte[] closing = ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
            if (indexOf(raw, closing) < 0) {
                return "the message is truncated: multipart boundary \"" + boundary + "\" is never closed";
            }
            for (Entity part : ((Multipart) body).getBodyParts()) {
                String damage = unclosedMultipart(part, raw);
                if (damage != null) {
                    return damage;
                }
            }
        } else if (body instanceof Message) {
            return unclosedMultipart((Message) body, raw);
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- headers ----

    private static List<HeaderField> decodedFields(Header header) {
        List<HeaderField> fields = new ArrayList<>();
        for (Field field : header.getFields()) {
            fields.add(new HeaderField(field.getName(), decodedText(field)));
        }
        return fields;
    }

    /** The field value unfolded, 8-bit bytes read as UTF-8 (else windows-1252), encoded-words decoded. */
    static String decodedText(Field field) {
        String value = rawValue(field);
        if (value == null) {
            return null;
        }
        try {
            return SPACES.matcher(DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT)).replaceAll(" ").strip();
        } catch (IllegalArgumentException e) {
            return value.strip();
        }
    }

    private static String rawValue(Field field) {
        if (field == null) {
            return null;
        }
        ByteSequence raw = field.getRaw();
        String value;
        if (raw == null) {
            value = field.getBody();
        } else {
            // mime4j reads header bytes as ASCII; non-ASCII (RFC 6532) headers need the real charset
            String line = BodyTextDecoder.decode(raw.toByteArray(), null).text();
            int colon = line.indexOf(':');
            value = colon < 0 ? field.getBody() : line.substring(colon + 1);
        }
        return value == null ? null : FOLDING.matcher(value).replaceAll("");
    }

    private static List<EmailAddress> addresses(Header header, String name) {
        List<EmailAddress> result = new ArrayList<>();
        for (Field field : header.getFields(name)) {
            String value = rawValue(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
            for (Mailbox mailbox : list.flatten()) {
                String display = mailbox.getName();
                if (display != null) {
                    display = SPACES.matcher(DecoderUtil.decodeEncodedWords(display, DecodeMonitor.SILENT))
                            .replaceAll(" ").strip();
                }
                result.add(new EmailAddress(display == null || display.isEmpty() ? null : display,
                        mailbox.getAddress()));
            }
        }
        return result;
    }

    static List<String> messageIds(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty()) {
            // some clients drop the angle brackets
            for (String token : SPACES.split(value.strip())) {
                ids.add(token);
            }
        }
        return List.copyOf(ids);
    }

    private static Instant sentAt(Header header) {
        String value = decodedText(header.getField("Date"));
        if (value == null || value.isBlank()) {
            return null;
        }
        String cleaned = SPACES.matcher(DATE_COMMENT.matcher(value).replaceAll("")).replaceAll(" ").strip();
        try {
            return ZonedDateTime.parse(cleaned, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            int comma = cleaned.indexOf(',');
            try {
                return ZonedDateTime.parse(cleaned.substring(comma + 1).strip(), RFC_5322_WITHOUT_WEEKDAY).toInstant();
            } catch (DateTimeParseException again) {
                Log.debugf("unreadable Date header: %s", value);
                return null;
            }
        }
    }

    private static ContentTypeField contentType(Entity entity) {
        Field field = entity.getHeader() == null ? null : entity.getHeader().getField("Content-Type");
        return field instanceof ContentTypeField ? (ContentTypeField) field : null;
    }

    private static String mimeType(Entity entity) {
        String type = entity.getMimeType();
        return type == null ? TEXT_PLAIN : type.toLowerCase(Locale.ROOT);
    }

    private static String fileName(Entity entity) {
        String name = entity.getFilename();
        if (name == null) {
            ContentTypeField contentType = contentType(entity);
            name = contentType == null ? null : contentType.getParameter("name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        return DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT).strip();
    }

    private static <T> T firstOrNull(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    /** What the walk over the MIME tree found. */
    private static final class BodyCollector {

        final List<String> texts = new ArrayList<>();
        /** Bodies of message/rfc822 parts, for the clean text. */
        final List<String> forwardedBodies = new ArrayList<>();
        /** The same bodies with a forward header, as a mail client shows them, for the original text. */
        final List<String> forwardedShown = new ArrayList<>();
        final List<AttachmentInfo> attachments = new ArrayList<>();
        final Set<String> partTypes = new LinkedHashSet<>();
        String charset;
        boolean fromHtml;

        void addText(BodyTextDecoder.DecodedText text, boolean html) {
            texts.add(text.text());
            if (charset == null) {
                charset = text.charset();
                fromHtml = html;
            }
        }
    }
}
