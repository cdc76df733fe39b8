package io.tikun.followup.verification;

import java.util.List;

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
import io.tikun.followup.lifecycle.IllegalTransitionException;
import io.tikun.followup.outbox.OutboxRelay;
import io.tikun.followup.problem.NotFoundProblem;
import io.tikun.followup.verification.CustomerAnswer.Refusal;

/**
 * The pages behind the links in the customer's e-mail. No login: the signed token is the authority. Opening a link
 * (GET) only shows a form; the answer is recorded by the form's POST, so mail scanners that fetch every link in a
 * message cannot answer for the customer.
 */
@Path("/verify")
@PermitAll
@Produces(CustomerAnswerResource.HTML)
@Tag(name = "Customer pages")
public class CustomerAnswerResource {

    static final String HTML = CustomerPages.HTML;

    private final CustomerAnswerService answers;
    private final CustomerPages pages;
    private final OutboxRelay relay;

    public CustomerAnswerResource(CustomerAnswerService answers, CustomerPages pages, OutboxRelay relay) {
        this.answers = answers;
        this.pages = pages;
        this.relay = relay;
    }

    @GET
    @Operation(summary = "The page a customer's link opens: asks to confirm the answer, changes nothing")
    public Uni<Response> show(@RestQuery String token, @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CustomerLanguage browser = CustomerLanguage.ofAcceptLanguage(acceptLanguage);
        return answers.preview(token)
                .map(preview -> preview.isRefused() ? pages.refused(preview.refusal(), browser)
                        : pages.ask(preview, token))
                .onFailure().recoverWithItem(failure -> unavailable(failure, browser))
                .map(CustomerAnswerResource::respond);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Records the customer's answer (confirmed or not done) and uses the link up")
    public Uni<Response> answer(@RestForm String token, @RestForm String comment,
            @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        CustomerLanguage browser = CustomerLanguage.ofAcceptLanguage(acceptLanguage);
        return answers.answer(token, comment)
                // The rows committed with the answer (the thank-you too); publishing now is only the fast path.
                .call(answer -> answer.outboxId() == null ? Uni.createFrom().voidItem()
                        : relay.publishNow(answer.thankYouOutboxId() == null ? List.of(answer.outboxId())
                                : List.of(answer.outboxId(), answer.thankYouOutboxId())))
                .map(answer -> answer.isRefused() ? pages.refused(answer.refusal(), browser) : pages.thanks(answer))
                // Both roll the transaction back, so the link stays unused and nothing changed.
                .onFailure(IllegalTransitionException.class)
                .recoverWithItem(() -> pages.refused(Refusal.ALREADY_ANSWERED, browser))
                .onFailure(NotFoundProblem.class)
                .recoverWithItem(() -> pages.refused(Refusal.UNKNOWN_COMMITMENT, browser))
                .onFailure().recoverWithItem(failure -> unavailable(failure, browser))
                .map(CustomerAnswerResource::respond);
    }

    private CustomerPages.Page unavailable(Throwable failure, CustomerLanguage browser) {
        Log.errorf(failure, "A customer's link could not be handled");
        return pages.unavailable(browser);
    }

    private static Response respond(CustomerPages.Page page) {
        return CustomerPages.respond(page);
    }
}
