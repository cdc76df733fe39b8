package io.tikun.intake.web;

import io.tikun.intake.complaint.NewComplaintRequest;

/** What a customer typed into the complaint form, as typed (trimmed). */
public record ComplaintForm(String name, String email, String phone, String subject, String reference, String text) {

    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String SUBJECT = "subject";
    static final String REFERENCE = "reference";
    static final String TEXT = "text";

    public static ComplaintForm empty() {
        return new ComplaintForm("", "", "", "", "", "");
    }

    public static ComplaintForm from(UrlEncodedForm form) {
        return new ComplaintForm(form.get(NAME).strip(), form.get(EMAIL).strip(), form.get(PHONE).strip(),
                form.get(SUBJECT).strip(), form.get(REFERENCE).strip(), form.get(TEXT).strip());
    }

    /**
     * The complaint as the web API takes it. The order or reference number has no field of its own in
     * the complaint, so it closes the text, labelled in the page's language.
     */
    public NewComplaintRequest toRequest(String referenceLabel) {
        String body = reference.isEmpty() ? text : text + "\n\n" + referenceLabel + ": " + reference;
        return new NewComplaintRequest(new NewComplaintRequest.CustomerDetails(name, email, phone.isEmpty() ? null : phone),
                subject, body, "web");
    }
}
