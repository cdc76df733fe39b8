package io.tikun.intake.web;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.intake.complaint.ComplaintService;
import io.tikun.intake.problem.Problem;
import io.tikun.intake.quarantine.PayloadReplayer;
import io.tikun.intake.quarantine.QuarantinedPayload;
import io.tikun.intake.quarantine.RejectedPayload;

/**
 * Files a form submission that was kept aside (its honeypot was filled, e.g. by a browser's autofill)
 * once an admin has judged it genuine: the same checks and the same idempotency key as a live form,
 * without the CSRF check, which the admin's decision replaces.
 */
@ApplicationScoped
public class WebFormReplayer implements PayloadReplayer {

    static final String LANGUAGE_HEADER = "Form-Language";
    private static final int BAD_REQUEST = 400;

    private final ComplaintService complaints;
    private final ComplaintFormValidator validator;
    private final FormTexts texts;
    private final ConfirmationLinks confirmations;

    public WebFormReplayer(ComplaintService complaints, ComplaintFormValidator validator, FormTexts texts,
            ConfirmationLinks confirmations) {
        this.complaints = complaints;
        this.validator = validator;
        this.texts = texts;
        this.confirmations = confirmations;
    }

    @Override
    public String channel() {
        return ComplaintFormResource.QUARANTINE_CHANNEL;
    }

    @Override
    public Uni<String> replay(QuarantinedPayload payload, byte[] raw) {
        return Uni.createFrom().item(() -> {
            UrlEncodedForm fields;
            try {
                fields = UrlEncodedForm.parse(raw);
            } catch (UrlEncodedForm.MalformedFormException e) {
                throw new RejectedPayload(BAD_REQUEST, "Malformed form", e.getMessage(), List.of());
            }
            return fields;
        }).chain(fields -> {
            FormMessages messages = texts.in(FormLanguage.of(payload.headers().get(LANGUAGE_HEADER)).orElse(FormLanguage.EN));
            ComplaintForm form = ComplaintForm.from(fields);
            Map<String, String> errors = validator.errors(form, messages);
            if (!errors.isEmpty()) {
                throw new RejectedPayload(BAD_REQUEST, "Invalid form", "The form has invalid or missing fields.",
                        errors.entrySet().stream().map(e -> new Problem.Violation(e.getKey(), e.getValue())).toList());
            }
            String formId = fields.get(ComplaintFormResource.FORM_ID_FIELD);
            // Genuine, but still typed by someone unproven: the address owner confirms it like any form complaint.
            return complaints.submitAnonymously(form.toRequest(messages.referenceInBody()),
                    formId.isBlank() ? null : ComplaintFormResource.IDEMPOTENCY_PREFIX + formId, confirmations::url);
        }).map(submission -> submission.complaint().reference());
    }
}
