package io.tikun.intake.web;

import io.quarkus.qute.TemplateData;

/** A short page that explains why nothing happened (403, 404, 413) and offers a fresh form. */
@TemplateData
public record NoticePage(FormLanguage lang, String title, String text) {
}
