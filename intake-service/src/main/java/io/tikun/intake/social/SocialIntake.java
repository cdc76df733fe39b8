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
import io.tikun.intake.complaint.ComplaintService;
import io.tikun.intake.complaint.IncomingComplaint;
import io.tikun.intake.customer.CustomerIdentity;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Turns an authenticated webhook delivery into complaints, one per customer message, and keeps
 * a delivery it cannot read in quarantine instead of dropping it.
 */
@ApplicationScoped
public class SocialIntake {

    private static final int BAD_REQUEST = 400;
    private static final int SUBJECT_LENGTH = 80;

    private final ComplaintService complaints;
    private final QuarantineRepository quarantine;
    private final Clock clock;

    public SocialIntake(ComplaintService complaints, QuarantineRepository quarantine, Clock clock) {
        this.complaints = complaints;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    public Uni<SocialDelivery> accept(String channel, String endpoint, String contentType, byte[] body,
            Supplier<List<SocialMessage>> parser) {
        List<SocialMessage> messages;
        try {
            messages = parser.get();
        } catch (SocialWebhookException e) {
            RejectedPayload rejected = new RejectedPayload(BAD_REQUEST, "Unreadable webhook", e.getMessage(), List.of());
            return quarantine.keep(channel, endpoint, contentType, Map.of(), body, rejected.reason(), clock.instant())
                    .chain(id -> Uni.createFrom().failure(rejected.quarantinedAs(id)));
        }
        return Multi.createFrom().iterable(messages)
                .onItem().transformToUniAndConcatenate(message -> complaints.receive(toComplaint(channel, message))
                        .map(submission -> new SocialDelivery.Item(message.providerMessageId(),
                                submission.complaint().id(), submission.complaint().reference(), submission.created())))
                .collect().asList()
                .map(items -> new SocialDelivery(messages.size(), items));
    }

    static IncomingComplaint toComplaint(String channel, SocialMessage m) {
        SocialAuthor author = m.author();
        String network = m.network() == Network.GENERIC ? m.genericNetwork() : m.network().prefix();
        String name = author.displayName() != null ? author.displayName()
                : author.handle() != null ? author.handle() : author.id();
        return new IncomingComplaint(channel, m.providerMessageId(), fingerprint(m),
                CustomerIdentity.onNetwork(network, author.id(), name, author.handle(), author.phone()),
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
