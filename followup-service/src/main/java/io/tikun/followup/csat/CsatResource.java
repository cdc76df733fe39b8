package io.tikun.followup.csat;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.verification.CustomerLanguage;
import io.tikun.followup.verification.CustomerPages;

/**
 * The satisfaction survey behind the link in the thank-you e-mail. No login: the signed, single-use token is the
 * authority. Opening the link (GET) only shows the form; the form's POST records the rating.
 */
@Path("/csat")
@PermitAll
@Produces(CustomerPages.HTML)
@Tag(name = "Customer pages")
public class CsatResource {

    private final CsatService service;
    private final CsatPages pages;

    public CsatResource(CsatService service, CsatPages pages) {
        this.service = service;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "The survey page the thank-you e-mail links to: 1 to 5 and a comment; changes nothing")
    public Uni<Response> show(@RestQuery String token, @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CustomerLanguage browser = CustomerLanguage.ofAcceptLanguage(acceptLanguage);
        return service.preview(token)
                .map(answer -> answer.isRefused() ? pages.refused(answer.refusal(), browser) : pages.ask(answer, token))
                .onFailure().recoverWithItem(failure -> unavailable(failure, browser))
                .map(CustomerPages::respond);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Records the customer's rating and uses the link up")
    public Uni<Response> rate(@RestForm String token, @RestForm String score, @RestForm String comment,
            @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CustomerLanguage browser = CustomerLanguage.ofAcceptLanguage(acceptLanguage);
        return service.rate(token, parse(score), comment)
                .map(answer -> answer.isRefused() ? pages.refused(answer.refusal(), browser) : pages.thanks(answer))
                .onFailure().recoverWithItem(failure -> unavailable(failure, browser))
                .map(CustomerPages::respond);
    }

    /** A form field the customer's browser sends; anything but a number counts as no score. */
    private static Integer parse(String score) {
        if (score == null) {
            return null;
        }
        try {
            return Integer.valueOf(score.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private CustomerPages.Page unavailable(Throwable failure, CustomerLanguage browser) {
        Log.errorf(failure, "A customer's survey link could not be handled");
        return pages.unavailable(browser);
    }
}
