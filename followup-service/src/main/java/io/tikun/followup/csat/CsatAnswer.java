package io.tikun.followup.csat;

import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.verification.CustomerLanguage;

/**
 * What became of a survey link: a refusal, or the commitment it rates (with the score once recorded).
 *
 * @param refusal null when the link was usable
 * @param commitment the rated commitment; null when refused
 * @param score the recorded score; null when only shown
 * @param language the customer's language, for the page; null when refused (those pages speak every language)
 */
public record CsatAnswer(CsatRefusal refusal, Commitment commitment, Integer score, CustomerLanguage language) {

    static CsatAnswer refused(CsatRefusal refusal) {
        return new CsatAnswer(refusal, null, null, null);
    }

    static CsatAnswer ready(Commitment commitment, CustomerLanguage language) {
        return new CsatAnswer(null, commitment, null, language);
    }

    static CsatAnswer recorded(Commitment commitment, int score, CustomerLanguage language) {
        return new CsatAnswer(null, commitment, score, language);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
