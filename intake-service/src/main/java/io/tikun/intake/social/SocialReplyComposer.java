package io.tikun.intake.social;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.acknowledgement.AcknowledgementComposer;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.events.SocialReplyRequested;
import io.tikun.intake.events.SocialReplyRequested.Visibility;

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
                : acknowledgements.directMessage(complaint).strip();
        String network = prefixOf(message.providerMessageId());
        String conversation = unprefixed(message.conversationId());
        String accountId = null;
        if (message.network() != Network.GENERIC && conversation.indexOf(':') > 0) {
            // Our parsers write "<our account>:<customer>" for direct messages, "post:<id>" or "media:<id>" for comments.
            String head = conversation.substring(0, conversation.indexOf(':'));
            conversation = conversation.substring(head.length() + 1);
            accountId = message.isPublic() ? facebookPageOf(network, conversation) : head;
        }
        return new SocialReplyRequested(complaint.id(), complaint.reference(), complaint.customer().id(), network,
                message.isPublic() ? Visibility.PUBLIC : Visibility.PRIVATE, accountId, message.author().id(),
                message.author().handle(), unprefixed(message.providerMessageId()), conversation, language, text,
                clock.instant());
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
