package io.tikun.intake.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.complaint.ComplaintChannel;
import io.tikun.intake.complaint.ConversationRepository;
import io.tikun.intake.complaint.FollowUpMessage;
import io.tikun.intake.social.SocialReplyComposer;

/**
 * Finds where a customer message goes from the complaint the customer wrote: an e-mail complaint is answered in its
 * thread, a web complaint by mail to the address given, a social one on its network as the acknowledgement was.
 */
@ApplicationScoped
public class DestinationResolver {

    private static final String EMAIL_KEY = "email:";
    private static final String SOCIAL_KEY = "social:";
    /** Message-IDs the e-mail channel made up for mails without one: not a Message-ID anyone can refer to. */
    private static final String DIGEST_ID = "sha256:";
    private static final Pattern RE_AND_TOKENS = Pattern
            .compile("^(\\s*((re|aw|fwd?|השב|תשובה)\\s*:|\\[[A-Z]+-\\d{6,}]))+\\s*", Pattern.CASE_INSENSITIVE);

    private final ConversationRepository conversations;

    public DestinationResolver(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    /** Where a message for this complaint goes, or why it cannot go anywhere; null when the complaint is unknown. */
    public Uni<Resolution> resolve(String complaintId) {
        return conversations.thread(complaintId).map(thread -> thread == null ? null : resolve(thread));
    }

    /** The complaint, the channel its answer goes out on (email, meta, x, webhook) and where; or why not. */
    public record Resolution(Complaint complaint, String channel, Destination destination, String problem) {
    }

    static Resolution resolve(ConversationRepository.Thread thread) {
        Complaint c = thread.complaint();
        String email = ComplaintChannel.EMAIL.wire();
        if (email.equals(c.channel()) || ComplaintChannel.WEB.wire().equals(c.channel())) {
            if (c.customer().email() == null || c.customer().email().isBlank()) {
                return new Resolution(c, email, null, "the complaint's customer has no e-mail address");
            }
            // A web complaint has no mail to answer at first; once the customer answered one of ours by mail, the
            // thread is theirs as much as an e-mail complaint's.
            return new Resolution(c, email, threadedMail(thread), null);
        }
        String author = authorOf(thread.threadKeys());
        if (author == null || c.idempotencyKey() == null || c.conversationId() == null) {
            return new Resolution(c, c.channel(), null, "the complaint does not say who wrote it on " + c.channel());
        }
        Instant lastWrote = thread.messages().isEmpty() ? c.receivedAt()
                : thread.messages().get(thread.messages().size() - 1).receivedAt();
        String lastMessage = thread.messages().isEmpty() ? c.idempotencyKey()
                : thread.messages().get(thread.messages().size() - 1).dedupKey();
        return new Resolution(c, c.channel(), SocialReplyComposer.destination(lastMessage, c.conversationId(),
                c.publicPost(), author, null, lastWrote), null);
    }

    /**
     * A reply in the customer's mail thread: In-Reply-To their last mail, References every Message-ID of the thread
     * (theirs, our acknowledgement and earlier answers) in the order the thread learnt them, oldest first.
     */
    static Destination.Email threadedMail(ConversationRepository.Thread thread) {
        Complaint c = thread.complaint();
        String last = usable(c.conversationId()) ? c.conversationId() : null;
        for (FollowUpMessage m : thread.messages()) {
            String id = messageIdOf(m.dedupKey());
            if (ComplaintChannel.EMAIL.wire().equals(m.channel()) && usable(id)) {
                last = id;
            }
        }
        List<String> references = new ArrayList<>();
        for (String key : thread.threadKeys()) {
            if (usable(key) && !key.startsWith(SOCIAL_KEY) && !references.contains(key)) {
                references.add(key);
            }
        }
        if (last != null && !references.contains(last)) {
            references.add(last);
        }
        return new Destination.Email(c.customer().email(), c.customer().name(), threadSubject(c.subject()), last,
                references);
    }

    /** A further mail's Message-ID from its dedup key ({@code email:<id>}, or {@code email:<id>#<digest>}). */
    private static String messageIdOf(String dedupKey) {
        if (dedupKey == null || !dedupKey.startsWith(EMAIL_KEY)) {
            return null;
        }
        String id = dedupKey.substring(EMAIL_KEY.length());
        int digest = id.indexOf('#');
        return digest < 0 ? id : id.substring(0, digest);
    }

    private static boolean usable(String messageId) {
        return messageId != null && !messageId.isBlank() && !messageId.startsWith(DIGEST_ID) && messageId.contains("@");
    }

    /** The customer's own network id, from the complaint's first thread key ({@code social:<network>:<id>>…}). */
    static String authorOf(List<String> threadKeys) {
        for (String key : threadKeys) {
            if (key.startsWith(SOCIAL_KEY) && key.indexOf('>') > 0) {
                String identity = key.substring(SOCIAL_KEY.length(), key.indexOf('>'));
                int colon = identity.indexOf(':');
                return colon < 0 ? null : identity.substring(colon + 1);
            }
        }
        return null;
    }

    /** The customer's subject without "Re:"/"Fwd:" and reference tokens, which the mail adds again itself. */
    static String threadSubject(String subject) {
        return subject == null ? "" : RE_AND_TOKENS.matcher(subject).replaceFirst("").strip();
    }
}
