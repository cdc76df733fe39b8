package io.tikun.routing.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.EscalationReason;
import io.tikun.routing.outbox.EventJson;

/**
 * Writes the notifications about a case, one per channel and recipient: e-mails from the Qute templates
 * under {@code templates/notification/} in each recipient's language, the Slack-compatible webhook body
 * and the live stream event. The caller stores them with the change that caused them. An escalation's
 * subject and headline say what happened in the words its template gives the reason code (fragment
 * {@code cause_<REASON>}); every reason has its words in every language, checked at startup.
 */
@ApplicationScoped
public class ManagerAlertComposer {

    static final String EMAIL = NotificationChannels.EMAIL;
    static final String DEFAULT_LANGUAGE = "en";
    static final Set<String> LANGUAGES = Set.of("en", "he");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("he");
    private static final String WHEN_PATTERN = "EEE d MMM yyyy HH:mm z";
    /** Slack refuses header blocks longer than this. */
    private static final int HEADER_LIMIT = 150;
    private static final String DASH = "-";
    private static final String CAUSE_FRAGMENT = "cause_";

    private final RoutingConfig.Notifications config;
    private final Engine qute;
    private final EventJson json;

    public ManagerAlertComposer(RoutingConfig config, Engine qute, EventJson json) {
        this.config = config.notifications();
        this.qute = qute;
        this.json = json;
    }

    /** Fails the start of an instance whose templates lack the words for an escalation reason. */
    void checkEveryReasonIsWorded(@Observes StartupEvent start) {
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Template text = template(NotificationKind.ESCALATED, lang, "txt");
            for (EscalationReason code : EscalationReason.values()) {
                if (text.getFragment(CAUSE_FRAGMENT + code.name()) == null) {
                    missing.add(text.getId() + "$" + CAUSE_FRAGMENT + code.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("escalation reasons without words: " + missing);
        }
    }

    /** A new case severe enough that the manager hears of it at once. */
    public List<Notification> severeCaseOpened(SupportCase c, String reasons, Instant now) {
        return compose(c, NotificationKind.SEVERE_CASE_OPENED, null, null, reasons, c.callbackDueAt, now);
    }

    /**
     * A case climbed the ladder for the reason {@code code} (first response or resolution missed, a customer's
     * message unanswered, a promise not kept...), which the subject states; {@code reason} is the detail. At
     * the top the notification states the callback the manager now owes.
     */
    public List<Notification> escalated(SupportCase c, EscalationLevel from, EscalationReason code, String reason,
            Instant now) {
        return compose(c, NotificationKind.ESCALATED, from, code, reason, c.callbackDueAt, now);
    }

    /**
     * The service manager owes the customer a personal call by {@code dueAt}; {@code attempt} counts the
     * tries (1 for a new callback, more after "not reached").
     */
    public List<Notification> callbackAssigned(SupportCase c, Instant dueAt, int attempt, Instant now) {
        List<Notification> rows = compose(c, NotificationKind.CALLBACK_ASSIGNED, null, null,
                "callback attempt " + attempt, dueAt, now);
        // Each attempt is news to the manager; a redelivered event for the same attempt is not.
        rows.forEach(n -> n.occurrence = attempt);
        return rows;
    }

    /**
     * A message to the customer failed ({@code what}: its kind, channel and the reason intake gave): the case's agent
     * hears of it by e-mail when their address is known ({@code agentEmail}, in the manager's language), and on the
     * live stream. {@code occurrence} counts the case's failed deliveries, so each failure is news once.
     */
    public List<Notification> deliveryFailed(SupportCase c, String what, String agentEmail, int occurrence, Instant now) {
        List<Notification> rows = new ArrayList<>();
        String lang = language(config.serviceManagerLanguage());
        if (agentEmail != null && !agentEmail.isBlank()) {
            rows.add(email(c, NotificationKind.DELIVERY_FAILED, null, null, what, null, agentEmail, lang, now));
        }
        String text = subject(NotificationKind.DELIVERY_FAILED,
                facts(c, NotificationKind.DELIVERY_FAILED, null, null, what, null, lang));
        Notification streamed = row(c, NotificationKind.DELIVERY_FAILED, NotificationChannels.STREAM,
                NotificationChannels.STREAM_RECIPIENT, lang, text, null, null, now);
        streamed.body = json.write(new StreamedNotification(streamed.id, c.id, c.reference,
                NotificationKind.DELIVERY_FAILED.name(), c.level, c.severity.name(), c.customerName, text, what, null, now));
        rows.add(streamed);
        rows.forEach(n -> n.occurrence = occurrence);
        return rows;
    }

    private List<Notification> compose(SupportCase c, NotificationKind kind, EscalationLevel from,
            EscalationReason code, String reason, Instant callbackDue, Instant now) {
        List<Notification> all = new ArrayList<>();
        String managerLanguage = language(config.serviceManagerLanguage());
        all.add(email(c, kind, from, code, reason, callbackDue, config.serviceManagerEmail(), managerLanguage, now));
        config.recipients().values().stream()
                .filter(recipient -> recipient.kinds().contains(kind))
                .forEach(recipient -> all.add(
                        email(c, kind, from, code, reason, callbackDue, recipient.email(), recipient.language(), now)));
        String text = subject(kind, facts(c, kind, from, code, reason, callbackDue, managerLanguage));
        config.webhook().url().ifPresent(url -> all.add(
                row(c, kind, NotificationChannels.WEBHOOK, url.toString(), managerLanguage,
                        text, slackBody(c, kind, text, reason), null, now)));
        Notification streamed = row(c, kind, NotificationChannels.STREAM, NotificationChannels.STREAM_RECIPIENT,
                managerLanguage, text, null, null, now);
        streamed.body = json.write(new StreamedNotification(streamed.id, c.id, c.reference, kind.name(), c.level,
                c.severity.name(), c.customerName, text, reason, callbackDue, now));
        all.add(streamed);
        return all;
    }

    private Notification email(SupportCase c, NotificationKind kind, EscalationLevel from, EscalationReason code,
            String reason, Instant callbackDue, String to, String requestedLanguage, Instant now) {
        String lang = language(requestedLanguage);
        AlertFacts facts = facts(c, kind, from, code, reason, callbackDue, lang);
        Template text = template(kind, lang, "txt");
        return row(c, kind, EMAIL, to, lang, subject(kind, facts),
                text.getFragment("text").data("a", facts).render(),
                template(kind, lang, "html").data("a", facts).render(), now);
    }

    private String subject(NotificationKind kind, AlertFacts facts) {
        return template(kind, facts.lang(), "txt").getFragment("subject").data("a", facts).render().strip();
    }

    private Template template(NotificationKind kind, String lang, String suffix) {
        String id = "notification/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + lang + "." + suffix;
        Template template = qute.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("missing notification template " + id);
        }
        return template;
    }

    private AlertFacts facts(SupportCase c, NotificationKind kind, EscalationLevel from, EscalationReason code,
            String reason, Instant callbackDue, String lang) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern(WHEN_PATTERN, Locale.forLanguageTag(lang))
                .withZone(config.timeZone());
        AlertFacts facts = new AlertFacts(c.reference, c.severity.name(), c.level.name(),
                from == null ? DASH : from.name(), c.customerName, orDash(c.customerPhone), orDash(c.customerEmail),
                c.channel, c.subject, c.summary, orDash(reason), orDash(c.assignee),
                c.firstResponseDueAt == null ? DASH : when.format(c.firstResponseDueAt),
                callbackDue == null ? null : when.format(callbackDue),
                config.caseLinkPrefix() + c.id, lang, RIGHT_TO_LEFT.contains(lang) ? "rtl" : "ltr", DASH);
        return code == null ? facts : facts.withCause(cause(kind, code, facts));
    }

    /** The reason code in the recipient's words, rendered as plain text (the HTML template escapes it). */
    private String cause(NotificationKind kind, EscalationReason code, AlertFacts facts) {
        Template text = template(kind, facts.lang(), "txt");
        Template.Fragment words = text.getFragment(CAUSE_FRAGMENT + code.name());
        if (words == null) {
            throw new IllegalStateException("no words for " + code + " in " + text.getId());
        }
        return words.data("a", facts).render().strip();
    }

    /**
     * Slack's incoming-webhook shape: {@code text} for notifications and clients without blocks, and blocks. This is
     * the one place webhook text is written: every value that came from outside (the customer's name, a dispute
     * comment...) goes into {@code mrkdwn} through {@link #mrkdwn}, so it cannot ping a channel or plant a link;
     * only the case link Tikun itself builds stays a link. The header is {@code plain_text}, which Slack never
     * parses for mentions or links.
     */
    private String slackBody(SupportCase c, NotificationKind kind, String text, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", mrkdwn(text));
        String link = config.caseLinkPrefix() + c.id;
        body.put("blocks", List.of(
                Map.of("type", "header", "text", Map.of("type", "plain_text",
                        "text", text.length() <= HEADER_LIMIT ? text : text.substring(0, HEADER_LIMIT - 1) + "…")),
                Map.of("type", "section", "fields", List.of(
                        field("Kind", kind.name()), field("Severity", c.severity.name()), field("Level", c.level.name()),
                        field("Customer", c.customerName), field("Phone", orDash(c.customerPhone)),
                        field("Reference", c.reference))),
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn(orDash(reason)))),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                        "text", "<" + link + "|" + mrkdwn(c.reference) + ">")))));
        return json.write(body);
    }

    private static Map<String, String> field(String name, String value) {
        return Map.of("type", "mrkdwn", "text", "*" + name + "*\n" + mrkdwn(value));
    }

    /**
     * Text as Slack {@code mrkdwn} shows it literally: Slack reads {@code <...>} as a mention or link and asks
     * for exactly these three characters to be escaped as HTML entities (and no others, which it would show raw).
     */
    public static String mrkdwn(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Notification row(SupportCase c, NotificationKind kind, String channel, String recipient, String lang,
            String subject, String body, String html, Instant now) {
        Notification n = Notification.pending(kind, c.level, channel, recipient, lang, subject, body, html, now);
        n.caseId = c.id;
        return n;
    }

    private static String language(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : DEFAULT_LANGUAGE;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? DASH : value;
    }
}
