package io.tikun.followup.commitment;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.followup.FollowupConfig;
import io.tikun.followup.outbox.MailPurpose;

/**
 * The e-mails staff get about a promise: its owner before the due date and when intake could not reach the customer,
 * the service manager when it breaks.
 */
@ApplicationScoped
public class StaffNotices {

    /** An e-mail to a member of staff. */
    public record Notice(MailPurpose purpose, String recipient, String subject, String text) {
    }

    private final String staffDomain;
    private final String serviceManager;

    public StaffNotices(FollowupConfig config) {
        this.staffDomain = config.mail().staffDomain();
        this.serviceManager = config.mail().serviceManager();
    }

    /** The notice a change to {@code status} calls for, if any; {@code c} already carries the new status. */
    public Optional<Notice> forChange(Commitment c, CommitmentStatus status, String reason) {
        return switch (status) {
            case DUE_SOON -> Optional.of(new Notice(MailPurpose.OWNER_DUE_SOON, ownerAddress(c.owner),
                    "Promise due soon: " + c.reference, """
                            Hello %s,

                            The promise you own on request %s falls due at %s (UTC):
                            %s

                            Customer: %s
                            When it is done, claim it done in Tikun so that the customer is asked to confirm.
                            """.formatted(c.owner, c.reference, c.dueAt, c.what, c.customerName)));
            case BROKEN -> Optional.of(new Notice(MailPurpose.MANAGER_BROKEN, serviceManager,
                    "Promise broken: " + c.reference, """
                            A promise made to a customer is broken (request %s).

                            Promised: %s
                            Customer: %s
                            Owner: %s
                            Due: %s (UTC)
                            Why: %s
                            """.formatted(c.reference, c.what, c.customerName, c.owner, c.dueAt, reason)));
            default -> Optional.empty();
        };
    }

    /**
     * The owner's notice that a message about the promise ({@code kind}, e.g. the question whether it was done) could
     * not be delivered to the customer, with intake's reason: the customer has to be reached another way.
     */
    public Notice deliveryFailed(Commitment c, String kind, String channel, String reason) {
        return new Notice(MailPurpose.OWNER_DELIVERY_FAILED, ownerAddress(c.owner),
                "Customer not reached: " + c.reference, """
                        Hello %s,

                        We could not deliver a message to the customer about the promise you own (request %s):
                        %s

                        Message: %s
                        Channel: %s
                        Why: %s

                        Customer: %s
                        Please reach the customer another way.
                        """.formatted(c.owner, c.reference, c.what, kind, channel == null ? "unknown" : channel,
                        reason == null || reason.isBlank() ? "no reason given" : reason, c.customerName));
    }

    /** Owners are user names (as in the identity provider); an owner that already is an address is used as it is. */
    String ownerAddress(String owner) {
        return owner.contains("@") ? owner : owner + "@" + staffDomain;
    }
}
