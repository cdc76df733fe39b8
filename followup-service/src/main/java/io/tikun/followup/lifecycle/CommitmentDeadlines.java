package io.tikun.followup.lifecycle;

import java.time.Instant;

/**
 * The moments at which time moves a commitment on, for whoever schedules reminders.
 *
 * @param customerReminderAt when the customer gets the second request; null unless the commitment is claimed done
 * @param unconfirmedAt when silence after that reminder makes it unconfirmed; null unless claimed done
 */
public record CommitmentDeadlines(Instant dueSoonAt, Instant overdueAt, Instant brokenAt, Instant customerReminderAt,
        Instant unconfirmedAt) {
}
