package io.tikun.routing.cases;

import java.util.List;
import java.util.UUID;

/**
 * What opening a case committed: the case (null for a duplicate event), what to send right away, and what to
 * record (metrics) once committed.
 */
public record CaseOpening(UUID caseId, List<UUID> outboxIds, List<UUID> notificationIds, Runnable onCommitted) {

    static CaseOpening duplicate() {
        return new CaseOpening(null, List.of(), List.of(), () -> {
        });
    }
}
