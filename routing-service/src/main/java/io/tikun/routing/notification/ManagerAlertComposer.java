package io.tikun.routing.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.tikun.routing.RoutingConfig;
import io.tikun.routing.cases.SupportCase;

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

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
