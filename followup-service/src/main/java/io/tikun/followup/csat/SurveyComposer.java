package io.tikun.followup.csat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.followup.message.CustomerMessageDraft;
import io.tikun.followup.message.CustomerTexts;
import io.tikun.followup.verification.CustomerLanguage;

/** Writes the satisfaction survey sent once per case when it is resolved, with its signed single-use link. */
@ApplicationScoped
public class SurveyComposer {

    /** What the survey is about, and the language to write it in. */
    public record Survey(String reference, String customerName, URI surveyUrl, Duration validFor,
            CustomerLanguage language) {
    }

    private final CustomerTexts texts;

    public SurveyComposer(CustomerTexts texts) {
        this.texts = texts;
    }

    public CustomerMessageDraft compose(Survey s) {
        CustomerLanguage language = s.language();
        String text = texts.greeting(language, s.customerName()) + "\n\n"
                + texts.text(language, "survey.body", Map.of("reference", s.reference(), "surveyUrl", s.surveyUrl(),
                        "days", Math.max(1, s.validFor().toDays())))
                + "\n\n" + texts.text(language, "signature");
        return new CustomerMessageDraft(texts.text(language, "survey.subject"), text,
                List.of(new CustomerMessageDraft.Link(texts.text(language, "survey.link"), s.surveyUrl().toString())));
    }
}
