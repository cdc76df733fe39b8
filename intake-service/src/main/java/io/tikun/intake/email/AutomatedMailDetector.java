package io.tikun.intake.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recognises mail sent by machines (RFC 3834 auto-replies, RFC 3464 bounces, list traffic) from its headers, so
 * that an out-of-office reply to our own message is not filed as a new complaint.
 */
@ApplicationScoped
public class AutomatedMailDetector {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final String AUTO_REPLY_PRECEDENCE = "auto_reply";
    private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster");
    private static final Pattern REPORT_TYPE = Pattern.compile("report-type\\s*=\\s*\"?([a-z-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final String DELIVERY_STATUS = "delivery-status";
    private static final String MULTIPART_REPORT = "multipart/report";
    private static final String MESSAGE_DELIVERY_STATUS = "message/delivery-status";
    /** A subject alone is weak: customers write "you were out of office all week" too. */
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^(out of (the )?office|automatic reply|auto(matic)?[- ]?reply|autoreply|auto:|תשובה אוטומטית|מחוץ למשרד|"
                    + "אני לא במשרד|היעדרות מהמשרד).*",
            Pattern.CASE_INSENSITIVE);
    /** Headers that hint at automation without proving it; they count together with an auto-reply subject. */
    private static final Set<String> WEAK_HEADERS = Set.of("x-auto-response-suppress", "x-ms-exchange-inbox-rules-loop");
    private static final String NULL_RETURN_PATH = "<>";

    public AutomatedSignal detect(List<HeaderField> headers, EmailAddress from, String subject,
            Set<String> partContentTypes) {
        List<String> bounce = new ArrayList<>();
        List<String> autoReply = new ArrayList<>();
        List<String> bulk = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        for (HeaderField header : headers) {
            String name = header.name().toLowerCase(Locale.ROOT);
            String value = header.value() == null ? "" : header.value().strip();
            String lower = value.toLowerCase(Locale.ROOT);
            String evidence = header.name() + ": " + value;
            switch (name) {
                case "auto-submitted":
                    if (!lower.isEmpty() && !lower.startsWith("no")) {
                        autoReply.add(evidence);
                    }
                    break;
                case "x-autoreply":
                case "x-autorespond":
                case "x-autoresponder":
                    if (!lower.equals("no") && !lower.equals("false")) {
                        autoReply.add(evidence);
                    }
                    break;
                case "precedence":
                    if (BULK_PRECEDENCE.contains(lower)) {
                        bulk.add(evidence);
                    } else if (lower.equals(AUTO_REPLY_PRECEDENCE)) {
                        autoReply.add(evidence);
                    }
                    break;
                case "list-id":
                case "list-unsubscribe":
                    bulk.add(evidence);
                    break;
                case "content-type":
                    if (lower.startsWith(MULTIPART_REPORT)) {
                        Matcher type = REPORT_TYPE.matcher(value);
                        if (type.find() && type.group(1).equalsIgnoreCase(DELIVERY_STATUS)) {
                            bounce.add(evidence);
                        } else {
                            // read receipts (disposition-notification) and other reports are machine replies
                            autoReply.add(evidence);
                        }
                    }
                    break;
                case "return-path":
                    if (value.equals(NULL_RETURN_PATH)) {
                        weak.add(evidence);
                    }
                    break;
                default:
                    if (WEAK_HEADERS.contains(name)) {
                        weak.add(evidence);
                    }
            }
        }
        if (partContentTypes.contains(MESSAGE_DELIVERY_STATUS)) {
            bounce.add("part Content-Type: " + MESSAGE_DELIVERY_STATUS);
        }
        if (from != null && from.address() != null) {
            String localPart = from.address().split("@", 2)[0].toLowerCase(Locale.ROOT);
            if (BOUNCE_SENDERS.contains(localPart)) {
                bounce.add("From: " + from.address());
            }
        }
        boolean autoSubject = subject != null && AUTO_REPLY_SUBJECT.matcher(subject.strip()).matches();
        if (autoSubject && (!autoReply.isEmpty() || !weak.isEmpty())) {
            autoReply.addAll(weak);
            autoReply.add("Subject: " + subject.strip());
        }
        if (!bounce.isEmpty()) {
            return new AutomatedSignal(AutomatedKind.BOUNCE, bounce);
        }
        if (!autoReply.isEmpty()) {
            return new AutomatedSignal(AutomatedKind.AUTO_REPLY, autoReply);
        }
        if (!bulk.isEmpty()) {
            return new AutomatedSignal(AutomatedKind.BULK, bulk);
        }
        return AutomatedSignal.HUMAN;
    }
}
