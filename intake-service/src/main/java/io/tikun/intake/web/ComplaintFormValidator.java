package io.tikun.intake.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.NewComplaintRequest;

/**
 * Checks a filled-in form and says, per field and in the page's language, what to fix. E-mail and
 * phone are checked by the same constraints as the JSON API, so both accept the same addresses.
 */
@ApplicationScoped
public class ComplaintFormValidator {

    private final Validator validator;
    private final IntakeConfig.ComplaintForm limits;

    public ComplaintFormValidator(Validator validator, IntakeConfig config) {
        this.validator = validator;
        this.limits = config.form();
    }

    /** Error message per field name, in the order of the form; empty when the form can be sent. */
    public Map<String, String> errors(ComplaintForm form, FormMessages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        requiredWithin(errors, ComplaintForm.NAME, form.name(), limits.maxNameLength(), messages.nameNoun(), messages);
        if (form.email().isEmpty()) {
            errors.put(ComplaintForm.EMAIL, messages.required(messages.emailNoun()));
        } else if (!validator.validateValue(NewComplaintRequest.CustomerDetails.class, "email", form.email()).isEmpty()) {
            errors.put(ComplaintForm.EMAIL, messages.invalidEmail());
        }
        if (!form.phone().isEmpty()
                && !validator.validateValue(NewComplaintRequest.CustomerDetails.class, "phone", form.phone()).isEmpty()) {
            errors.put(ComplaintForm.PHONE, messages.invalidPhone());
        }
        requiredWithin(errors, ComplaintForm.SUBJECT, form.subject(), limits.maxSubjectLength(), messages.subjectNoun(),
                messages);
        within(errors, ComplaintForm.REFERENCE, form.reference(), limits.maxReferenceLength(), messages);
        requiredWithin(errors, ComplaintForm.TEXT, form.text(), limits.maxTextLength(), messages.textNoun(), messages);
        return Collections.unmodifiableMap(errors);
    }

    private static void requiredWithin(Map<String, String> errors, String field, String value, int max, String noun,
            FormMessages messages) {
        if (value.isEmpty()) {
            errors.put(field, messages.required(noun));
        } else {
            within(errors, field, value, max, messages);
        }
    }

    private static void within(Map<String, String> errors, String field, String value, int max, FormMessages messages) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            errors.put(field, messages.tooLong(max, length));
        }
    }
}
