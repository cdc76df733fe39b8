package io.tikun.intake.severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.customer.CustomerTier;

/** Judges a complaint's severity from explainable signals; the highest signal wins. */
@ApplicationScoped
public class SeverityJudge {

    static final String LEXICON = "severity/lexicon.json";
    static final String PUBLIC_EXPOSURE = SignalCode.PUBLIC_EXPOSURE.name();
    static final String WIDE_REACH = SignalCode.WIDE_REACH.name();
    static final String REPEAT_COMPLAINTS = SignalCode.REPEAT_COMPLAINTS.name();
    static final String CUSTOMER_VALUE = SignalCode.CUSTOMER_VALUE.name();
    /** Also a lexicon signal, for a chief executive named in the text. */
    static final String CEO_ADDRESSED = SignalCode.CEO_ADDRESSED.name();

    private final SeverityLexicon lexicon;
    private final SeverityRules rules;

    @Inject
    public SeverityJudge(ObjectMapper mapper, IntakeConfig config) {
        this(SeverityLexicon.fromClasspath(LEXICON, mapper), SeverityRules.from(config.severity()));
    }

    SeverityJudge(SeverityLexicon lexicon, SeverityRules rules) {
        this.lexicon = lexicon;
        this.rules = rules;
    }

    public SeverityAssessment judge(String subject, String body) {
        return judge(subject, body, Exposure.PRIVATE);
    }

    public SeverityAssessment judge(String subject, String body, Exposure exposure) {
        return judge(subject, body, new SeverityContext(exposure, 0, CustomerTier.STANDARD, List.of()));
    }

    /**
     * A public post is at least MEDIUM (others can see how we treat customers); a widely followed
     * author's, HIGH. A customer who keeps complaining, a valuable customer and a mail to the chief
     * executive raise it as configured.
     */
    public SeverityAssessment judge(String subject, String body, SeverityContext context) {
        List<SeverityReason> reasons = new ArrayList<>(lexicon.match(subject + "\n" + body));
        Exposure exposure = context.exposure();
        if (exposure.publicPost()) {
            reasons.add(new SeverityReason(PUBLIC_EXPOSURE, Severity.MEDIUM, "public post"));
            if (exposure.reach() != null && exposure.reach() >= rules.wideReach()) {
                reasons.add(new SeverityReason(WIDE_REACH, Severity.HIGH, exposure.reach() + " followers"));
            }
        }
        if (context.earlierComplaints() >= rules.repeatThreshold()) {
            reasons.add(new SeverityReason(REPEAT_COMPLAINTS, rules.repeatImplies(),
                    context.earlierComplaints() + " earlier complaints within " + rules.repeatWindow().toDays() + " days"));
        }
        switch (context.tier()) {
            case GOLD -> reasons.add(new SeverityReason(CUSTOMER_VALUE, rules.goldImplies(), "GOLD customer"));
            case VIP -> reasons.add(new SeverityReason(CUSTOMER_VALUE, rules.vipImplies(), "VIP customer"));
            case STANDARD -> {
            }
        }
        boolean ceoNamed = reasons.stream().anyMatch(r -> CEO_ADDRESSED.equals(r.signal()));
        context.recipients().stream()
                .filter(address -> rules.ceoAddresses().contains(address.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .filter(address -> !ceoNamed)
                .ifPresent(address -> reasons.add(new SeverityReason(CEO_ADDRESSED, rules.ceoImplies(), "sent to " + address)));
        Severity severity = reasons.stream().map(SeverityReason::implies).reduce(Severity.LOW, Severity::atLeast);
        return new SeverityAssessment(severity, List.copyOf(reasons));
    }
}
