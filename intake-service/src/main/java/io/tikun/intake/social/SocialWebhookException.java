package io.tikun.intake.social;

/**
 * A webhook body that is not valid JSON or not in the shape the provider documents; the message says what is wrong
 * in words fit for a problem response (it names JSON paths, never Java internals).
 */
public class SocialWebhookException extends RuntimeException {

    public SocialWebhookException(String reason) {
        super(reason);
    }

    public SocialWebhookException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
