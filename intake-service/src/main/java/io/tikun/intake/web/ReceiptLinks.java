package io.tikun.intake.web;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signs the result page's address, so only the browser that sent a form (which was redirected there)
 * can open it: guessing another complaint's id is not enough.
 */
@ApplicationScoped
public class ReceiptLinks {

    private static final String PURPOSE = "receipt";

    private final FormSecret secret;

    public ReceiptLinks(FormSecret secret) {
        this.secret = secret;
    }

    public String token(String id) {
        return secret.sign(PURPOSE, id);
    }

    public boolean verify(String id, String token) {
        return id != null && secret.verify(token, PURPOSE, id);
    }
}
