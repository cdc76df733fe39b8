package io.tikun.intake.email;

/**
 * The result of removing quoted history from a body.
 *
 * @param ownText what the sender wrote above any quoted history, without signature
 * @param forwardedText the body of an inline-forwarded message (its own quotes removed), or "" when none
 */
public record StrippedText(String ownText, String forwardedText) {

    public boolean forwarded() {
        return !forwardedText.isEmpty();
    }
}
