package io.tikun.intake.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;

/** The form's message bundle in each language it speaks. */
@ApplicationScoped
public class FormTexts {

    private final FormMessages english;
    private final FormMessages hebrew;

    public FormTexts(FormMessages english, @Localized("he") FormMessages hebrew) {
        this.english = english;
        this.hebrew = hebrew;
    }

    public FormMessages in(FormLanguage language) {
        return language == FormLanguage.HE ? hebrew : english;
    }
}
