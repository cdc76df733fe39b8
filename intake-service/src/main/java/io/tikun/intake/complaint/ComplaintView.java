package io.tikun.intake.complaint;

import java.time.Instant;
import java.util.List;

import io.tikun.intake.classification.Classification;
import io.tikun.intake.customer.Customer;
import io.tikun.intake.severity.Severity;
import io.tikun.intake.severity.SeverityReason;

/**
 * A stored complaint as the API shows it; {@code damaged} (with {@code damage} saying how) marks a delivery damaged
 * in transit whose text is only what could be read; {@code conversation} is every message to and from the customer in
 * time order, with the delivery status of those sent; {@code classification} says what it is about.
 */
public record ComplaintView(String id, String reference, String channel, Customer customer, String subject, String body,
        Severity severity, List<SeverityReason> reasons, Instant receivedAt, Instant expectedResponseBy, boolean publicPost,
        Long reach, String language, boolean damaged, String damage, Classification classification,
        List<ConversationEntry> conversation) {

    static ComplaintView of(Complaint c, List<ConversationEntry> conversation) {
        return new ComplaintView(c.id(), c.reference(), c.channel(), c.customer(), c.subject(), c.body(),
                c.assessment().severity(), c.assessment().reasons(), c.receivedAt(), c.expectedResponseBy(), c.publicPost(),
                c.reach(), c.language(), c.damaged(), c.damage(), c.classification(), conversation);
    }
}
