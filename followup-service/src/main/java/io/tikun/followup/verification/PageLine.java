package io.tikun.followup.verification;

import io.quarkus.qute.TemplateData;

/**
 * One text of a customer page in the page's language, with the English under it when the page is in another language,
 * so that a relative who reads only English can help.
 *
 * @param english null on an English page
 */
@TemplateData
public record PageLine(String text, String english) {
}
