package io.tikun.intake.web;

import io.quarkus.qute.TemplateData;

/**
 * The page after sending: the reference, what happens next and by when. Without a reference it is the
 * neutral thank-you shown for a submission that was kept aside rather than filed.
 */
@TemplateData
public record ReceivedPage(FormLanguage lang, String reference, String next, String due, String zone,
        String confirmationTo) {

    public static ReceivedPage neutral(FormLanguage lang) {
        return new ReceivedPage(lang, null, null, null, null, null);
    }

    public boolean filed() {
        return reference != null;
    }
}
