package io.tikun.followup.verification;

import io.quarkus.qute.TemplateData;

/**
 * What a customer can do when a link did nothing: reply to the e-mail, or call the support phone when one is set.
 *
 * @param line null when the page offers no help
 * @param phone the support phone, linked after the text; null when none is set
 */
@TemplateData
public record PageHelp(PageLine line, String phone) {

    public static PageHelp none() {
        return new PageHelp(null, null);
    }
}
