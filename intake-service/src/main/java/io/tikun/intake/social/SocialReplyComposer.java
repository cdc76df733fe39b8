package io.tikun.intake.social;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.acknowledgement.AcknowledgementComposer;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.events.SocialReplyRequested;
import io.tikun.intake.events.SocialReplyRequested.Visibility;
import io.tikun.intake.outbound.Destination;

/**
 * Asks for the acknowledgement of a new social complaint on the customer's own network. A direct message gets the
 * acknowledgement's full text for a conversation (greeting by name, reference, next step, promised time, and to reply in
 * that conversation; nothing about an e-mail subject line); a public comment or tweet gets a short answer that anyone may
 * read, so it names no one and repeats nothing of the complaint: only the reference, the promised time and an invitation
 * to continue in private.
 */
@ApplicationScoped
public class SocialReplyComposer {

    private static final String WHEN_PATTERN = "EEEE d MMMM yyyy, HH:mm";
    private static final String HEBREW = "he";
    private static final String ENGLISH = "en";

    private final AcknowledgementComposer acknowledgements;
    private final DateTimeFormatter englishWhen;
    private final DateTimeFormatter hebrewWhen;
    private final Clock clock;

    public SocialReplyComposer(AcknowledgementComposer acknowledgements, IntakeConfig config, Clock clock) {
        this.acknowledgements = acknowledgements;
        this.englishWhen = DateTimeFormatter.ofPattern(WHEN_PATTERN, Locale.ENGLISH)
                .withZone(config.acknowledgement().timeZone());
        this.hebrewWhen = DateTimeFormatter.ofPattern(WHEN_PATTERN, Locale.forLanguageTag("he-IL"))
                .withZone(config.acknowledgement().timeZone());
        this.clock = clock;
    }

    public SocialReplyRequested compose(Complaint complaint, SocialMessage message) {
        String language = writtenInHebrew(complaint) ? HEBREW : ENGLISH;
        String text = message.isPublic() ? publicText(complaint, language)
                : acknowledgements.directMessage(complaint, language).strip();
        Destination.Social to = destination(message.providerMessageId(), message.conversationId(),
                message.isPublic(), message.author().id(), message.author().handle(), message.sentAt());
        return new SocialReplyRequested(complaint.id(), complaint.reference(), complaint.customer().id(), to.network(),
                message.isPublic() ? Visibility.PUBLIC : Visibility.PRIVATE, to.accountId(), to.recipientId(),
                to.recipientHandle(), to.replyToMessageId(), to.conversationId(), language, text, clock.instant());
    }

    /**
     * Where an answer to a customer's social message goes, from the ids intake stores for it: the network is the
     * prefix of the provider's message id ({@code fb:…}, {@code wa:…}, or a generic network's own name); for built-in
     * networks our parsers write the conversation as {@code <our account>:<customer>} for direct messages and
     * {@code post:<id>} or {@code media:<id>} for comments, which gives our account (a Facebook page from its post id).
     * The acknowledgement on {@code social.replies} and the outbound gateway both answer through it.
     */
    public static Destination.Social destination(String providerMessageId, String conversationId, boolean isPublic,
            String recipientId, String recipientHandle, Instant customerLastWroteAt) {
        String network = prefixOf(providerMessageId);
        String conversation = unprefixed(conversationId);
        String accountId = null;
        if (Network.isReservedPrefix(network) && conversation.indexOf(':') > 0) {
            String head = conversation.substring(0, conversation.indexOf(':'));
            conversation = conversation.substring(head.length() + 1);
            accountId = isPublic ? facebookPageOf(network, conversation) : head;
        }
        return new Destination.Social(network, isPublic, accountId, recipientId, recipientHandle,
                unprefixed(providerMessageId), conversation, customerLastWroteAt);
    }

    private String publicText(Complaint c, String language) {
        if (HEBREW.equals(language)) {
            return "תודה, אנחנו מטפלים בזה. מספר הפנייה: %s. נחזור אליך עד %s. נא לשלוח לנו הודעה פרטית עם פרטי הקשר שלך ולא לפרסם אותם כאן."
                    .formatted(c.reference(), hebrewWhen.format(c.expectedResponseBy()));
        }
        return "Thank you, we are on it. Your reference is %s and we will get back to you by %s. Please send us a direct message with your contact details rather than posting them here."
                .formatted(c.reference(), englishWhen.format(c.expectedResponseBy()));
    }

    /**
     * The same rule as the e-mail acknowledgement (Hebrew for a complaint detected as Hebrew, else English), so the
     * language the request names is the language of its text.
     */
    private static boolean writtenInHebrew(Complaint c) {
        return HEBREW.equals(c.language());
    }

    /** Facebook post ids are "<page id>_<post number>". */
    private static String facebookPageOf(String network, String postId) {
        int underscore = postId.indexOf('_');
        return Network.META_FACEBOOK.prefix().equals(network) && underscore > 0 ? postId.substring(0, underscore) : null;
    }

    private static String prefixOf(String prefixedId) {
        return prefixedId.substring(0, prefixedId.indexOf(':'));
    }

    private static String unprefixed(String prefixedId) {
        return prefixedId.substring(prefixedId.indexOf(':') + 1);
    }
}
