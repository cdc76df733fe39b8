package io.tikun.followup.csat;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tikun.followup.verification.CustomerAnswerService;
import io.tikun.followup.verification.CustomerLanguage;
import io.tikun.followup.verification.CustomerPageTemplates;
import io.tikun.followup.verification.CustomerPages.Page;

/**
 * The satisfaction survey a customer reaches from the survey message: 1 to 5 and a comment, in the customer's
 * language. Rendered by {@link CustomerPageTemplates}, so it escapes and looks like the verification pages.
 */
@ApplicationScoped
public class CsatPages {

    private static final List<Integer> SCORES = IntStream
            .rangeClosed(CsatService.LOWEST_SCORE, CsatService.HIGHEST_SCORE).boxed().toList();

    private final CustomerPageTemplates templates;

    public CsatPages(CustomerPageTemplates templates) {
        this.templates = templates;
    }

    /** The form; only its POST records anything. */
    public Page ask(CsatAnswer ready, String token) {
        CustomerLanguage language = ready.language();
        CsatForm form = new CsatForm(ready.about(), ready.reference(), token,
                templates.line(language, "csat.ask.legend"), SCORES, templates.line(language, "csat.ask.comment"),
                templates.line(language, "csat.ask.button"), CustomerAnswerService.MAX_COMMENT);
        return templates.form(language, "csat.ask", "csat-ask.html", form);
    }

    /** After the rating was recorded. */
    public Page thanks(CsatAnswer recorded) {
        return templates.notice(Response.Status.OK, recorded.language(), "csat.thanks.title", "csat.thanks.lead",
                null);
    }

    /**
     * Why nothing was recorded, in the browser's language: what it rates may be unknown.
     *
     * @param language the browser's language ({@link CustomerLanguage#ofAcceptLanguage})
     */
    public Page refused(CsatRefusal refusal, CustomerLanguage language) {
        Response.Status status = switch (refusal) {
            case MALFORMED, TAMPERED, WRONG_LINK, NO_SCORE -> Response.Status.BAD_REQUEST;
            case EXPIRED -> Response.Status.GONE;
            case ALREADY_USED, ALREADY_RATED -> Response.Status.CONFLICT;
            case UNKNOWN_COMMITMENT -> Response.Status.NOT_FOUND;
        };
        // Whichever link was used, the customer has rated already.
        CsatRefusal shown = refusal == CsatRefusal.ALREADY_USED ? CsatRefusal.ALREADY_RATED : refusal;
        String key = "csat.refused." + CustomerPageTemplates.keyOf(shown);
        // Without a score the link still works: the customer only has to choose one.
        String help = refusal == CsatRefusal.NO_SCORE ? null : "csat.help";
        return templates.notice(status, language, key + ".title", key + ".lead", help);
    }

    /** Something failed on our side. */
    public Page unavailable(CustomerLanguage language) {
        return templates.notice(Response.Status.SERVICE_UNAVAILABLE, language, "csat.unavailable.title",
                "csat.unavailable.lead", null);
    }
}
