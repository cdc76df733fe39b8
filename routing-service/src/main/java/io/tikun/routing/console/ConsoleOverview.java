package io.tikun.routing.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.notification.StreamedNotification;

/**
 * What the manager console shows at one moment: callbacks owed, cases about to breach (or breached),
 * first-response times per severity and channel (as computed at {@code firstResponseAt}), and the latest notifications (the
 * live list's start).
 */
@TemplateData
@TemplateData(target = StreamedNotification.class)
public record ConsoleOverview(Instant at, List<CallbackDue> callbacks, List<CaseAtRisk> atRisk,
        List<FirstResponseTime> firstResponse, Instant firstResponseAt,
        List<StreamedNotification> recent, List<AgentLoad> load) {

    /** An agent's open cases (a null agent: the unassigned ones). */
    @TemplateData
    public record AgentLoad(String agent, long open, long urgent, long overdue) {
    }

    /** A case at {@code MANAGER_CALLBACK} whose customer the service manager must call by {@code dueAt}. */
    @TemplateData
    public record CallbackDue(UUID caseId, String reference, String customerName, String phone, String severity,
            Instant dueAt, String due, boolean overdue) {
    }

    /** An unanswered case whose first-response deadline is near or past. */
    @TemplateData
    public record CaseAtRisk(UUID caseId, String reference, String customerName, String severity, String level,
            String channel, String assignee, Instant firstResponseDueAt, String due, boolean breached) {
    }

    /** Receipt to first response over the answered cases of one severity and channel, in minutes. */
    @TemplateData
    public record FirstResponseTime(String severity, String channel, long answered, double meanMinutes,
            double p50Minutes, double p90Minutes) {
    }
}
