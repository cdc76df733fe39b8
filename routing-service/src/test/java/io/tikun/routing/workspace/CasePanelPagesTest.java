package io.tikun.routing.workspace;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tikun.routing.BearerPagesProfile;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The case page's promises (shown and made through the form), the manager's assign form and the customer panel, built
 * from routing's own read models fed by commitments.updated and customers.feedback.
 */
@QuarkusTest
@TestProfile(BearerPagesProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CasePanelPagesTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(role))).redirects()
                .follow(false);
    }

    private static Document page(Response response) {
        return Jsoup.parse(response.asString());
    }

    private static Document casePage(String user, String role, String caseId, String lang) {
        Response response = as(user, role).cookie("lang", lang).get("/workspace/cases/" + caseId);
        assertThat(response.statusCode()).isEqualTo(200);
        return page(response);
    }

    /** Opens a case of {@code customerId} for a new complaint; returns the case id. */
    private String openCase(String customerId, String category) {
        String complaintId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String json = """
                {"complaintId":"%s","reference":"%s","channel":"email",
                 "customer":{"id":"%s","name":"דנה לוי","email":"dana@example.com","phone":"+972521234567"},
                 "subject":"המזגן לא מקרר","body":"המזגן לא מקרר כבר שבוע.","severity":"MEDIUM",
                 "reasons":[],"receivedAt":"%s","expectedResponseBy":"%s","language":"he",
                 "classification":{"product":{"id":"ac","name":"AC","evidence":["המזגן"]},"category":"%s",
                 "categoryEvidence":["לא מקרר"],"orderNumbers":[]}}"""
                .formatted(complaintId, randomReference(), customerId, now, now.plusSeconds(3600), category);
        send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received", json);
        return awaitCase(complaintId).getString("id");
    }

    private void send(String topic, String key, String eventId, String type, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(topic, key, eventId, type, json);
        }
    }

    private static String local(Instant at) {
        return LocalDateTime.ofInstant(at, JERUSALEM).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    private static Response form(String user, String role, Document from, String caseId, String action,
            Map<String, String> fields) {
        return as(user, role).cookie("lang", from.selectFirst("html").attr("lang"))
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(fields).formParam("token", from.selectFirst("input[name=token]").val())
                .formParam("version", from.selectFirst("input[name=version]").val())
                .post("/workspace/cases/" + caseId + "/" + action);
    }

    private void followUpSays(String customerId, String caseId, String commitmentId, String change, String status,
            Instant at) {
        String json = """
                {"commitmentId":"%s","caseId":"%s","complaintId":"c","reference":"TK-1","customerId":"%s",
                 "change":"%s","status":"%s","actor":"customer","reason":"","dueAt":"%s","occurredAt":"%s"}"""
                .formatted(commitmentId, caseId, customerId, change, status, at.plusSeconds(86_400), at);
        send("commitments.updated", customerId, UUID.randomUUID().toString(), "tikun.commitment." + change, json);
    }

    private static String stateOf(Document page, String commitmentId) {
        Element row = page.selectFirst("#case-promises tr[data-commitment=" + commitmentId + "]");
        return row == null ? null : row.attr("data-state");
    }

    @Test
    void aPromiseMadeThroughTheFormIsShownAndFollowsFollowUpsNewestChange() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = openCase(customer, "product_defect");
        Document opened = casePage("noa", "agent", caseId, "he");
        assertThat(opened.selectFirst("html").attr("dir")).isEqualTo("rtl");
        Element form = opened.selectFirst("form#promise-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/workspace/cases/" + caseId + "/promises");
        assertThat(form.selectFirst("[name=what]")).isNotNull();
        assertThat(form.selectFirst("input[name=owner]").val()).isEqualTo("noa");
        assertThat(form.selectFirst("input[name=dueAt]").attr("type")).isEqualTo("datetime-local");
        form.select("input:not([type=hidden]), textarea").forEach(
                control -> assertThat(opened.select("label[for=" + control.id() + "]")).as(control.id()).hasSize(1));
        assertThat(opened.selectFirst("form#assign-form")).as("agents do not assign").isNull();

        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Response made = form("noa", "agent", opened, caseId, "promises",
                Map.of("what", "טכנאי יחליף את המדחס", "owner", "yossi", "dueAt", local(due)));
        assertThat(made.statusCode()).isEqualTo(303);

        Document page = casePage("noa", "agent", caseId, "he");
        Element row = page.selectFirst("#case-promises tr.promise");
        assertThat(row.text()).contains("טכנאי יחליף את המדחס").contains("yossi").contains("פתוחה");
        assertThat(row.selectFirst("time").attr("datetime")).isEqualTo(due.toString());
        String commitmentId = row.attr("data-commitment");
        assertThat(row.hasClass("promise-overdue")).isFalse();

        // Follow-up's changes: verified, then an older claimed-done arriving late; a later change on a second promise
        // of the same customer (same partition) marks that the late one was consumed.
        Instant now = Instant.now();
        followUpSays(customer, caseId, commitmentId, "verified", "VERIFIED", now);
        followUpSays(customer, caseId, commitmentId, "verified", "VERIFIED", now);
        await().atMost(WAIT).until(() -> "VERIFIED".equals(stateOf(casePage("noa", "agent", caseId, "he"), commitmentId)));
        followUpSays(customer, caseId, commitmentId, "claimed-done", "CLAIMED_DONE", now.minusSeconds(60));
        String marker = UUID.randomUUID().toString();
        followUpSays(customer, caseId, marker, "overdue", "OVERDUE", now);
        await().atMost(WAIT).until(() -> stateOf(casePage("noa", "agent", caseId, "he"), marker) != null);

        Document english = casePage("noa", "agent", caseId, "en");
        assertThat(english.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(stateOf(english, commitmentId)).isEqualTo("VERIFIED");
        assertThat(english.selectFirst("#case-promises tr[data-commitment=" + commitmentId + "] .promise-state").text())
                .isEqualTo("Kept (confirmed by the customer)");
        Element overdue = english.selectFirst("#case-promises tr[data-commitment=" + marker + "]");
        assertThat(overdue.hasClass("promise-overdue")).isTrue();
        assertThat(overdue.text()).contains("overdue");
        assertThat(english.selectFirst("#customer-promises-summary").text()).isEqualTo("1 kept, 0 not kept, of 2");
    }

    @Test
    void aPromiseFormWithoutADueTimeIsRefusedInHebrewWithTheEntriesKept() {
        String caseId = openCase("cust-" + UUID.randomUUID(), "billing");
        Document opened = casePage("noa", "agent", caseId, "he");
        Response refused = form("noa", "agent", opened, caseId, "promises",
                Map.of("what", "זיכוי של 200 ש\"ח", "owner", "rina", "dueAt", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = page(refused);
        assertThat(page.selectFirst(".notice-error").text()).isEqualTo(
                "יש לציין תאריך ושעה עתידיים שעד אליהם תקוים ההבטחה.");
        assertThat(page.selectFirst("#promise-what").text()).isEqualTo("זיכוי של 200 ש\"ח");
        assertThat(page.selectFirst("#promise-owner").val()).isEqualTo("rina");
        assertThat(page.selectFirst("#case-promises")).as("nothing recorded").isNull();

        Response past = form("noa", "agent", opened, caseId, "promises", Map.of("what", "x", "owner", "rina", "dueAt",
                local(Instant.now().minus(1, ChronoUnit.HOURS))));
        assertThat(past.statusCode()).isEqualTo(400);
    }

    @Test
    void aPromiseOnACaseChangedSinceThePageWasOpenedIsAConflictWithTheEntriesKept() {
        String caseId = openCase("cust-" + UUID.randomUUID(), "billing");
        Document opened = casePage("noa", "agent", caseId, "en");
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mira", Set.of("manager")))
                .contentType(ContentType.JSON).body("{\"text\":\"Called the customer\"}")
                .post("/api/v1/cases/" + caseId + "/notes").then().statusCode(200);

        String due = local(Instant.now().plus(1, ChronoUnit.DAYS));
        Response conflict = form("noa", "agent", opened, caseId, "promises",
                Map.of("what", "Refund the delivery fee", "owner", "noa", "dueAt", due));
        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = page(conflict);
        assertThat(page.selectFirst(".notice-changed")).isNotNull();
        assertThat(page.selectFirst("#promise-what").text()).isEqualTo("Refund the delivery fee");
        assertThat(page.selectFirst("#promise-due").val()).isEqualTo(due);
        assertThat(page.selectFirst("#case-promises")).isNull();

        assertThat(form("noa", "agent", page, caseId, "promises",
                Map.of("what", "Refund the delivery fee", "owner", "noa", "dueAt", due)).statusCode()).isEqualTo(303);
    }

    @Test
    void anAgentMayNotPromiseOnACaseAnotherAgentHolds() {
        String caseId = openCase("cust-" + UUID.randomUUID(), "billing");
        as("dor", "agent").post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
        Document opened = casePage("noa", "agent", caseId, "en");
        Response refused = form("noa", "agent", opened, caseId, "promises", Map.of("what", "x", "owner", "noa",
                "dueAt", local(Instant.now().plus(1, ChronoUnit.DAYS))));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(page(refused).selectFirst("#case-promises")).isNull();
    }

    @Test
    void onlyManagersAssignThroughTheFormAndAnAgentPostingItGets403() {
        String caseId = openCase("cust-" + UUID.randomUUID(), "billing");
        // The agent acts once, so the directory knows them as someone to assign to.
        as("gal", "agent").post("/api/v1/cases/" + openCase("cust-" + UUID.randomUUID(), "billing") + "/claim").then()
                .statusCode(200);
        Document agentPage = casePage("noa", "agent", caseId, "en");
        Response forbidden = form("noa", "agent", agentPage, caseId, "assign", Map.of("assignee", "noa"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(page(forbidden).selectFirst(".notice-error").text())
                .isEqualTo("Only managers and admins assign cases.");

        Document managerPage = casePage("mira", "manager", caseId, "he");
        Element form = managerPage.selectFirst("form#assign-form");
        assertThat(form.attr("action")).isEqualTo("/workspace/cases/" + caseId + "/assign");
        Element select = form.selectFirst("select[name=assignee]");
        assertThat(managerPage.select("label[for=" + select.id() + "]")).hasSize(1);
        assertThat(select.select("option").eachAttr("value")).contains("gal");

        assertThat(form("mira", "manager", managerPage, caseId, "assign", Map.of("assignee", "gal")).statusCode())
                .isEqualTo(303);
        assertThat(casePage("mira", "manager", caseId, "en").selectFirst("#case-assignee").text()).isEqualTo("gal");

        // A stale page's assignment is a conflict.
        Response stale = form("mira", "manager", managerPage, caseId, "assign", Map.of("assignee", "noa"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(casePage("mira", "manager", caseId, "en").selectFirst("#case-assignee").text()).isEqualTo("gal");
    }

    @Test
    void theCustomerPanelShowsEarlierCasesSatisfactionTierAndChurnOnceEach() {
        String customer = "cust-" + UUID.randomUUID();
        String earlier = openCase(customer, "billing");
        String caseId = openCase(customer, "product_defect");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String csat = """
                {"kind":"CSAT_ANSWERED","customerId":"%s","caseId":"%s","reference":"TK-9","score":2,
                 "comment":"לקח יותר מדי זמן","churnOutcome":null,"exitOutcome":null,"exitReason":null,
                 "valueTier":"gold","occurredAt":"%s"}""".formatted(customer, earlier, now.minusSeconds(600));
        String csatEventId = UUID.randomUUID().toString();
        send("customers.feedback", customer, csatEventId, "tikun.customer.feedback.csat-answered", csat);
        send("customers.feedback", customer, csatEventId, "tikun.customer.feedback.csat-answered", csat);
        String watch = """
                {"kind":"CHURN_WATCH_OPENED","customerId":"%s","caseId":null,"reference":"TK-10","score":null,
                 "comment":null,"churnOutcome":"UNKNOWN","exitOutcome":null,"exitReason":null,"valueTier":"gold",
                 "occurredAt":"%s"}""".formatted(customer, now);
        send("customers.feedback", customer, UUID.randomUUID().toString(), "tikun.customer.feedback.churn-watch-opened",
                watch);

        await().atMost(WAIT).until(() -> casePage("noa", "agent", caseId, "he").selectFirst("#customer-churn-outcome") != null);
        Document page = casePage("noa", "agent", caseId, "he");
        Element panel = page.selectFirst("aside#customer-panel");
        assertThat(panel.attr("aria-labelledby")).isEqualTo("customer-panel-heading");
        assertThat(panel.selectFirst("h2").text()).startsWith("על הלקוח");
        assertThat(panel.select("#past-cases tr[data-case]").eachAttr("data-case")).containsExactly(earlier);
        assertThat(panel.selectFirst("#past-cases tr[data-case] td:nth-child(5)").text()).startsWith("לא");
        assertThat(panel.select("#csat-answers li")).as("the redelivered answer counted once").hasSize(1);
        assertThat(panel.selectFirst("#csat-answers li").attr("data-score")).isEqualTo("2");
        assertThat(panel.selectFirst("#customer-tier").text()).isEqualTo("gold");
        assertThat(panel.selectFirst("#customer-churn-intent").attr("data-intent")).isEqualTo("true");
        assertThat(panel.selectFirst("#customer-churn-outcome").text()).isEqualTo("עדיין במעקב");

        Document english = casePage("noa", "agent", caseId, "en");
        assertThat(english.selectFirst("#customer-churn-outcome").text()).isEqualTo("Still watching");
        assertThat(english.selectFirst("#csat-mean").text()).isEqualTo("Average 2.0 of 5 from 1 answers");
        for (Element table : english.select("#customer-panel table, #case-promises")) {
            assertThat(table.select("th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
        }
    }

    @Test
    void anUnreadableFeedbackEventIsDeadLetteredAndShowsNothing() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = openCase(customer, "billing");
        try (io.tikun.stack.testing.KafkaTopicReader dlq = new io.tikun.stack.testing.KafkaTopicReader(bootstrapServers,
                "customers.feedback.dlq")) {
            String bad = "{\"kind\":\"CSAT_ANSWERED\",\"customerId\":\"" + customer + "\",\"score\":9,\"occurredAt\":\""
                    + Instant.now() + "\"}";
            send("customers.feedback", customer, UUID.randomUUID().toString(), "tikun.customer.feedback.csat-answered",
                    bad);
            dlq.await(r -> bad.equals(r.value()), WAIT);
        }
        assertThat(casePage("noa", "agent", caseId, "en").select("#csat-answers li")).isEmpty();
    }
}
