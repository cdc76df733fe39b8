package io.tikun.intake.severity;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.IntakeConfig;

/** Judges a complaint's severity from explainable signals; the highest signal wins. */
@ApplicationScoped
public class SeverityJudge {

    static final String LEXICON = "severity/lexicon.json";
    static final String PUBLIC_EXPOSURE = "PUBLIC_EXPOSURE";
    static final String WIDE_REACH = "WIDE_REACH";

    private final SeverityLexicon lexicon;
    private final long wideReach;

    @Inject
    public SeverityJudge(ObjectMapper mapper, IntakeConfig config) {
        this(SeverityLexicon.fromClasspath(LEXICON, mapper), config.severity().wideReach());
    }

    SeverityJudge(SeverityLexicon lexicon, long wideReach) {
        this.lexicon = lexicon;
        this.wideReach = wideReach;
    }

    public SeverityAssessment judge(String subject, String body) {
        return judge(subject, body, Exposure.PRIVATE);
    }

    /** A public post is at least MEDIUM (others can see how we treat customers); a widely followed author's, HIGH. */
    public SeverityAssessment judge(String subject, String body, Exposure exposure) {
        List<SeverityReason> reasons = new ArrayList<>(lexicon.match(subject + "\n" + body));
        if (exposure.publicPost()) {
            reasons.add(new SeverityReason(PUBLIC_EXPOSURE, Severity.MEDIUM, "public post"));
            if (exposure.reach() != null && exposure.reach() >= wideReach) {
                reasons.add(new SeverityReason(WIDE_REACH, Severity.HIGH, exposure.reach() + " followers"));
            }
        }
        Severity severity = reasons.stream().map(SeverityReason::implies).reduce(Severity.LOW, Severity::atLeast);
        return new SeverityAssessment(severity, List.copyOf(reasons));
    }
}
