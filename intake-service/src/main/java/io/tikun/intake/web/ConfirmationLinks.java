package io.tikun.intake.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;

import io.tikun.intake.IntakeConfig;
import io.tikun.intake.complaint.Complaint;

/**
 * The "yes, this complaint is mine" link mailed to the address typed into the anonymous form: signed for one
 * complaint and valid for {@code tikun.intake.form.confirmation-validity}.
 */
@ApplicationScoped
public class ConfirmationLinks {

    static final String PURPOSE = "confirm-requester";
    static final String PATH = ComplaintFormResource.PATH + "/confirm";

    private final SignedLinks links;
    private final IntakeConfig config;

    public ConfirmationLinks(SignedLinks links, IntakeConfig config) {
        this.links = links;
        this.config = config;
    }

    /** The absolute link for the acknowledgement mail, in the complaint's language when it is one of the form's. */
    public String url(Complaint complaint) {
        String lang = FormLanguage.of(complaint.language()).orElse(FormLanguage.EN).tag();
        return UriBuilder.fromUri(config.form().publicUrl()).path(PATH).path(complaint.id())
                .queryParam("lang", lang)
                .queryParam("t", links.token(PURPOSE, complaint.id(),
                        links.now().plus(config.form().confirmationValidity())))
                .build().toString();
    }

    public SignedLinks.Verdict verify(String complaintId, String token) {
        return links.verify(PURPOSE, complaintId, token);
    }
}
