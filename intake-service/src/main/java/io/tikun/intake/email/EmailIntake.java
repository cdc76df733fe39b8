package io.tikun.intake.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.Attachment;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.complaint.ComplaintChannel;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.complaint.ComplaintService;
import io.tikun.intake.complaint.IncomingComplaint;
import io.tikun.intake.customer.CustomerIdentity;
import io.tikun.intake.outbound.DeliveryReceipts;
import io.tikun.intake.outbound.DeliveryReport;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Turns one raw RFC 5322 message into a complaint, a further message on the complaint it answers
 * (by In-Reply-To/References, or the [TK-…] reference in the subject from the same sender), or an
 * ignored automated mail. A bounce that permanently failed the address one of our mails went to makes that customer
 * message FAILED. Anything unreadable is kept in quarantine.
 */
@ApplicationScoped
public class EmailIntake {

    static final String CHANNEL = ComplaintChannel.EMAIL.wire();
    static final String ENDPOINT = "/api/v1/channels/email";
    private static final Pattern REFERENCE_TOKEN = Pattern.compile("\\[([A-Z]+-\\d{6,})]");
    private static final int BAD_REQUEST = 400;
    private static final int TOO_LARGE = 413;
    private static final int UNSUPPORTED = 415;
    private static final String RFC822 = "message/rfc822";
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_NAME = 200;

    private final MimeComplaintParser parser;
    private final ComplaintService complaints;
    private final ComplaintRepository complaintStore;
    private final IgnoredMailRepository ignored;
    private final QuarantineRepository quarantine;
    private final BounceReportReader bounces;
    private final DeliveryReceipts receipts;
    private final IntakeConfig config;
    private final Clock clock;

    public EmailIntake(MimeComplaintParser parser, ComplaintService complaints, ComplaintRepository complaintStore,
            IgnoredMailRepository ignored, QuarantineRepository quarantine, BounceReportReader bounces,
            DeliveryReceipts receipts, IntakeConfig config, Clock clock) {
        this.parser = parser;
        this.complaints = complaints;
        this.complaintStore = complaintStore;
        this.ignored = ignored;
        this.quarantine = quarantine;
        this.bounces = bounces;
        this.receipts = receipts;
        this.config = config;
        this.clock = clock;
    }

    public Uni<EmailDelivery> accept(byte[] raw, String contentType) {
        return accept(raw, contentType, null);
    }

    /** Like {@link #accept(byte[], String)}, delivered by the authenticated channel client {@code filedBy}. */
    public Uni<EmailDelivery> accept(byte[] raw, String contentType, String filedBy) {
        ParsedEmail mail;
        try {
            mail = read(raw, contentType);
        } catch (RejectedPayload rejected) {
            return quarantine.keep(CHANNEL, ENDPOINT, contentType, Map.of(), raw, rejected.reason(), clock.instant())
                    .chain(id -> Uni.createFrom().failure(rejected.quarantinedAs(id)));
        }
        return process(mail, raw, filedBy);
    }

    /**
     * Processes a message again that was quarantined before (after a fix): a message that is still
     * unreadable fails with {@link RejectedPayload} and stays where it is, without a second quarantine entry.
     */
    public Uni<EmailDelivery> replay(byte[] raw, String contentType) {
        // The admin's replay request is served on an event loop. Parsing MIME of up to max-raw-bytes and hashing it
        // are CPU work, which the live endpoint runs on a worker thread (@Blocking): here they move to the same pool.
        return Uni.createFrom().item(() -> read(raw, contentType))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(mail -> process(mail, raw, null));
    }

    private Uni<EmailDelivery> process(ParsedEmail mail, byte[] raw, String filedBy) {
        if (mail.automated().automated()) {
            // The bounce first: if the store fails, the mail is delivered again and nothing is recorded twice.
            return bounced(mail, raw).chain(() -> ignored.record(mail, clock.instant()))
                    .map(id -> new EmailDelivery(EmailDelivery.Outcome.IGNORED, null, null, id));
        }
        IncomingComplaint incoming = toComplaint(mail).filedBy(filedBy);
        return complaintStore.findByIdempotencyKey(incoming.dedupKey()).chain(original -> {
            if (original != null && incoming.fingerprint().equals(original.requestFingerprint())) {
                return complaints.receive(incoming);
            }
            // Another message under a Message-ID seen before (broken mailers and list software reuse them) is a
            // message of its own: a complaint, or a reply on the thread it names, under a key of its own content.
            IncomingComplaint message = original == null ? incoming : incoming.underContentKey();
            return findThread(mail).chain(thread -> thread != null
                    // A further message is kept by Message-ID and content alike, so a reused id cannot hide it.
                    ? complaints.continueThread(thread, incoming.underContentKey(), incoming.threadKeys())
                    : complaints.receive(message));
        }).map(submission -> new EmailDelivery(
                submission.created() ? EmailDelivery.Outcome.CREATED
                        : submission.followUp() ? EmailDelivery.Outcome.THREADED : EmailDelivery.Outcome.REPEATED,
                submission.complaint().id(), submission.complaint().reference(), null));
    }

    /**
     * A bounce saying one of our mails failed for good (Action failed, Status 5.x.x) makes that customer message FAILED
     * with the remote server's words, provided the report names the address the mail went to. A delay, a temporary
     * failure or a report on a mail Tikun did not send changes nothing.
     */
    private Uni<Void> bounced(ParsedEmail mail, byte[] raw) {
        if (mail.automated().kind() != AutomatedKind.BOUNCE) {
            return Uni.createFrom().voidItem();
        }
        Optional<BounceReport> report = bounces.read(raw);
        if (report.isEmpty() || report.get().originalMessageId() == null) {
            return Uni.createFrom().voidItem();
        }
        String original = report.get().originalMessageId();
        // The mail's Message-ID is its provider id, stored without angle brackets as the report's is read.
        List<DeliveryReport.Failure> failures = report.get().permanentFailures().stream()
                .map(failed -> new DeliveryReport.Failure(original, failed.reason(), failed.addresses())).toList();
        return receipts.failed(failures).invoke(count -> {
            if (count > 0) {
                Log.infof("Bounce %s: the customer message mailed as %s failed", mail.messageId(), original);
            }
        }).replaceWithVoid();
    }

    private ParsedEmail read(byte[] raw, String contentType) {
        if (raw.length > config.email().maxRawBytes()) {
            throw new RejectedPayload(TOO_LARGE, "Payload too large", "The message has " + raw.length
                    + " bytes; at most " + config.email().maxRawBytes() + " are accepted.", List.of());
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(RFC822)) {
            throw new RejectedPayload(UNSUPPORTED, "Unsupported media type",
                    "Send the raw message as message/rfc822 (got " + contentType + ").", List.of());
        }
        ParsedEmail mail;
        try {
            mail = parser.parse(raw);
        } catch (MalformedEmailException e) {
            throw new RejectedPayload(BAD_REQUEST, "Malformed e-mail", e.getMessage(), List.of());
        }
        if (mail.from() == null || mail.from().address() == null || mail.from().address().isBlank()) {
            throw new RejectedPayload(BAD_REQUEST, "Malformed e-mail", "The message has no sender address.", List.of());
        }
        if (mail.damaged() && mail.cleanText().isBlank()) {
            // Damaged with no text to read: attachments cut off mid-way tell an agent nothing; kept for an operator.
            throw new RejectedPayload(BAD_REQUEST, "Malformed e-mail", mail.damage() + " and no text could be read.",
                    List.of());
        }
        if (mail.cleanText().isBlank() && mail.attachments().isEmpty()) {
            throw new RejectedPayload(BAD_REQUEST, "Empty e-mail", "The message has neither text nor attachments.", List.of());
        }
        return mail;
    }

    /** The complaint this mail answers: by the thread's Message-IDs, else by its reference from the same sender. */
    private Uni<Complaint> findThread(ParsedEmail mail) {
        List<String> keys = new ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) {
            keys.add(mail.inReplyTo());
        }
        return complaintStore.findByThreadKeys(keys).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            Matcher token = REFERENCE_TOKEN.matcher(mail.subject() == null ? "" : mail.subject());
            if (!token.find()) {
                return Uni.createFrom().nullItem();
            }
            String sender = mail.from().address();
            // Someone quoting another customer's reference must not write into that customer's complaint.
            return complaintStore.findByReference(token.group(1))
                    .map(c -> c != null && sender.equalsIgnoreCase(c.customer().email()) ? c : null);
        });
    }

    private static IncomingComplaint toComplaint(ParsedEmail mail) {
        String fingerprint = contentDigest(mail);
        String messageId = mail.messageId() != null ? mail.messageId() : "sha256:" + fingerprint;
        String name = shorten(mail.from().name() == null || mail.from().name().isBlank() ? mail.from().address()
                : mail.from().name(), MAX_NAME);
        String body = mail.cleanText().isBlank() ? "(attachments only)" : mail.cleanText();
        String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)"
                : shorten(mail.subject().strip(), MAX_SUBJECT);
        List<String> recipients = Stream.concat(mail.to().stream(), mail.cc().stream())
                .map(EmailAddress::address).filter(address -> address != null).toList();
        return new IncomingComplaint(CHANNEL, "email:" + messageId, fingerprint,
                CustomerIdentity.byEmail(name, mail.from().address(), null), subject, body, false, null, messageId,
                mail.sentAt(), recipients, mail.damage(), null, mail.attachments().stream()
                        .map(a -> new Attachment(a.fileName(), a.contentType(), a.sizeBytes(), a.sha256Hex())).toList());
    }

    /**
     * What the customer sent, not the bytes that carried it: relays add Received, DKIM and spam headers and may
     * re-encode a part, so a re-delivery differs in bytes but not in sender, subject, text or attachments.
     */
    static String contentDigest(ParsedEmail mail) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Stream.concat(Stream.of(mail.from().address().toLowerCase(Locale.ROOT), String.valueOf(mail.subject()),
                    mail.originalText()), mail.attachments().stream().map(a -> a.fileName() + "/" + a.sha256Hex()))
                    .forEach(piece -> {
                        digest.update(piece.getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                    });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Mail headers have no length limit; a complaint's subject and the customer's name do (as on the web form). */
    private static String shorten(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, max) - 1)) + "…";
    }

}
