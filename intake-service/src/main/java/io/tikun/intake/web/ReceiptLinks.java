package io.tikun.intake.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.intake.IntakeConfig;

/**
 * Signs the result page's address, so only the browser that sent a form (which was redirected there)
 * can open it: guessing another complaint's id is not enough, and a link that leaked (history, a shared
 * screen) stops opening after {@code tikun.intake.form.receipt-validity}.
 */
@ApplicationScoped
public class ReceiptLinks {

    static final String PURPOSE = "receipt";

    private final SignedLinks links;
    private final IntakeConfig config;

    public ReceiptLinks(SignedLinks links, IntakeConfig config) {
        this.links = links;
        this.config = config;
    }

    public String token(String id) {
        return links.token(PURPOSE, id, links.now().plus(config.form().receiptValidity()));
    }

    public SignedLinks.Verdict verify(String id, String token) {
        return links.verify(PURPOSE, id, token);
    }
}
