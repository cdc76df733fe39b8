package io.tikun.intake.severity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Judges a complaint's severity from explainable signals; the highest signal wins. */
@ApplicationScoped
public class SeverityJudge {

    static final String LEXICON = "severity/lexicon.json";

    private final SeverityLexicon lexicon;

    @Inject
    public SeverityJudge(ObjectMapper mapper) {
        this(SeverityLexicon.fromClasspath(LEXICON, mapper));
    }

    SeverityJudge(SeverityLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public SeverityAssessment judge(String subject, String body) {
        List<SeverityReason> reasons = lexicon.match(subject + "\n" + body);
        Severity severity = reasons.stream().map(SeverityReason::implies).reduce(Severity.LOW, Severity::atLeast);
        return new SeverityAssessment(severity, reasons);
    }
}
