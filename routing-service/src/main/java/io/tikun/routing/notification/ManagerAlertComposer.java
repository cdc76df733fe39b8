package io.tikun.routing.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.RoutingConfig;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.EscalationLevel;

/** Writes the e-mail that tells the service manager about a severe case. */
@ApplicationScoped
public class ManagerAlertComposer {

    static final String EMAIL = "email";
    private static final String WHEN_PATTERN = "EEE d MMM yyyy HH:mm z";

    private final RoutingConfig.Notifications config;
    private final DateTimeFormatter when;

    public ManagerAlertComposer(RoutingConfig config) {
        this.config = config.notifications();
        this.when = DateTimeFormatter.ofPattern(WHEN_PATTERN).withZone(this.config.timeZone());
    }

    public Notification severeCaseOpened(SupportCase c, String reasons, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.caseId = c.id;
        n.kind = NotificationKind.SEVERE_CASE_OPENED;
        n.level = c.level;
        n.channel = EMAIL;
        n.recipient = config.serviceManagerEmail();
        n.subject = "[%s] %s complaint from %s: %s".formatted(c.reference, c.severity, c.customerName, c.subject);
        n.body = """
                A %s complaint needs you now.

                Reference:       %s
                Customer:        %s
                Phone:           %s
                E-mail:          %s
                Channel:         %s
                Why it is %s: %s
                First response due: %s

                What the customer wrote:
                %s

                Case: %s%s
                """.formatted(c.severity, c.reference, c.customerName, orDash(c.customerPhone), orDash(c.customerEmail),
                c.channel, c.severity, reasons, when.format(c.firstResponseDueAt), c.summary,
                config.caseLinkPrefix(), c.id);
        n.state = DeliveryState.PENDING;
        n.createdAt = now;
        n.availableAt = now;
        return n;
    }

    /**
     * Tells the service manager that a case climbed the ladder because nobody answered the customer in
     * time; at the top it states the callback the manager now owes.
     */
    public Notification escalated(SupportCase c, EscalationLevel from, String reason, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.caseId = c.id;
        n.kind = NotificationKind.ESCALATED;
        n.level = c.level;
        n.channel = EMAIL;
        n.recipient = config.serviceManagerEmail();
        n.subject = "[%s] Escalated to %s: %s complaint from %s unanswered".formatted(c.reference, c.level,
                c.severity, c.customerName);
        String callback = c.callbackDueAt == null ? ""
                : "Call the customer back by: %s%n".formatted(when.format(c.callbackDueAt));
        n.body = """
                A case moved up the escalation ladder: %s -> %s.

                Why:             %s
                Reference:       %s
                Severity:        %s
                Customer:        %s
                Phone:           %s
                E-mail:          %s
                Assignee:        %s
                %s
                Subject: %s

                Case: %s%s
                """.formatted(from, c.level, reason, c.reference, c.severity, c.customerName, orDash(c.customerPhone),
                orDash(c.customerEmail), orDash(c.assignee), callback, c.subject, config.caseLinkPrefix(), c.id);
        n.state = DeliveryState.PENDING;
        n.createdAt = now;
        n.availableAt = now;
        return n;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
