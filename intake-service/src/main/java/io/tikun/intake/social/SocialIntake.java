package io.tikun.intake.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.complaint.ComplaintService;
import io.tikun.intake.complaint.ComplaintService.Submission;
import io.tikun.intake.complaint.IncomingComplaint;
import io.tikun.intake.customer.CustomerIdentity;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Turns an authenticated webhook delivery into complaints, one per customer message, or further messages on the
 * complaint whose conversation they continue; a delivery it cannot read (or that is too large to read) is kept in
 * quarantine instead of being dropped.
 */
@ApplicationScoped
public class SocialIntake {

    private static final int BAD_REQUEST = 400;
    private static final int TOO_LARGE = 413;
    private static final int SUBJECT_LENGTH = 80;

    private final ComplaintService complaints;
    private final ComplaintRepository complaintStore;
    private final SocialThreadFinder threads;
    private final SocialReplyComposer replies;
    private final QuarantineRepository quarantine;
    private final ChannelsConfig config;
    private final Clock clock;

    public SocialIntake(ComplaintService complaints, ComplaintRepository complaintStore, SocialThreadFinder threads,
            SocialReplyComposer replies, QuarantineRepository quarantine, ChannelsConfig config, Clock clock) {
        this.complaints = complaints;
        this.complaintStore = complaintStore;
        this.threads = threads;
        this.replies = replies;
        this.quarantine = quarantine;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Processes a delivery whose signature was checked. {@code headers} (the signature headers as received) are kept
     * with the payload if it goes to quarantine, so a replay can check the signature again.
     */
    public Uni<SocialDelivery> accept(String channel, String endpoint, String contentType, Map<String, String> headers,
            byte[] body, Supplier<ParsedWebhook> parser) {
        ParsedWebhook parsed;
        try {
            parsed = read(body, parser);
        } catch (RejectedPayload rejected) {
            return quarantine.keep(channel, endpoint, contentType, headers, body, rejected.reason(), clock.instant())
                    .chain(id -> Uni.createFrom().failure(rejected.quarantinedAs(id)));
        }
        return process(channel, parsed);
    }

    /**
     * Processes a quarantined delivery again (its signature checked again by the caller): one that still cannot be
     * read fails with {@link RejectedPayload} and is not quarantined a second time.
     */
    public Uni<SocialDelivery> replay(String channel, byte[] body, Supplier<ParsedWebhook> parser) {
        return Uni.createFrom().item(() -> read(body, parser)).chain(parsed -> process(channel, parsed));
    }

    private ParsedWebhook read(byte[] body, Supplier<ParsedWebhook> parser) {
        if (body.length > config.maxBodyBytes()) {
            throw new RejectedPayload(TOO_LARGE, "Payload too large", "The webhook body has " + body.length
                    + " bytes; at most " + config.maxBodyBytes() + " are read.", List.of());
        }
        try {
            return parser.get();
        } catch (SocialWebhookException e) {
            throw new RejectedPayload(BAD_REQUEST, "Unreadable webhook", e.getMessage(), List.of());
        }
    }

    private Uni<SocialDelivery> process(String channel, ParsedWebhook parsed) {
        return Multi.createFrom().iterable(parsed.messages())
                .onItem().transformToUniAndConcatenate(message -> take(channel, message)
                        .map(submission -> new SocialDelivery.Item(message.providerMessageId(),
                                submission.complaint().id(), submission.complaint().reference(), submission.created(),
                                submission.followUp())))
                .collect().asList()
                .call(items -> Multi.createFrom().iterable(parsed.ownReplies())
                        .onItem().transformToUniAndConcatenate(threads::link).collect().asList())
                .map(items -> new SocialDelivery(parsed.messages().size(), items));
    }

    /**
     * One message: the complaint it created before, the complaint it was already added to, a further message on the
     * complaint whose conversation it continues, or a new complaint acknowledged on its own network.
     */
    private Uni<Submission> take(String channel, SocialMessage message) {
        IncomingComplaint incoming = toComplaint(channel, message);
        List<String> keys = SocialThreads.keysOf(message);
        return complaintStore.findByIdempotencyKey(incoming.dedupKey())
                .chain(original -> original != null ? complaints.receive(incoming)
                        : complaintStore.findByMessageDedupKey(incoming.dedupKey()).chain(holder -> holder != null
                                ? Uni.createFrom().item(new Submission(holder, false, true))
                                : threads.find(message).chain(thread -> thread != null
                                        ? complaints.continueThread(thread, incoming, keys)
                                        : complaints.receive(incoming, keys,
                                                complaint -> replies.compose(complaint, message)))));
    }

    static IncomingComplaint toComplaint(String channel, SocialMessage m) {
        SocialAuthor author = m.author();
        String name = author.displayName() != null ? author.displayName()
                : author.handle() != null ? author.handle() : author.id();
        return new IncomingComplaint(channel, m.providerMessageId(), fingerprint(m),
                CustomerIdentity.onNetwork(SocialThreads.network(m), author.id(), name, author.handle(), author.phone()),
                subject(m.text()), m.text(), m.isPublic(), m.reach(), m.conversationId(), m.sentAt());
    }

    /** The first line of the message, shortened: social posts have no subject of their own. */
    static String subject(String text) {
        String firstLine = text.strip().lines().findFirst().orElse("");
        return firstLine.length() <= SUBJECT_LENGTH ? firstLine
                : firstLine.substring(0, firstLine.offsetByCodePoints(0, Math.min(SUBJECT_LENGTH,
                        firstLine.codePointCount(0, firstLine.length())))) + "…";
    }

    private static String fingerprint(SocialMessage m) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(m.author().id().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(m.text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
