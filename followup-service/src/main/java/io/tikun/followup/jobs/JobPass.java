package io.tikun.followup.jobs;

import java.util.List;
import java.util.UUID;

/**
 * What one pass of the deadline job did.
 *
 * @param claimed how many commitments it locked and looked at
 * @param changes the {@code commitments.updated} changes it wrote, e.g. {@code overdue}, in order
 * @param outboxIds the events to publish now that the pass committed
 * @param mailIds the e-mails to send now that the pass committed
 */
public record JobPass(int claimed, List<String> changes, List<UUID> outboxIds, List<UUID> mailIds) {

    public JobPass {
        changes = List.copyOf(changes);
        outboxIds = List.copyOf(outboxIds);
        mailIds = List.copyOf(mailIds);
    }
}
