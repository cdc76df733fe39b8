package io.tikun.routing.hotspot;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.runtime.StartupEvent;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.notification.ManagerAlertComposer;
import io.tikun.routing.notification.Notification;
import io.tikun.routing.notification.NotificationChannels;
import io.tikun.routing.notification.NotificationKind;
import io.tikun.routing.notification.StreamedNotification;
import io.tikun.routing.outbox.EventJson;

/**
 * Writes the notifications about a new hotspot, one per channel and recipient, through the same machinery as a case's
 * alerts: an e-mail to the service manager (and to each configured recipient whose kinds include
 * {@code HOTSPOT_DETECTED}) in their language from {@code templates/notification/hotspot-detected-<en|he>.*}, the
 * signed webhook's Slack-compatible body, and a row on the live stream. The sample complaints link to their cases'
 * workspace pages ({@code case-link-prefix}).
 */
@ApplicationScoped
public class HotspotAlertComposer {

    static final NotificationKind KIND = NotificationKind.HOTSPOT_DETECTED;
    private static final Set<String> LANGUAGES = Set.of("en", "he");
    private static final String DEFAULT_LANGUAGE = "en";
    private static final String WHEN_PATTERN = "EEE d MMM yyyy HH:mm z";
    private static final String KIND_FRAGMENT = "kind_";
    /** Slack refuses header blocks longer than this, and context blocks with more elements than that. */
    private static final int HEADER_LIMIT = 150;
    private static final int CONTEXT_LIMIT = 10;
    /** Alerts about a hotspot go to the manager's rung; the column is part of the case alerts' key. */
    private static final EscalationLevel LEVEL = EscalationLevel.SERVICE_MANAGER;

    private final RoutingConfig.Notifications config;
    private final Engine qute;
    private final EventJson json;

    public HotspotAlertComposer(RoutingConfig config, Engine qute, EventJson json) {
        this.config = config.notifications();
        this.qute = qute;
        this.json = json;
    }

    /** What the hotspot templates say, formatted for one language. */
    @TemplateData
    public record Facts(String kind, String value, String windowStart, String windowEnd, int complaints, int customers,
            String expected, String pValue, int baselineWeeks, List<SampleFacts> samples, String lang, String dir) {
    }

    /** A sample complaint: its reference (else its id), when it came, and its case's page when there is a case. */
    @TemplateData
    public record SampleFacts(String reference, String receivedAt, String caseLink) {
    }

    /** Fails the start of an instance whose templates lack the words for a subject kind. */
    void checkEveryKindIsWorded(@Observes StartupEvent start) {
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Template text = template(lang, "txt");
            for (SubjectKind kind : SubjectKind.values()) {
                if (text.getFragment(KIND_FRAGMENT + kind.name()) == null) {
                    missing.add(text.getId() + "$" + KIND_FRAGMENT + kind.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("hotspot subject kinds without words: " + missing);
        }
    }

    /** The notifications about {@code hotspot}; {@code cases} maps sample complaint ids to their cases. */
    public List<Notification> detected(Hotspot hotspot, List<HotspotDetected.Sample> samples, Map<String, UUID> cases,
            Instant now) {
        List<Notification> all = new ArrayList<>();
        String managerLanguage = language(config.serviceManagerLanguage());
        all.add(email(hotspot, samples, cases, config.serviceManagerEmail(), managerLanguage, now));
        config.recipients().values().stream()
                .filter(recipient -> recipient.kinds().contains(KIND))
                .forEach(recipient -> all.add(email(hotspot, samples, cases, recipient.email(), recipient.language(), now)));
        Facts facts = facts(hotspot, samples, cases, managerLanguage);
        String text = subject(facts);
        config.webhook().url().ifPresent(url -> all.add(row(hotspot, NotificationChannels.WEBHOOK, url.toString(),
                managerLanguage, text, slackBody(facts, text), null, now)));
        Notification streamed = row(hotspot, NotificationChannels.STREAM, NotificationChannels.STREAM_RECIPIENT,
                managerLanguage, text, null, null, now);
        streamed.body = json.write(new StreamedNotification(streamed.id, null, hotspot.subjectValue, KIND.name(), LEVEL,
                null, null, text, detail(facts), null, now));
        all.add(streamed);
        return all;
    }

    private Notification email(Hotspot hotspot, List<HotspotDetected.Sample> samples, Map<String, UUID> cases, String to,
            String requestedLanguage, Instant now) {
        String lang = language(requestedLanguage);
        Facts facts = facts(hotspot, samples, cases, lang);
        return row(hotspot, NotificationChannels.EMAIL, to, lang, subject(facts),
                template(lang, "txt").getFragment("text").data("a", facts).render(),
                template(lang, "html").data("a", facts).render(), now);
    }

    private Facts facts(Hotspot h, List<HotspotDetected.Sample> samples, Map<String, UUID> cases, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        DateTimeFormatter when = DateTimeFormatter.ofPattern(WHEN_PATTERN, locale).withZone(config.timeZone());
        List<SampleFacts> sampleFacts = samples.stream().map(s -> new SampleFacts(
                s.reference() == null || s.reference().isBlank() ? s.complaintId() : s.reference(),
                when.format(s.receivedAt()),
                cases.containsKey(s.complaintId()) ? config.caseLinkPrefix() + cases.get(s.complaintId()) : null))
                .toList();
        String kind = template(lang, "txt").getFragment(KIND_FRAGMENT + h.subjectKind.name()).render().strip();
        return new Facts(kind, h.subjectValue, when.format(h.windowStart), when.format(h.windowEnd), h.complaints,
                h.customers, String.format(Locale.ROOT, "%.1f", h.expected), pValue(h.pValue), h.baselineWeeks,
                sampleFacts, lang, "he".equals(lang) ? "rtl" : "ltr");
    }

    /** A p-value as a reader takes it in: two significant digits (1.4e-05, 0.00032). */
    static String pValue(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.2g", p);
    }

    private String subject(Facts facts) {
        return template(facts.lang(), "txt").getFragment("subject").data("a", facts).render().strip();
    }

    private String detail(Facts facts) {
        return template(facts.lang(), "txt").getFragment("detail").data("a", facts).render().strip();
    }

    private Template template(String lang, String suffix) {
        String id = "notification/hotspot-detected-" + lang + "." + suffix;
        Template template = qute.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("missing notification template " + id);
        }
        return template;
    }

    /**
     * Slack's incoming-webhook shape, every outside value (the subject is a customer's word when it is a term) escaped
     * for {@code mrkdwn}; only the case links routing builds stay links.
     */
    private String slackBody(Facts facts, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", ManagerAlertComposer.mrkdwn(text));
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text",
                "text", text.length() <= HEADER_LIMIT ? text : text.substring(0, HEADER_LIMIT - 1) + "…")));
        blocks.add(Map.of("type", "section", "text",
                Map.of("type", "mrkdwn", "text", ManagerAlertComposer.mrkdwn(detail(facts)))));
        List<Object> links = facts.samples().stream().limit(CONTEXT_LIMIT)
                .map(s -> (Object) Map.of("type", "mrkdwn", "text", s.caseLink() == null
                        ? ManagerAlertComposer.mrkdwn(s.reference())
                        : "<" + s.caseLink() + "|" + ManagerAlertComposer.mrkdwn(s.reference()) + ">"))
                .toList();
        if (!links.isEmpty()) {
            blocks.add(Map.of("type", "context", "elements", links));
        }
        body.put("blocks", blocks);
        return json.write(body);
    }

    private static Notification row(Hotspot hotspot, String channel, String recipient, String lang, String subject,
            String body, String html, Instant now) {
        Notification n = Notification.pending(KIND, LEVEL, channel, recipient, lang, subject, body, html, now);
        n.hotspotId = hotspot.id;
        return n;
    }

    private static String language(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : DEFAULT_LANGUAGE;
    }
}
