package io.tikun.routing.console;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tikun.routing.BearerPagesProfile;
import io.tikun.routing.console.chart.ChartRenderer;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The manager console's pages as rendered HTML (kept under target/console-pages): languages, links and local times, the
 * callback outcome form end to end, team load and cases at risk, and the reports page against the API's numbers.
 */
@QuarkusTest
@TestProfile(BearerPagesProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsolePagesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(role))).redirects()
                .follow(false).cookie("tz", "UTC");
    }

    private static RequestSpecification manager(String lang) {
        return as("mira", "manager").cookie("lang", lang);
    }

    private static Document page(Response response) {
        keep(response.asString());
        return Jsoup.parse(response.asString());
    }

    private static Document console() {
        Response response = manager("en").get("/console");
        assertThat(response.statusCode()).isEqualTo(200);
        return page(response);
    }

    /** Opens a case; returns it as the API shows it. */
    private JsonPath complain(String customerId, String severity, String channel, long answerWithinSeconds,
            String category) {
        String complaintId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String classification = category == null ? ""
                : ",\"classification\":{\"category\":\"" + category + "\",\"categoryEvidence\":[],\"orderNumbers\":[]}";
        String json = """
                {"complaintId":"%s","reference":"%s","channel":"%s",
                 "customer":{"id":"%s","name":"Yossi Cohen","email":"yossi@example.com","phone":"+972541112233"},
                 "subject":"No hot water","body":"Third day without hot water.","severity":"%s","reasons":[],
                 "receivedAt":"%s","expectedResponseBy":"%s"%s}"""
                .formatted(complaintId, randomReference(), channel, customerId, severity, now,
                        now.plusSeconds(answerWithinSeconds), classification);
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received", json);
        }
        return awaitCase(complaintId);
    }

    /** A customer's second CRITICAL complaint, which opens at the manager's callback; returns the case. */
    private JsonPath callbackCase() {
        String customer = "cust-" + UUID.randomUUID();
        complain(customer, "CRITICAL", "web", 3600, null);
        JsonPath repeat = complain(customer, "CRITICAL", "web", 3600, null);
        assertThat(repeat.getString("level")).isEqualTo("MANAGER_CALLBACK");
        return repeat;
    }

    /** The callback's list item on the console, once it shows there. */
    private static Element callbackItem(Document console, String caseId) {
        Element item = console.selectFirst("li.callback[data-case=" + caseId + "]");
        assertThat(item).as("callback of case " + caseId).isNotNull();
        return item;
    }

    private static String taskId(Element item) {
        return item.id().substring("callback-".length());
    }

    private static Response postOutcome(String lang, Element item, Map<String, String> fields) {
        Element form = item.selectFirst("form.outcome-form");
        RequestSpecification request = manager(lang).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("token", form.selectFirst("input[name=token]").val())
                .formParam("version", form.selectFirst("input[name=version]").val());
        fields.forEach(request::formParam);
        return request.post(form.attr("action"));
    }

    private static JsonPath callback(String taskId) {
        return manager("en").get("/api/v1/callbacks/" + taskId).then().statusCode(200).extract().jsonPath();
    }

    private static String localUtc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    void theConsoleIsHebrewRightToLeftByDefaultAndEnglishOnceChosenWithLabelledForms() {
        String caseId = callbackCase().getString("id");
        Document hebrew = page(as("mira", "manager").header("Accept-Language", "he-IL,he;q=0.9").get("/console"));
        assertThat(hebrew.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(hebrew.selectFirst("h1").text()).isEqualTo("מסוף מנהלים");
        assertThat(hebrew.selectFirst("#first-response .as-of").text()).startsWith("הנתונים נכונים ל־");
        assertThat(hebrew.selectFirst("#language-switch").attr("href")).startsWith("/workspace/language?to=en&back=%2Fconsole");

        Response switched = as("mira", "manager").get("/workspace/language?to=en&back=/console");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/console");
        assertThat(switched.getDetailedCookie("lang").getPath()).isEqualTo("/");

        Document english = page(as("mira", "manager").header("Accept-Language", "he-IL").cookie("lang", "en").get("/console"));
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Manager console");
        assertThat(english.selectFirst("#first-response .as-of").text()).matches("Figures as of .*\\d{1,2}:\\d\\d.*\\.");
        assertThat(english.select("section > h2")).extracting(Element::text).contains("Live escalations", "Callbacks due",
                "Cases at risk of breach", "Team load");
        Element item = callbackItem(english, caseId);
        item.select("textarea, input:not([type=hidden]):not([type=radio])").forEach(control -> assertThat(
                item.select("label[for=" + control.id() + "]")).as(control.id()).hasSize(1));
        assertThat(item.select("input[type=radio]").parents().is("label")).isTrue();
        assertThat(item.selectFirst("a[href=/workspace/cases/" + caseId + "]")).isNotNull();
        english.select("table").forEach(table -> assertThat(table.select("caption")).hasSize(1));
        english.select("thead th").forEach(th -> assertThat(th.attr("scope")).isEqualTo("col"));
    }

    @Test
    void liveEscalationsLinkToTheirCaseWithTimesInTheUsersZone() {
        String caseId = callbackCase().getString("id");
        await().atMost(WAIT).until(() -> console().selectFirst("#live-list li[data-case=" + caseId + "]") != null);
        Element entry = console().selectFirst("#live-list li[data-case=" + caseId + "]");
        assertThat(entry.selectFirst("a").attr("href")).isEqualTo("/workspace/cases/" + caseId);
        Instant at = Instant.parse(entry.selectFirst("time").attr("datetime"));
        String utc = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
                .withLocale(java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC).format(at);
        assertThat(entry.selectFirst("time").text()).isEqualTo(utc);
        Document jerusalem = page(manager("en").cookie("tz", "Asia/Jerusalem").get("/console"));
        assertThat(jerusalem.selectFirst("#live-list li[data-case=" + caseId + "] time").text()).isNotEqualTo(utc);
    }

    @Test
    void liveEntriesAndTheConsolesHeaderSpeakThePagesLanguageFromTheNotificationsFacts() {
        String caseId = callbackCase().getString("id");
        await().atMost(WAIT).until(() -> console().selectFirst("#live-list li.kind-CALLBACK_ASSIGNED[data-case=" + caseId
                + "]") != null);
        Document hebrew = page(manager("he").get("/console"));
        assertThat(hebrew.selectFirst(".brand a").text()).isEqualTo("תיקון · מסוף מנהלים");
        assertThat(hebrew.selectFirst(".brand a").attr("href")).isEqualTo("/console");
        assertThat(hebrew.title()).isEqualTo("מסוף מנהלים · תיקון · מסוף מנהלים");
        Element callback = hebrew.selectFirst("#live-list li.kind-CALLBACK_ASSIGNED[data-case=" + caseId + "]");
        assertThat(callback.selectFirst(".kind").text()).isEqualTo("המנהל חייב שיחה חוזרת");
        assertThat(callback.selectFirst(".severity").text()).isEqualTo("קריטית");
        assertThat(callback.selectFirst(".level").text()).isEqualTo("שיחה חוזרת של מנהל");
        String customer = callback.selectFirst(".customer").text();
        assertThat(customer).isEqualTo("Yossi Cohen");
        assertThat(callback.text().replace(customer, "")).as("no English sentence on the Hebrew page")
                .doesNotContainPattern("[A-Za-z]{4,}");
        assertThat(callback.selectFirst("time.callback-due")).isNotNull();
        // What console.js needs to label live arrivals the same way.
        assertThat(hebrew.selectFirst("#live-list").attr("data-labels"))
                .contains("\"CALLBACK_ASSIGNED\":\"המנהל חייב שיחה חוזרת\"")
                .contains("\"MANAGER_CALLBACK\":\"שיחה חוזרת של מנהל\"");
        Document english = page(manager("en").get("/console"));
        assertThat(english.selectFirst("#live-list li.kind-CALLBACK_ASSIGNED[data-case=" + caseId + "] .kind").text())
                .isEqualTo("Manager callback owed");
        assertThat(english.selectFirst(".brand a").text()).isEqualTo("Tikun · Manager console");
    }

    @Test
    void reachedAndResolvedThroughTheFormResolvesTheCase() {
        JsonPath c = callbackCase();
        Element item = callbackItem(console(), c.getString("id"));
        assertThat(item.select("select[name=rootCause] option").eachAttr("value")).contains("", "product-defect");
        assertThat(item.select("label[for=root-cause-" + taskId(item) + "]")).hasSize(1);
        Response withoutCause = postOutcome("en", item, Map.of("outcome", "REACHED_RESOLVED", "note", "Replaced the heater"));
        assertThat(withoutCause.statusCode()).isEqualTo(400);
        Element again = callbackItem(page(withoutCause), c.getString("id"));
        assertThat(again.selectFirst(".notice-error").text()).isEqualTo("Choose the root cause from the list.");
        assertThat(again.selectFirst("textarea[name=note]").text()).isEqualTo("Replaced the heater");
        Response saved = postOutcome("en", again, Map.of("outcome", "REACHED_RESOLVED", "note", "Replaced the heater",
                "category", "product_defect", "rootCause", "supplier-delay"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/console?done=true#callbacks");

        assertThat(callback(taskId(item)).getString("state")).isEqualTo("DONE");
        JsonPath resolved = awaitCase(c.getString("complaintId"));
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(resolved.getString("category")).isEqualTo("product_defect");
        assertThat(resolved.getString("rootCause")).isEqualTo("supplier-delay");
        Document after = page(manager("en").get("/console?done=true"));
        assertThat(after.selectFirst(".notice-done").text()).isEqualTo("The call was recorded.");
        assertThat(after.select("li.callback[data-case=" + c.getString("id") + "]")).isEmpty();
    }

    @Test
    void aFixPromisedThroughTheFormBecomesACommitmentDueAtTheLocalTime() {
        JsonPath c = callbackCase();
        Element item = callbackItem(console(), c.getString("id"));
        String due = localUtc(Instant.now().plus(2, ChronoUnit.DAYS));
        Response saved = postOutcome("en", item, Map.of("outcome", "REACHED_FIX_PROMISED", "what",
                "A technician replaces the heater", "owner", "dana", "due", due));
        assertThat(saved.statusCode()).isEqualTo(303);

        JsonPath task = callback(taskId(item));
        assertThat(task.getString("state")).isEqualTo("DONE");
        assertThat(task.getString("lastOutcome")).isEqualTo("REACHED_FIX_PROMISED");
        assertThat(task.getString("commitmentId")).isNotNull();
    }

    @Test
    void notReachedThroughTheFormSchedulesTheNextCallAtTheChosenTime() {
        JsonPath c = callbackCase();
        Element item = callbackItem(console(), c.getString("id"));
        Instant retry = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Response saved = postOutcome("en", item, Map.of("outcome", "NOT_REACHED", "note", "Voicemail", "retryAt",
                localUtc(retry)));
        assertThat(saved.statusCode()).isEqualTo(303);

        JsonPath task = callback(taskId(item));
        assertThat(task.getString("state")).isEqualTo("OPEN");
        assertThat(task.getInt("attempts")).isEqualTo(1);
        assertThat(Instant.parse(task.getString("dueAt"))).isEqualTo(retry);
        assertThat(callbackItem(console(), c.getString("id")).selectFirst("time").attr("datetime"))
                .isEqualTo(retry.toString());
    }

    @Test
    void aMissingRetryTimeIsRefusedInThePagesLanguageWithTheEntriesKept() {
        JsonPath c = callbackCase();
        Element item = callbackItem(console(), c.getString("id"));
        Response refused = postOutcome("he", item, Map.of("outcome", "NOT_REACHED", "note", "תא קולי"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Element again = callbackItem(page(refused), c.getString("id"));
        assertThat(again.selectFirst("#error-" + taskId(item)).text()).isEqualTo("יש לציין מתי להתקשר שוב.");
        assertThat(again.selectFirst("textarea[name=note]").text()).isEqualTo("תא קולי");
        assertThat(again.selectFirst("input[value=NOT_REACHED]").hasAttr("checked")).isTrue();
        assertThat(callback(taskId(item)).getInt("attempts")).isZero();
    }

    @Test
    void aCallRecordedMeanwhileShowsTheCallbackAsItIsNowAndKeepsTheEntries() {
        JsonPath c = callbackCase();
        Element opened = callbackItem(console(), c.getString("id"));
        String taskId = taskId(opened);
        // Someone else records a call through the API after the page was opened.
        manager("en").contentType(ContentType.JSON).body("{\"outcome\":\"NOT_REACHED\"}")
                .post("/api/v1/callbacks/" + taskId + "/outcome").then().statusCode(200);

        Response conflict = postOutcome("en", opened, Map.of("outcome", "REACHED_RESOLVED", "note", "Refunded",
                "rootCause", "billing-system", "category", "billing"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = page(conflict);
        assertThat(page.selectFirst(".notice-changed")).isNotNull();
        Element fresh = callbackItem(page, c.getString("id"));
        assertThat(fresh.selectFirst("textarea[name=note]").text()).isEqualTo("Refunded");
        assertThat(Long.parseLong(fresh.selectFirst("input[name=version]").val()))
                .isGreaterThan(Long.parseLong(opened.selectFirst("input[name=version]").val()));

        assertThat(postOutcome("en", fresh, Map.of("outcome", "REACHED_RESOLVED", "note", "Refunded", "rootCause",
                "billing-system", "category", "billing")).statusCode())
                .isEqualTo(303);
        assertThat(callback(taskId).getString("state")).isEqualTo("DONE");
    }

    @Test
    void aFormWithoutAValidTokenChangesNothingAndOnlyManagersSeeTheConsole() {
        JsonPath c = callbackCase();
        Element item = callbackItem(console(), c.getString("id"));
        Response forged = manager("en").contentType(ContentType.URLENC).formParam("token", "1.forged")
                .formParam("version", "0").formParam("outcome", "NOT_REACHED")
                .post("/console/callbacks/" + taskId(item) + "/outcome");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(callback(taskId(item)).getInt("attempts")).isZero();

        Response agent = as("tal", "agent").get("/console");
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(page(agent).select("#forbidden")).hasSize(1);
        assertThat(as("tal", "agent").get("/console/reports").statusCode()).isEqualTo(403);
    }

    @Test
    void casesAtRiskAndTeamLoadLinkToTheCasesAndTheAgentsShare() {
        JsonPath risky = complain("cust-" + UUID.randomUUID(), "HIGH", "email", 600, null);
        String id = risky.getString("id");
        // An agent claims it: the team load counts it for them, the at-risk list narrows to them.
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Document casePage = page(as(agent, "agent").get("/workspace/cases/" + id));
        assertThat(as(agent, "agent").contentType(ContentType.URLENC)
                .formParam("token", casePage.selectFirst("input[name=token]").val())
                .formParam("version", casePage.selectFirst("input[name=version]").val())
                .post("/workspace/cases/" + id + "/claim").statusCode()).isEqualTo(303);

        Document page = console();
        Element row = page.selectFirst("#at-risk tr[data-case=" + id + "]");
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/workspace/cases/" + id);
        assertThat(row.text()).contains(agent);
        Element load = page.selectFirst("#load tr[data-agent=" + agent + "]");
        assertThat(load.select("td")).extracting(Element::text).containsExactly("1", "1", "0");
        String link = load.selectFirst("a").attr("href");
        assertThat(link).isEqualTo("/console?agent=" + agent + "#at-risk");

        Document narrowed = page(manager("en").get("/console?agent=" + agent));
        assertThat(narrowed.select("#at-risk tbody tr")).extracting(r -> r.attr("data-case")).containsExactly(id);
    }

    @Test
    void theReportsNumbersAreTheResponseTimesApisForTheSameWeek() {
        JsonPath answered = complain("cust-" + UUID.randomUUID(), "MEDIUM", "email", 3600, null);
        String id = answered.getString("id");
        // Answered by phone (a reply's first response waits for intake's delivery report, absent here), then resolved.
        as("noa", "agent").contentType(ContentType.JSON).body("{\"summary\":\"Called her back\"}")
                .post("/api/v1/cases/" + id + "/first-response").then().statusCode(200);
        as("noa", "agent").contentType(ContentType.JSON).body("""
                {"resolution":"Replaced the heater","category":"product_defect","rootCause":"product-defect"}""")
                .post("/api/v1/cases/" + id + "/resolve").then().statusCode(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Document reports = page(manager("en").get("/console/reports?from=" + today + "&to=" + today));
        String from = today.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        for (String[] chart : List.of(new String[] { "first-by-channel", "channel" },
                new String[] { "first-by-severity", "severity" })) {
            Map<String, String> shown = row(reports, chart[0], today.toString());
            JsonPath api = manager("en").queryParam("by", chart[1]).queryParam("from", from).queryParam("to", to)
                    .get("/api/v1/reports/response-times").then().statusCode(200).extract().jsonPath();
            Map<String, String> expected = new HashMap<>();
            for (Map<String, Object> group : api.<Map<String, Object>> getList("groups")) {
                Object median = ((Map<?, ?>) group.get("firstResponse")).get("medianMinutes");
                if (median != null) {
                    expected.put((String) group.get("key"), ChartRenderer.number(((Number) median).doubleValue()));
                }
            }
            assertThat(expected).as(chart[0]).containsKey(chart[1].equals("channel") ? "email" : "MEDIUM");
            assertThat(shown).as(chart[0]).isEqualTo(expected);
            assertThat(reports.selectFirst("#chart-" + chart[0] + " svg title").text()).isNotBlank();
            assertThat(reports.selectFirst("#chart-" + chart[0] + " svg").attr("role")).isEqualTo("img");
        }
        assertThat(row(reports, "resolution-by-channel", today.toString())).containsKey("email");
        assertThat(row(reports, "resolution-by-agent", "noa")).containsKeys("Median (min)", "90th percentile (min)");
    }

    @Test
    void complaintVolumeByCategoryCountsTheWeeksCases() {
        String category = "cat" + UUID.randomUUID().toString().substring(0, 8);
        complain("cust-" + UUID.randomUUID(), "LOW", "web", 3600, category);
        complain("cust-" + UUID.randomUUID(), "LOW", "web", 3600, category);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Document reports = page(manager("he").get("/console/reports?from=" + today + "&to=" + today));
        assertThat(reports.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(row(reports, "complaints-by-category", today.toString())).containsEntry(category, "2");
        assertThat(reports.selectFirst("#chart-complaints-by-category rect title").text()).isNotBlank();
    }

    @Test
    void theOutcomeChartsCountTheWeeksPromisesSatisfactionRootCausesChurnAndExitInterviews() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String week = "/console/reports?from=" + today + "&to=" + today.plusDays(6);
        String rootCause = "Product defect";
        Document before = page(manager("en").get(week));
        double openPromises = cell(before, "promises-by-week", today.toString(), "Still open");
        double lowScores = cell(before, "csat-scores", "1", "Answers");
        double defects = cell(before, "root-causes", rootCause, "Resolutions");
        double saidTheyWouldLeave = cell(before, "churn", "Said they would leave", "Customers");

        String customer = "cust-" + UUID.randomUUID();
        String id = complain(customer, "MEDIUM", "email", 3600, null).getString("id");
        as("noa", "agent").contentType(ContentType.JSON).body("""
                {"what":"A technician comes tomorrow","owner":"noa","dueAt":"%s"}"""
                .formatted(today.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC)))
                .post("/api/v1/cases/" + id + "/commitments").then().statusCode(202);
        as("noa", "agent").contentType(ContentType.JSON).body("{\"summary\":\"Called her back\"}")
                .post("/api/v1/cases/" + id + "/first-response").then().statusCode(200);
        as("noa", "agent").contentType(ContentType.JSON).body("""
                {"resolution":"Replaced the heater","category":"product_defect","rootCause":"product-defect"}""")
                .post("/api/v1/cases/" + id + "/resolve").then().statusCode(200);
        String reason = "reason-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        feedback(customer, "CSAT_ANSWERED", id, "1", null, null, null, now);
        feedback(customer, "CHURN_WATCH_OPENED", null, null, "\"UNKNOWN\"", null, null, now);
        feedback(customer, "EXIT_INTERVIEW_RECORDED", id, null, null, "\"LEFT\"", "\"" + reason + "\"", now);
        feedback(customer, "EXIT_INTERVIEW_RECORDED", null, null, null, "\"RETAINED\"", "\"" + reason + "\"", now);

        Document after = await().atMost(WAIT).until(() -> page(manager("en").get(week)),
                shown -> cell(shown, "exit-reasons", reason, "Retained") == 1
                        && cell(shown, "churn", "Said they would leave", "Customers") == saidTheyWouldLeave + 1
                        && cell(shown, "csat-scores", "1", "Answers") == lowScores + 1);
        assertThat(cell(after, "promises-by-week", today.toString(), "Still open")).isEqualTo(openPromises + 1);
        assertThat(cell(after, "root-causes", rootCause, "Resolutions")).isEqualTo(defects + 1);
        assertThat(cell(after, "exit-reasons", reason, "Left")).isEqualTo(1);
        assertThat(cell(after, "exit-reasons", reason, "Unreachable")).isZero();
        for (String chart : List.of("promises-by-week", "csat-by-week", "csat-scores", "root-causes", "churn",
                "exit-reasons")) {
            assertThat(after.selectFirst("#chart-" + chart + " svg").attr("role")).as(chart).isEqualTo("img");
            assertThat(after.selectFirst("#chart-" + chart + " table caption")).as(chart).isNotNull();
        }
        Document hebrew = page(manager("he").get(week));
        assertThat(hebrew.selectFirst("#chart-exit-reasons table caption").text()).contains("שיחות עזיבה");
    }

    /** Sends one customers.feedback event; the optional JSON values are given already quoted (or null). */
    private void feedback(String customer, String kind, String caseId, String score, String churnOutcome,
            String exitOutcome, String exitReason, Instant at) {
        String json = """
                {"kind":"%s","customerId":"%s","caseId":%s,"reference":null,"score":%s,"comment":null,
                 "churnOutcome":%s,"exitOutcome":%s,"exitReason":%s,"valueTier":"standard","occurredAt":"%s"}"""
                .formatted(kind, customer, caseId == null ? "null" : "\"" + caseId + "\"", score, churnOutcome,
                        exitOutcome, exitReason, at);
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("customers.feedback", customer, UUID.randomUUID().toString(),
                    "tikun.customer.feedback." + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), json);
        }
    }

    /** The number a chart's table shows for {@code category} under {@code series}; 0 when the row or cell is empty. */
    private static double cell(Document page, String chart, String category, String series) {
        Element table = page.selectFirst("#chart-" + chart + " table");
        assertThat(table).as(chart).isNotNull();
        List<String> names = table.select("thead th").eachText();
        int column = names.indexOf(series);
        assertThat(column).as(chart + " series " + series + " in " + names).isPositive();
        return table.select("tbody tr").stream().filter(r -> r.selectFirst("th").text().equals(category)).findFirst()
                .map(r -> r.select("td").get(column - 1).text())
                .filter(text -> !text.isEmpty()).map(Double::parseDouble).orElse(0.0);
    }

    @Test
    void aReversedOrUnreadablePeriodIsRefusedWithALocalizedReason() {
        Response reversed = manager("en").get("/console/reports?from=2026-12-02&to=2026-12-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(page(reversed).selectFirst("#period-error").text()).isEqualTo("The first day must not be after the last.");
        Response unreadable = manager("he").get("/console/reports?from=yesterday&to=2026-12-01");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        Document hebrew = page(unreadable);
        assertThat(hebrew.selectFirst("#period-error").text()).isEqualTo("יש לציין את שני התאריכים בתבנית שנה-חודש-יום.");
        assertThat(hebrew.selectFirst("#from").val()).isEqualTo("yesterday");
    }

    /** A chart table's row for {@code category}: series name to the value shown, blanks left out. */
    private static Map<String, String> row(Document page, String chart, String category) {
        Element table = page.selectFirst("#chart-" + chart + " table");
        assertThat(table).as(chart).isNotNull();
        assertThat(table.selectFirst("caption")).isNotNull();
        List<String> series = table.select("thead th").eachText().subList(1, table.select("thead th").size());
        Element tr = table.select("tbody tr").stream().filter(r -> r.selectFirst("th").text().equals(category))
                .findFirst().orElseThrow();
        Map<String, String> values = new HashMap<>();
        List<String> cells = tr.select("td").eachText();
        for (int i = 0; i < series.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                values.put(series.get(i), cells.get(i));
            }
        }
        return values;
    }

    private static int kept;

    /** Keeps each rendered page under target/console-pages, to be opened in a browser by whoever checks the look. */
    private static void keep(String html) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "console-pages");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("page-" + (++kept) + ".html"), html);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
