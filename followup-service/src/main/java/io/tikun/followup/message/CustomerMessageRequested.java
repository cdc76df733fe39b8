package io.tikun.followup.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tikun.followup.verification.CustomerLanguage;

/**
 * {@code customer.messages.requested}: follow-up asks intake, the channel gateway, to deliver a message to the
 * customer of a complaint (contract: intake-service/src/main/resources/contracts/customer.messages.requested.schema.json).
 * Key the customer id; intake delivers each {@code messageId} once.
 *
 * @param author always null: everything follow-up sends is composed by the system
 */
public record CustomerMessageRequested(
        String messageId,
        String complaintId,
        UUID caseId,
        String customerId,
        String reference,
        CustomerMessageKind kind,
        boolean automatic,
        Object author,
        String language,
        String subject,
        String text,
        List<CustomerMessageDraft.Link> links,
        String requestedBy,
        Instant requestedAt) {

    public static final String TOPIC = "customer.messages.requested";
    public static final String TYPE = "tikun.customer-message.requested";
    /** The {@code requestedBy} of follow-up's requests; status events of other requesters are not ours. */
    public static final String REQUESTED_BY = "followup-service";

    /** An automatic message of follow-up's, as it goes on the topic. */
    public static CustomerMessageRequested of(String messageId, CustomerMessageRequests.Target target,
            CustomerMessageKind kind, CustomerLanguage language, CustomerMessageDraft draft, Instant requestedAt) {
        return new CustomerMessageRequested(messageId, target.complaintId(), target.caseId(), target.customerId(),
                target.reference(), kind, true, null, language.code(), draft.subject(), draft.text(), draft.links(),
                REQUESTED_BY, requestedAt);
    }
}
