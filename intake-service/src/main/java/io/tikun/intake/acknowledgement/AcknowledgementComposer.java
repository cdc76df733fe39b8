package io.tikun.intake.acknowledgement;

import java.time.ZoneId;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.Complaint;

/**
 * Writes the acknowledgement in the customer's language (Hebrew, English, Arabic or Russian as detected, else English;
 * the wording lives in operator-editable bundles, see {@link AcknowledgementTexts}): the reference to quote, what
 * happens next given the severity, and the promised time, as an e-mail or as a private message on the customer's
 * social network.
 */
@ApplicationScoped
public class AcknowledgementComposer {

    private final AcknowledgementTexts texts;

    @Inject
    public AcknowledgementComposer(IntakeConfig config) {
        this(config.acknowledgement().timeZone());
    }

    AcknowledgementComposer(ZoneId timeZone) {
        this.texts = new AcknowledgementTexts(timeZone);
    }

    public AcknowledgementMail compose(Complaint c, String inReplyTo) {
        String language = c.language();
        Map<String, String> values = values(c, language);
        return new AcknowledgementMail(c.customer().email(),
                "[" + c.reference() + "] " + texts.fill(language, "mail.subject", values),
                texts.fill(language, "mail.body", values), inReplyTo);
    }

    /**
     * The acknowledgement to an address typed into the anonymous form, which may not be the sender's: fixed wording,
     * the reference, the next step and the promised time, and the link by which the address owner confirms the
     * complaint as theirs; nothing the submitter typed (no name, subject or text), so the form cannot be used to send
     * someone else a message of the submitter's choosing.
     */
    public AcknowledgementMail composeUnverified(Complaint c, String confirmationLink) {
        String language = c.language();
        Map<String, String> values = Map.of("reference", c.reference(), "link", confirmationLink,
                "next", texts.nextStep(language, c.assessment().severity()),
                "when", texts.when(language, c.expectedResponseBy()));
        return new AcknowledgementMail(c.customer().email(),
                "[" + c.reference() + "] " + texts.fill(language, "unverified.subject", values),
                texts.fill(language, "unverified.body", values), null);
    }

    /**
     * The acknowledgement as a private message on the customer's own network (Messenger, Instagram, WhatsApp, an X
     * direct message): the same reference, next step and promised time, but the way to add something is to answer in
     * that conversation, since such messages have no subject line to keep the reference in.
     */
    public String directMessage(Complaint c) {
        return directMessage(c, c.language());
    }

    /** {@link #directMessage(Complaint)} in the given language (the networks' acknowledgements are he or en). */
    public String directMessage(Complaint c, String language) {
        return texts.fill(language, "direct.body", values(c, language));
    }

    private Map<String, String> values(Complaint c, String language) {
        return Map.of("name", String.valueOf(c.customer().name()), "subject", String.valueOf(c.subject()),
                "reference", c.reference(), "next", texts.nextStep(language, c.assessment().severity()),
                "when", texts.when(language, c.expectedResponseBy()));
    }
}
