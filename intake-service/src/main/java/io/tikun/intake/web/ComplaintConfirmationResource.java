package io.tikun.intake.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.tikun.intake.IntakeConfig;
import io.tikun.intake.ratelimit.ClientAddress;
import io.tikun.intake.ratelimit.RateLimit;
import io.tikun.intake.ratelimit.RateLimiter;
import io.vertx.core.http.HttpServerRequest;

/**
 * The link mailed to the address typed into the anonymous form. Opening it only asks (mail scanners open links
 * too); the button posts the signed token, and then the complaint joins the address owner's history, once.
 */
@Path(ConfirmationLinks.PATH)
@PermitAll
@Tag(name = "Complaint form")
public class ComplaintConfirmationResource {

    @CheckedTemplate(basePath = "ComplaintFormResource")
    static class Templates {
        static native TemplateInstance confirm(ConfirmPage page);
    }

    private final ConfirmationLinks links;
    private final RequesterConfirmation confirmation;
    private final FormTexts texts;
    private final FormLanguage defaultLanguage;
    private final RateLimiter limiter;

    public ComplaintConfirmationResource(ConfirmationLinks links, RequesterConfirmation confirmation, FormTexts texts,
            RateLimiter limiter, IntakeConfig config) {
        this.limiter = limiter;
        this.links = links;
        this.confirmation = confirmation;
        this.texts = texts;
        this.defaultLanguage = FormLanguage.of(config.form().defaultLanguage()).orElse(FormLanguage.HE);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Asks the address owner whether a form complaint is theirs", description = "Needs the signed t of the mailed link.")
    public Uni<Response> ask(@RestPath String id, @RestQuery String lang, @RestQuery("t") String token,
            HttpHeaders headers, HttpServerRequest request) {
        FormLanguage language = FormLanguage.choose(lang, headers.getAcceptableLanguages(), defaultLanguage);
        SignedLinks.Verdict verdict = links.verify(id, token);
        if (verdict != SignedLinks.Verdict.VALID) {
            return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request)).map(v -> refused(verdict, language));
        }
        return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request)).chain(() -> confirmation.state(id))
                .map(state -> switch (state) {
                    case PENDING -> ComplaintFormResource.page(Response.Status.OK.getStatusCode(),
                            Templates.confirm(new ConfirmPage(language, action(id, language), token)), language);
                    case UNKNOWN -> refused(SignedLinks.Verdict.INVALID, language);
                    case CONFIRMED, ALREADY_CONFIRMED -> done(Response.Status.GONE.getStatusCode(), language);
                });
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The address owner confirms a form complaint as theirs", description = "200 confirmed; 404 "
            + "wrong token or complaint; 410 link expired or already used.")
    public Uni<Response> confirm(@RestPath String id, @RestQuery String lang, @FormParam("t") String token,
            HttpHeaders headers, HttpServerRequest request) {
        FormLanguage language = FormLanguage.choose(lang, headers.getAcceptableLanguages(), defaultLanguage);
        SignedLinks.Verdict verdict = links.verify(id, token);
        if (verdict != SignedLinks.Verdict.VALID) {
            return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request)).map(v -> refused(verdict, language));
        }
        return limiter.acquire(RateLimit.CLIENT_IP, ClientAddress.of(request)).chain(() -> confirmation.confirm(id))
                .map(outcome -> switch (outcome) {
                    case CONFIRMED -> done(Response.Status.OK.getStatusCode(), language);
                    case UNKNOWN -> refused(SignedLinks.Verdict.INVALID, language);
                    case PENDING, ALREADY_CONFIRMED -> done(Response.Status.GONE.getStatusCode(), language);
                });
    }

    private static String action(String id, FormLanguage language) {
        return UriBuilder.fromPath(ConfirmationLinks.PATH).path(id).queryParam("lang", language.tag()).build()
                .toString();
    }

    private Response done(int status, FormLanguage language) {
        FormMessages m = texts.in(language);
        NoticePage page = status == Response.Status.OK.getStatusCode()
                ? new NoticePage(language, m.confirmedTitle(), m.confirmedText())
                : new NoticePage(language, m.alreadyConfirmedTitle(), m.alreadyConfirmedText());
        return ComplaintFormResource.page(status, ComplaintFormResource.Templates.notice(page), language);
    }

    private Response refused(SignedLinks.Verdict verdict, FormLanguage language) {
        FormMessages m = texts.in(language);
        if (verdict == SignedLinks.Verdict.EXPIRED) {
            return ComplaintFormResource.page(Response.Status.GONE.getStatusCode(),
                    ComplaintFormResource.Templates.notice(new NoticePage(language, m.linkExpiredTitle(), m.linkExpiredText())),
                    language);
        }
        return ComplaintFormResource.page(Response.Status.NOT_FOUND.getStatusCode(),
                ComplaintFormResource.Templates.notice(new NoticePage(language, m.notFoundTitle(), m.notFoundText())),
                language);
    }
}
