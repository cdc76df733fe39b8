package io.tikun.followup.csat;

import io.tikun.followup.commitment.Commitment;

/**
 * What became of a survey link: a refusal, or the commitment it rates (with the score once recorded).
 *
 * @param refusal null when the link was usable
 * @param commitment the rated commitment; null when refused
 * @param score the recorded score; null when only shown
 */
public record CsatAnswer(CsatRefusal refusal, Commitment commitment, Integer score) {

    static CsatAnswer refused(CsatRefusal refusal) {
        return new CsatAnswer(refusal, null, null);
    }

    static CsatAnswer ready(Commitment commitment) {
        return new CsatAnswer(null, commitment, null);
    }

    static CsatAnswer recorded(Commitment commitment, int score) {
        return new CsatAnswer(null, commitment, score);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
