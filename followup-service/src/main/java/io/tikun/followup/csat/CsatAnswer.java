package io.tikun.followup.csat;

import io.tikun.followup.verification.CustomerLanguage;

/**
 * What became of a survey link: a refusal, or what it rates (with the score once recorded).
 *
 * @param refusal null when the link was usable
 * @param reference the complaint's reference; null when refused
 * @param about what was rated, in the customer's or the agent's words (the promise, or the complaint's subject)
 * @param score the recorded score; null when only shown
 * @param language the customer's language, for the page; null when refused (those pages speak the browser's language)
 */
public record CsatAnswer(CsatRefusal refusal, String reference, String about, Integer score,
        CustomerLanguage language) {

    static CsatAnswer refused(CsatRefusal refusal) {
        return new CsatAnswer(refusal, null, null, null, null);
    }

    static CsatAnswer ready(String reference, String about, CustomerLanguage language) {
        return new CsatAnswer(null, reference, about, null, language);
    }

    static CsatAnswer recorded(String reference, String about, int score, CustomerLanguage language) {
        return new CsatAnswer(null, reference, about, score, language);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
