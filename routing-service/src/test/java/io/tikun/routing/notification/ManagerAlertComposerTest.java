package io.tikun.routing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.RoutingTestConfig;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.Severity;
import io.tikun.routing.outbox.EventJson;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** The real Qute templates, rendered by the application's engine for recipients configured per test. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ManagerAlertComposerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:30:00Z");
    private static final String HOOK = "https://hooks.example.com/services/T000/B000/XXXX";

    @Inject
    Engine qute;

    @Inject
    EventJson json;

    private ManagerAlertComposer composer(Map<String, String> properties) {
        return new ManagerAlertComposer(RoutingTestConfig.with(properties), qute, json);
    }

    private static SupportCase criticalCase(EscalationLevel level) {
        SupportCase c = new SupportCase();
        c.id = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-901234567890");
        c.reference = "TK-424242";
        c.customerId = "cust-1";
        c.customerName = "דנה לוי";
        c.customerPhone = "+972521234567";
        c.customerEmail = "dana@example.com";
        c.channel = "web";
        c.subject = "התנור עלה באש";
        c.summary = "It burned <the wall> & I will sue.";
        c.severity = Severity.CRITICAL;
        c.level = level;
        c.status = CaseStatus.OPEN;
        c.receivedAt = NOW;
        c.openedAt = NOW;
        c.firstResponseDueAt = NOW.plusSeconds(3600);
        return c;
    }

    private static Notification only(List<Notification> all, String channel, String recipient) {
        return all.stream().filter(n -> n.channel.equals(channel) && n.recipient.equals(recipient)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " notification to " + recipient + " in " + all));
    }

    @Test
    void writesEnglishMailWithHtmlAndTextPartsAndEscapesTheCustomersWords() {
        SupportCase c = criticalCase(EscalationLevel.MANAGER_CALLBACK);
        c.callbackDueAt = NOW.plusSeconds(7200);
        List<Notification> all = composer(Map.of()).escalated(c, EscalationLevel.SERVICE_MANAGER, "first response missed",
                NOW);

        Notification mail = only(all, "email", "manager@tikun.test");
        assertThat(mail.language).isEqualTo("en");
        assertThat(mail.subject)
                .isEqualTo("[TK-424242] Escalated to MANAGER_CALLBACK: CRITICAL complaint from דנה לוי unanswered");
        assertThat(mail.body).contains("SERVICE_MANAGER -> MANAGER_CALLBACK").contains("first response missed")
                .contains("Call the customer back by: Sun 22 Nov 2026 13:30 IST")
                .contains("It burned <the wall> & I will sue.");
        assertThat(mail.htmlBody).contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("It burned &lt;the wall&gt; &amp; I will sue.")
                .contains("Call back by: Sun 22 Nov 2026 13:30 IST");
        assertThat(all).extracting(n -> n.channel).containsExactly("email", "stream");
    }

    @Test
    void writesHebrewMailRightToLeftForARecipientConfiguredInHebrew() {
        List<Notification> all = composer(Map.of(
                "tikun.routing.notifications.recipients.team-lead.email", "lead@tikun.test",
                "tikun.routing.notifications.recipients.team-lead.language", "he",
                "tikun.routing.notifications.recipients.team-lead.kinds", "ESCALATED"))
                .escalated(criticalCase(EscalationLevel.TEAM_LEAD), EscalationLevel.FRONTLINE, "לא נענה בזמן", NOW);

        Notification hebrew = only(all, "email", "lead@tikun.test");
        assertThat(hebrew.language).isEqualTo("he");
        assertThat(hebrew.subject).startsWith("[TK-424242] הוסלם ל-TEAM_LEAD").contains("לא נענתה");
        assertThat(hebrew.body).contains("תיק עלה בסולם ההסלמה").contains("לא נענה בזמן");
        assertThat(hebrew.htmlBody).contains("<html lang=\"he\" dir=\"rtl\">").contains("<body dir=\"rtl\"")
                .contains("direction:rtl").contains("text-align:right").contains("מה כתב הלקוח");
        assertThat(only(all, "email", "manager@tikun.test").language).isEqualTo("en");
    }

    @Test
    void sendsTheTeamLeadOnlyTheKindsConfiguredForIt() {
        ManagerAlertComposer composer = composer(Map.of(
                "tikun.routing.notifications.recipients.team-lead.email", "lead@tikun.test",
                "tikun.routing.notifications.recipients.team-lead.kinds", "ESCALATED"));

        List<Notification> opened = composer.severeCaseOpened(criticalCase(EscalationLevel.SERVICE_MANAGER),
                "LEGAL_THREAT", NOW);

        assertThat(opened).extracting(n -> n.recipient).containsExactly("manager@tikun.test", "console");
    }

    @Test
    void addsASlackCompatibleWebhookBodyWhenAWebhookIsConfigured() {
        SupportCase c = criticalCase(EscalationLevel.MANAGER_CALLBACK);
        List<Notification> all = composer(Map.of("tikun.routing.notifications.webhook.url", HOOK,
                "tikun.routing.notifications.webhook.secret", "s3cret"))
                .callbackAssigned(c, NOW.plusSeconds(7200), 1, NOW);

        Notification hook = only(all, "webhook", HOOK);
        assertThat(hook.kind).isEqualTo(NotificationKind.CALLBACK_ASSIGNED);
        JsonPath body = JsonPath.from(hook.body);
        assertThat(body.getString("text")).isEqualTo("[TK-424242] Call דנה לוי back by Sun 22 Nov 2026 13:30 IST");
        assertThat(body.getList("blocks.type")).containsExactly("header", "section", "section", "context");
        assertThat(body.getString("blocks[3].elements[0].text"))
                .isEqualTo("<http://127.0.0.1:8082/api/v1/cases/" + c.id + "|TK-424242>");
        assertThat(hook.htmlBody).isNull();

        JsonPath streamed = JsonPath.from(only(all, "stream", "console").body);
        assertThat(streamed.getString("kind")).isEqualTo("CALLBACK_ASSIGNED");
        assertThat(streamed.getString("callbackDueAt")).isEqualTo("2026-11-22T11:30:00Z");
    }

    @Test
    void fallsBackToEnglishForALanguageWithoutTemplates() {
        List<Notification> all = composer(Map.of("tikun.routing.notifications.service-manager-language", "fr"))
                .severeCaseOpened(criticalCase(EscalationLevel.SERVICE_MANAGER), "LEGAL_THREAT", NOW);

        Notification mail = only(all, "email", "manager@tikun.test");
        assertThat(mail.language).isEqualTo("en");
        assertThat(mail.subject).isEqualTo("[TK-424242] CRITICAL complaint from דנה לוי: התנור עלה באש");
    }
}
