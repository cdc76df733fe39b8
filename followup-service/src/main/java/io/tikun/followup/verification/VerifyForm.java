package io.tikun.followup.verification;

import io.quarkus.qute.TemplateData;

/**
 * The form of {@code templates/customer-pages/verify-ask.html}: the promise, and the comment and button of the answer
 * the link stands for.
 *
 * @param promise what was promised, in the agent's words
 */
@TemplateData
public record VerifyForm(String promise, String reference, String token, PageLine comment, PageLine button,
        int maxComment) {
}
