package io.tikun.followup.csat;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.tikun.followup.verification.PageLine;

/**
 * The form of {@code templates/customer-pages/csat-ask.html}: what is rated, the scores to choose from and the
 * labels.
 *
 * @param about what is rated, in the customer's or the agent's words
 */
@TemplateData
public record CsatForm(String about, String reference, String token, PageLine legend, List<Integer> scores,
        PageLine comment, PageLine button, int maxComment) {
}
