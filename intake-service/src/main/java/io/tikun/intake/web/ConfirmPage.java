package io.tikun.intake.web;

import io.quarkus.qute.TemplateData;

/** The question behind the mailed link: "is this complaint yours?", with the button that answers it. */
@TemplateData
public record ConfirmPage(FormLanguage lang, String action, String token) {
}
