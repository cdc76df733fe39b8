package io.tikun.followup.verification;

import io.quarkus.qute.TemplateData;

/**
 * What every customer page has ({@code templates/customer-pages/layout.html}): its language and direction, its title
 * and its lead paragraph.
 *
 * @param lang the ISO 639-1 code of the page's language
 * @param dir {@code rtl} or {@code ltr}
 */
@TemplateData
public record PageFrame(String lang, String dir, PageLine title, PageLine lead) {
}
