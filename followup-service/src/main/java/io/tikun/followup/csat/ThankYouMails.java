package io.tikun.followup.csat;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.commitment.CommitmentView;
import io.tikun.followup.message.CustomerMessageKind;
import io.tikun.followup.message.CustomerMessageRequests;
import io.tikun.followup.verification.CustomerLanguage;

/**
 * Requests the thanks for a commitment the customer verified, in the transaction of the verification; its stable
 * message id ({@code followup:thank-you:<commitmentId>}) lets a commitment be thanked once. Intake delivers it.
 */
@ApplicationScoped
public class ThankYouMails {

    private final CustomerMessageRequests messages;
    private final ThankYouComposer composer;

    public ThankYouMails(CustomerMessageRequests messages, ThankYouComposer composer) {
        this.messages = messages;
        this.composer = composer;
    }

    /**
     * Joins the caller's transaction. Returns the request's outbox row, or empty when the commitment is not verified
     * or was thanked before.
     */
    public Uni<Optional<UUID>> queue(CommitmentView c, CustomerLanguage language) {
        if (c.status() != CommitmentStatus.VERIFIED) {
            return Uni.createFrom().item(Optional.empty());
        }
        return messages.request(CustomerMessageRequests.thankYouId(c.id()),
                new CustomerMessageRequests.Target(c.id(), c.caseId(), c.complaintId(), c.customer().id(),
                        c.reference()),
                CustomerMessageKind.THANK_YOU, language,
                composer.compose(new ThankYouComposer.ThankYou(c.reference(), c.customer().name(), c.what(),
                        language)));
    }
}
