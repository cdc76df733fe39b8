package io.tikun.followup.verification;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentView;

/** Asks the customer, by e-mail with two signed links, whether a promise claimed done was kept. */
@ApplicationScoped
public class CustomerRequestSender {

    private final SignedLinkService links;
    private final CustomerRequestComposer composer;
    private final ReactiveMailer mailer;
    private final Duration validFor;

    public CustomerRequestSender(SignedLinkService links, CustomerRequestComposer composer, ReactiveMailer mailer,
            FollowupConfig config) {
        this.links = links;
        this.composer = composer;
        this.mailer = mailer;
        this.validFor = config.links().ttl();
    }

    /**
     * Sends the request. Never fails: the claim is already committed when this runs, so a customer without an
     * address or a mail server that refuses is logged and reported as false, not turned into an error.
     */
    public Uni<Boolean> ask(CommitmentView commitment) {
        String address = commitment.customer().email();
        if (address == null || address.isBlank()) {
            Log.warnf("Commitment %s (%s) is claimed done but its customer has no e-mail address; nobody was asked",
                    commitment.id(), commitment.reference());
            return Uni.createFrom().item(false);
        }
        IssuedLink confirm = links.issueLink(commitment.id(), LinkAction.CONFIRM_FIXED);
        IssuedLink deny = links.issueLink(commitment.id(), LinkAction.DENY_FIXED);
        CustomerRequestComposer.CustomerMail mail = composer.compose(new CustomerRequestComposer.Request(
                commitment.reference(), commitment.customer().name(), commitment.what(), confirm.url(), deny.url(),
                validFor));
        return mailer.send(Mail.withText(address, mail.subject(), mail.text()))
                .replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    Log.errorf("Could not e-mail the customer of commitment %s (%s): %s", commitment.id(),
                            commitment.reference(), failure.getMessage());
                    return false;
                });
    }
}
