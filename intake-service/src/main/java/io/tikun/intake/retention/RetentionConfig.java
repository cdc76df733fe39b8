package io.tikun.intake.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long intake keeps records that only grow: what is older is deleted by {@link RetentionJob}. */
@ConfigMapping(prefix = "tikun.intake.retention")
public interface RetentionConfig {

    /** Auto-replies, bounces and bulk mail set aside (kept for an operator's questions, then of no use). */
    @WithDefault("P90D")
    Duration ignoredMail();

    /**
     * Marks of mailbox messages already imported. Longer than any mailbox keeps a message: a message imported again
     * after its mark is gone would be a duplicate by Message-ID and content, so no harm, only work.
     */
    @WithDefault("P180D")
    Duration imapImported();

    /** Quarantined payloads an admin replayed into complaints, counted from the replay. Held ones are never deleted. */
    @WithDefault("P30D")
    Duration replayedQuarantine();

    /** How often the job runs (every instance runs it; deleting by age twice deletes nothing more). */
    @WithDefault("6h")
    String every();
}
