package io.tikun.routing.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateData;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.EscalationReason;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.intake.Signal;
import io.tikun.routing.notification.NotificationKind;

/**
 * What a page shows for enum values and instants, in the page's language and the user's time zone; templates call
 * {@code labels.of(value)} and {@code labels.time(instant)}.
 */
@TemplateData
public final class Labels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Enum<?>, String> texts;
    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final Locale locale;

    Labels(WorkspaceMessages m, Preferences preferences) {
        this.zone = preferences.zone();
        this.locale = preferences.locale();
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(preferences.locale())
                .withZone(zone);
        this.texts = Map.ofEntries(
                Map.entry(Severity.LOW, m.severityLow()),
                Map.entry(Severity.MEDIUM, m.severityMedium()),
                Map.entry(Severity.HIGH, m.severityHigh()),
                Map.entry(Severity.CRITICAL, m.severityCritical()),
                Map.entry(EscalationLevel.FRONTLINE, m.levelFrontline()),
                Map.entry(EscalationLevel.TEAM_LEAD, m.levelTeamLead()),
                Map.entry(EscalationLevel.SERVICE_MANAGER, m.levelServiceManager()),
                Map.entry(EscalationLevel.MANAGER_CALLBACK, m.levelManagerCallback()),
                Map.entry(CaseStatus.OPEN, m.statusOpen()),
                Map.entry(CaseStatus.RESPONDED, m.statusResponded()),
                Map.entry(CaseStatus.WAITING_ON_CUSTOMER, m.statusWaiting()),
                Map.entry(CaseStatus.RESOLVED, m.statusResolved()),
                Map.entry(EscalationReason.OPENED, m.reasonOpened()),
                Map.entry(EscalationReason.REPEAT_COMPLAINT, m.reasonRepeatComplaint()),
                Map.entry(EscalationReason.FIRST_RESPONSE_MISSED, m.reasonFirstResponseMissed()),
                Map.entry(EscalationReason.UNANSWERED_CUSTOMER_REPLY, m.reasonUnansweredCustomerReply()),
                Map.entry(EscalationReason.RESOLUTION_OVERDUE, m.reasonResolutionOverdue()),
                Map.entry(EscalationReason.PROMISE_NOT_KEPT, m.reasonPromiseNotKept()),
                Map.entry(NotificationKind.SEVERE_CASE_OPENED, m.kindSevereCaseOpened()),
                Map.entry(NotificationKind.ESCALATED, m.kindEscalated()),
                Map.entry(NotificationKind.CALLBACK_ASSIGNED, m.kindCallbackAssigned()),
                Map.entry(NotificationKind.DELIVERY_FAILED, m.kindDeliveryFailed()),
                Map.entry(NotificationKind.HOTSPOT_DETECTED, m.kindHotspotDetected()),
                Map.entry(Signal.LEGAL_THREAT, m.signalLegalThreat()),
                Map.entry(Signal.SAFETY, m.signalSafety()),
                Map.entry(Signal.CHURN_INTENT, m.signalChurnIntent()),
                Map.entry(Signal.CEO_ADDRESSED, m.signalCeoAddressed()),
                Map.entry(Signal.ANGER, m.signalAnger()),
                Map.entry(Signal.PUBLIC_EXPOSURE, m.signalPublicExposure()),
                Map.entry(Signal.WIDE_REACH, m.signalWideReach()),
                Map.entry(Signal.REPEAT_COMPLAINTS, m.signalRepeatComplaints()),
                Map.entry(Signal.CUSTOMER_VALUE, m.signalCustomerValue()),
                Map.entry(Signal.FINANCIAL_HARM, m.signalFinancialHarm()),
                Map.entry(Signal.REPEATED_FAILURE, m.signalRepeatedFailure()),
                Map.entry(Signal.LONG_WAIT, m.signalLongWait()),
                Map.entry(Signal.WARRANTY_NOT_HONOURED, m.signalWarrantyNotHonoured()),
                Map.entry(Signal.OTHER, m.signalOther()));
    }

    /** The value's text on this page; a value without one shows its name. */
    public String of(Enum<?> value) {
        return value == null ? "" : texts.getOrDefault(value, value.name());
    }

    /** A severity signal by intake's name; one routing does not know shows its name as intake sent it. */
    public String signal(String name) {
        Signal known = Signal.of(name);
        return known == Signal.OTHER ? name : of(known);
    }

    /** The text of the value named {@code name} (a severity, level or status sent as a string); else the name itself. */
    public String named(String name) {
        return name == null ? ""
                : texts.entrySet().stream().filter(e -> e.getKey().name().equals(name))
                        .map(Map.Entry::getValue).findFirst().orElse(name);
    }

    /**
     * Every value's text as a JSON object keyed by its name, for the console's script to label what arrives live the way
     * the page labels what it was rendered with.
     */
    public String json() {
        Map<String, String> byName = new TreeMap<>();
        texts.forEach((value, text) -> byName.put(value.name(), text));
        try {
            return JSON.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels cannot be written as JSON", e);
        }
    }

    /** The instant as a short local date and time in the user's zone; empty for none. */
    public String time(Instant at) {
        return at == null ? "" : format.format(at);
    }

    /** A language's name ({@code he}: "Hebrew", "עברית") in the page's language; the code when Java has no name. */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    public String zone() {
        return zone.getId();
    }
}
