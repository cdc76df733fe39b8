package io.tikun.intake.web;

import java.util.List;
import java.util.stream.Stream;

import io.quarkus.qute.TemplateData;

/**
 * The complaint form as rendered: its language, both fieldsets, the hidden CSRF token and form id, and
 * an optional notice above the fields.
 */
@TemplateData
public record FormPage(FormLanguage lang, List<FieldView> aboutYou, List<FieldView> aboutComplaint, String csrfToken,
        String formId, String honeypotField, String notice) {

    /** The fields with an error, in the order of the form, for the summary at the top. */
    public List<FieldView> invalid() {
        return Stream.concat(aboutYou.stream(), aboutComplaint.stream()).filter(FieldView::invalid).toList();
    }

    public boolean hasErrors() {
        return !invalid().isEmpty();
    }
}
