package io.tikun.intake.severity;

import java.util.List;

import io.tikun.intake.customer.CustomerTier;

/**
 * What intake knows about a complaint beyond its words.
 *
 * @param earlierComplaints the customer's complaints within the repeat window before this one
 * @param recipients the addresses an e-mail was sent to (To and Cc); empty for other channels
 */
public record SeverityContext(Exposure exposure, long earlierComplaints, CustomerTier tier, List<String> recipients) {

    public static final SeverityContext NONE = new SeverityContext(Exposure.PRIVATE, 0, CustomerTier.STANDARD, List.of());

    public SeverityContext {
        recipients = List.copyOf(recipients);
    }
}
