package io.tikun.routing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.qute.Engine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.RoutingTestConfig;
import io.tikun.routing.cases.CaseStatus;
import io.tikun.routing.cases.SupportCase;
import io.tikun.routing.escalation.EscalationLevel;
import io.tikun.routing.escalation.EscalationReason;
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
    private static final String HEBREW_LEAD = "lead@tikun.test";
    /** What an escalation's subject says after "Escalated to LEVEL: ", per reason, for the case below. */
    private static final Map<EscalationReason, String> ENGLISH_CAUSES = Map.of(
            EscalationReason.OPENED, "new CRITICAL complaint from דנה לוי",
            EscalationReason.REPEAT_COMPLAINT, "repeat CRITICAL complaint from דנה לוי",
            EscalationReason.FIRST_RESPONSE_MISSED, "CRITICAL complaint from דנה לוי unanswered",
            EscalationReason.UNANSWERED_CUSTOMER_REPLY,
            "CRITICAL complaint from דנה לוי: customer wrote again, unanswered",
            EscalationReason.RESOLUTION_OVERDUE, "CRITICAL complaint from דנה לוי not resolved in time",
            EscalationReason.PROMISE_NOT_KEPT, "CRITICAL complaint from דנה לוי: promise overdue, broken or disputed");
    private static final Map<EscalationReason, String> HEBREW_CAUSES = Map.of(
            EscalationReason.OPENED, "תלונה חדשה בחומרת CRITICAL מאת דנה לוי",
            EscalationReason.REPEAT_COMPLAINT, "תלונה חוזרת בחומרת CRITICAL מאת דנה לוי",
            EscalationReason.FIRST_RESPONSE_MISSED, "תלונה בחומרת CRITICAL מאת דנה לוי לא נענתה",
            EscalationReason.UNANSWERED_CUSTOMER_REPLY,
            "תלונה בחומרת CRITICAL מאת דנה לוי: פנייה נוספת של הלקוח לא נענתה",
            EscalationReason.RESOLUTION_OVERDUE, "תלונה בחומרת CRITICAL מאת דנה לוי לא נפתרה בזמן",
            EscalationReason.PROMISE_NOT_KEPT,
            "תלונה בחומרת CRITICAL מאת דנה לוי: הבטחה ללקוח לא קוימה (באיחור, הופרה או שנויה במחלוקת)");

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
        List<Notification> all = composer(Map.of()).escalated(c, EscalationLevel.SERVICE_MANAGER,
                EscalationReason.FIRST_RESPONSE_MISSED, "first response missed", NOW);

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
                .escalated(criticalCase(EscalationLevel.TEAM_LEAD), EscalationLevel.FRONTLINE,
                        EscalationReason.FIRST_RESPONSE_MISSED, "לא נענה בזמן", NOW);

        Notification hebrew = only(all, "email", "lead@tikun.test");
        assertThat(hebrew.language).isEqualTo("he");
        assertThat(hebrew.subject).startsWith("[TK-424242] הוסלם ל-TEAM_LEAD").contains("לא נענתה");
        assertThat(hebrew.body).contains("תיק עלה בסולם ההסלמה").contains("לא נענה בזמן");
        assertThat(hebrew.htmlBody).contains("<html lang=\"he\" dir=\"rtl\">").contains("<body dir=\"rtl\"")
                .contains("direction:rtl").contains("text-align:right").contains("מה כתב הלקוח");
        assertThat(only(all, "email", "manager@tikun.test").language).isEqualTo("en");
    }

    @ParameterizedTest
    @EnumSource(EscalationReason.class)
    void saysWhyTheCaseWasEscalatedInEverySubjectAndHeadline(EscalationReason code) {
        SupportCase c = criticalCase(EscalationLevel.TEAM_LEAD);
        List<Notification> all = composer(Map.of(
                "tikun.routing.notifications.recipients.team-lead.email", HEBREW_LEAD,
                "tikun.routing.notifications.recipients.team-lead.language", "he",
                "tikun.routing.notifications.recipients.team-lead.kinds", "ESCALATED"))
                .escalated(c, EscalationLevel.FRONTLINE, code, "the detail", NOW);

        String english = ENGLISH_CAUSES.get(code);
        Notification mail = only(all, "email", "manager@tikun.test");
        assertThat(mail.subject).isEqualTo("[TK-424242] Escalated to TEAM_LEAD: " + english);
        assertThat(mail.body).contains("A case moved up the escalation ladder (FRONTLINE -> TEAM_LEAD): " + english + ".")
                .contains("Why:       the detail");
        assertThat(mail.htmlBody).contains("A case moved up the escalation ladder (FRONTLINE &rarr; TEAM_LEAD): "
                + english + ".</h2>");
        assertThat(JsonPath.from(only(all, "stream", "console").body).getString("text")).isEqualTo(mail.subject);

        String hebrew = HEBREW_CAUSES.get(code);
        Notification lead = only(all, "email", HEBREW_LEAD);
        assertThat(lead.subject).isEqualTo("[TK-424242] הוסלם ל-TEAM_LEAD: " + hebrew);
        assertThat(lead.body).contains("תיק עלה בסולם ההסלמה (FRONTLINE ← TEAM_LEAD): " + hebrew + ".");
        assertThat(lead.htmlBody).contains("תיק עלה בסולם ההסלמה (FRONTLINE &larr; TEAM_LEAD): " + hebrew + ".</h2>");
    }

    @Test
    void givesEveryEscalationReasonItsOwnWordsInBothLanguages() {
        assertThat(ENGLISH_CAUSES).containsOnlyKeys(EscalationReason.values());
        assertThat(HEBREW_CAUSES).containsOnlyKeys(EscalationReason.values());
        assertThat(ENGLISH_CAUSES.values()).doesNotHaveDuplicates();
        assertThat(HEBREW_CAUSES.values()).doesNotHaveDuplicates();
        // Only a missed first response or an unanswered message is "unanswered": an answered case that
        // missed its resolution deadline, a promise or a repeat is not.
        assertThat(ENGLISH_CAUSES).allSatisfy((code, words) -> assertThat(words.contains("unanswered"))
                .as(code.name()).isEqualTo(code == EscalationReason.FIRST_RESPONSE_MISSED
                        || code == EscalationReason.UNANSWERED_CUSTOMER_REPLY));
    }

    @Test
    void refusesToStartWhenAnEscalationReasonHasNoWords() {
        Engine partial = Engine.builder().addDefaults().build();
        String allWords = Arrays.stream(EscalationReason.values())
                .map(code -> "{#fragment id=cause_" + code + " rendered=false}" + code + "{/fragment}")
                .collect(Collectors.joining());
        String withoutPromise = allWords.replace(
                "{#fragment id=cause_PROMISE_NOT_KEPT rendered=false}PROMISE_NOT_KEPT{/fragment}", "");
        partial.putTemplate("notification/escalated-en.txt",
                partial.parse(allWords, null, "notification/escalated-en.txt"));
        partial.putTemplate("notification/escalated-he.txt",
                partial.parse(withoutPromise, null, "notification/escalated-he.txt"));
        ManagerAlertComposer composer = new ManagerAlertComposer(RoutingTestConfig.with(Map.of()), partial, json);

        assertThatThrownBy(() -> composer.checkEveryReasonIsWorded(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("escalation reasons without words: [notification/escalated-he.txt$cause_PROMISE_NOT_KEPT]");
        composer(Map.of()).checkEveryReasonIsWorded(null);
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
                .isEqualTo("<http://127.0.0.1:8082/workspace/cases/" + c.id + "|TK-424242>");
        assertThat(hook.htmlBody).isNull();

        JsonPath streamed = JsonPath.from(only(all, "stream", "console").body);
        assertThat(streamed.getString("kind")).isEqualTo("CALLBACK_ASSIGNED");
        assertThat(streamed.getString("callbackDueAt")).isEqualTo("2026-11-22T11:30:00Z");
    }

    @Test
    void escapesTheCustomersWordsInTheWebhookSoTheyCannotPingTheChannelOrPlantALink() {
        SupportCase c = criticalCase(EscalationLevel.SERVICE_MANAGER);
        c.customerName = "<!channel> Dana & Co";
        String dispute = "Promise disputed: <https://evil.example/phish|Open case> <@U0123> >quoted";
        List<Notification> all = composer(Map.of("tikun.routing.notifications.webhook.url", HOOK,
                "tikun.routing.notifications.webhook.secret", "s3cret"))
                .escalated(c, EscalationLevel.TEAM_LEAD, EscalationReason.PROMISE_NOT_KEPT, dispute, NOW);

        JsonPath body = JsonPath.from(only(all, "webhook", HOOK).body);
        List<String> mrkdwn = new java.util.ArrayList<>();
        mrkdwn.add(body.getString("text"));
        mrkdwn.addAll(body.getList("blocks[1].fields.text", String.class));
        mrkdwn.add(body.getString("blocks[2].text.text"));
        assertThat(mrkdwn).noneMatch(t -> t.contains("<!channel>") || t.contains("<https://evil")
                || t.contains("<@U0123>"));
        assertThat(body.getString("text")).contains("&lt;!channel&gt; Dana &amp; Co");
        assertThat(body.getList("blocks[1].fields.text", String.class))
                .contains("*Customer*\n&lt;!channel&gt; Dana &amp; Co");
        assertThat(body.getString("blocks[2].text.text")).isEqualTo(
                "Promise disputed: &lt;https://evil.example/phish|Open case&gt; &lt;@U0123&gt; &gt;quoted");
        // plain_text is never parsed for mentions or links: the header shows the words as written
        assertThat(body.getString("blocks[0].text.type")).isEqualTo("plain_text");
        // the link Tikun makes stays a link
        assertThat(body.getString("blocks[3].elements[0].text"))
                .isEqualTo("<http://127.0.0.1:8082/workspace/cases/" + c.id + "|TK-424242>");
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
