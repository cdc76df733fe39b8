package io.tikun.followup.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.verification.CustomerAnswer.Refusal;

/**
 * The small HTML pages a customer sees after following a link to answer whether a promise was kept. The pages about
 * a known answer speak the customer's language, as the e-mail that held the link did (see {@link CustomerLanguages});
 * the pages of a refused link speak the browser's language, since the commitment may be unknown. Rendered by
 * {@link CustomerPageTemplates}, which escapes everything.
 */
@ApplicationScoped
public class CustomerPages {

    /** The media type of every customer page. */
    public static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private static final String CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** A page with its HTTP status. */
    public record Page(int status, String html) {
    }

    private final CustomerPageTemplates templates;

    public CustomerPages(CustomerPageTemplates templates) {
        this.templates = templates;
    }

    /** Asks the customer to confirm the answer the link stands for; only the form's POST changes anything. */
    public Page ask(CustomerAnswer ready, String token) {
        CommitmentView c = ready.commitment();
        CustomerLanguage language = ready.language();
        String prefix = ready.action() == LinkAction.CONFIRM_FIXED ? "verify.confirm" : "verify.deny";
        VerifyForm form = new VerifyForm(c.what(), c.reference(), token, templates.line(language, prefix + ".comment"),
                templates.line(language, prefix + ".button"), CustomerAnswerService.MAX_COMMENT);
        return templates.form(language, prefix, "verify-ask.html", form);
    }

    /** After the answer was recorded. */
    public Page thanks(CustomerAnswer recorded) {
        CustomerLanguage language = recorded.language();
        CommitmentStatus status = recorded.commitment().status();
        if (status == CommitmentStatus.VERIFIED) {
            return templates.notice(Response.Status.OK, language, "verify.thanks.verified.title",
                    "verify.thanks.verified.lead", null);
        }
        String next = status == CommitmentStatus.BROKEN ? "verify.thanks.broken.lead" : "verify.thanks.disputed.lead";
        return templates.notice(Response.Status.OK, language, "verify.thanks.told.title", next, null);
    }

    /**
     * Why the link did nothing, and what the customer can do instead.
     *
     * @param language the browser's language ({@link CustomerLanguage#ofAcceptLanguage})
     */
    public Page refused(Refusal refusal, CustomerLanguage language) {
        Response.Status status = switch (refusal) {
            case MALFORMED, TAMPERED, WRONG_LINK -> Response.Status.BAD_REQUEST;
            case EXPIRED -> Response.Status.GONE;
            case ALREADY_USED, ALREADY_ANSWERED -> Response.Status.CONFLICT;
            case UNKNOWN_COMMITMENT -> Response.Status.NOT_FOUND;
        };
        String key = "verify.refused." + CustomerPageTemplates.keyOf(refusal);
        return templates.notice(status, language, key + ".title", key + ".lead", "verify.help");
    }

    /** Something failed on our side; the customer may try again. */
    public Page unavailable(CustomerLanguage language) {
        return templates.notice(Response.Status.SERVICE_UNAVAILABLE, language, "verify.unavailable.title",
                "verify.unavailable.lead", "verify.help");
    }

    /**
     * The response for a page. The token is in the page's URL: keep it out of caches, other sites' Referer headers
     * and search engines, and let the page load nothing but its own inline style.
     */
    public static Response respond(Page page) {
        return Response.status(page.status())
                .type(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_POLICY)
                .header("X-Robots-Tag", "noindex")
                .entity(page.html())
                .build();
    }
}
