package io.tikun.routing.workspace;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

/** The workspace's pages as rendered HTML: languages, filters, the forms, ownership and the If-Match conflict. */
@QuarkusTest
@TestProfile(BearerPagesProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WorkspacePagesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL url;

    @jakarta.inject.Inject
    CaseChangeFeed changeFeed;

    private static RequestSpecification as(String user, String role) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(role))).redirects()
                .follow(false);
    }

    private static Document page(Response response) {
        keepForScreenshots(response.asString());
        return Jsoup.parse(response.asString());
    }

    /** Opens a case for a new complaint; returns the case id. */
    private String openCase(String severity, String channel, String language) {
        return openCase(severity, channel, language, null);
    }

    /** Opens a case for a new complaint intake's classifier put in {@code category} (none when null). */
    private String openCase(String severity, String channel, String language, String category) {
        String complaintId = UUID.randomUUID().toString();
        String classification = category == null ? ""
                : ",\"classification\":{\"product\":{\"id\":\"oven\",\"name\":\"Oven\",\"evidence\":[\"התנור\"]},"
                        + "\"category\":\"" + category + "\",\"categoryEvidence\":[\"נשרף\"],\"orderNumbers\":[]}";
        Instant now = Instant.now();
        String json = """
                {"complaintId":"%s","reference":"%s","channel":"%s",
                 "customer":{"id":"cust-%s","name":"דנה לוי","email":"dana@example.com","phone":"+972521234567"},
                 "subject":"התנור נשרף","body":"הוא נשרף. אני אתבע אתכם.","severity":"%s",
                 "reasons":[{"signal":"LEGAL_THREAT","implies":"CRITICAL","evidence":"אתבע"}],
                 "receivedAt":"%s","expectedResponseBy":"%s","language":"%s"%s}"""
                .formatted(complaintId, randomReference(), channel, complaintId, severity, now, now.plusSeconds(3600),
                        language, classification);
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", json);
        }
        return awaitCase(complaintId).getString("id");
    }

    private static Response post(String user, String role, Document from, String caseId, String action, String text) {
        return post(user, role, from, caseId, action, text, java.util.Map.of());
    }

    /** A resolution with the product-defect category and root cause the agent chose. */
    private static Response resolve(String user, String role, Document from, String caseId, String text) {
        return post(user, role, from, caseId, "resolve", text,
                java.util.Map.of("category", "product_defect", "rootCause", "product-defect"));
    }

    private static Response post(String user, String role, Document from, String caseId, String action, String text,
            java.util.Map<String, String> fields) {
        // As a browser sends a form of a UTF-8 page.
        RequestSpecification request = as(user, role).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields)
                .formParam("token", from.selectFirst("input[name=token]").val())
                .formParam("version", from.selectFirst("input[name=version]").val());
        if (text != null) {
            request.formParam("text", text);
        }
        return request.post("/workspace/cases/" + caseId + "/" + action);
    }

    private static Document casePage(String user, String role, String caseId) {
        Response response = as(user, role).get("/workspace/cases/" + caseId);
        assertThat(response.statusCode()).isEqualTo(200);
        return page(response);
    }

    @Test
    void inboxIsHebrewRightToLeftForAHebrewBrowserAndEnglishOnceChosen() {
        Document hebrew = page(as("yael", "agent").header("Accept-Language", "he-IL,he;q=0.9").get("/workspace"));
        assertThat(hebrew.selectFirst("html").attr("lang")).isEqualTo("he");
        assertThat(hebrew.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(hebrew.selectFirst("h1").text()).isEqualTo("תיבת הפניות");
        assertThat(hebrew.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(hebrew.selectFirst("#language-switch").attr("href")).startsWith("/workspace/language?to=en");
        assertThat(hebrew.selectFirst("#queue-region").attr("aria-live")).isEqualTo("polite");

        Response switched = as("yael", "agent").get("/workspace/language?to=en&back=/workspace?queue=unassigned");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/workspace?queue=unassigned");
        assertThat(switched.cookie("lang")).isEqualTo("en");

        Document english = page(as("yael", "agent").header("Accept-Language", "he-IL").cookie("lang", "en")
                .get("/workspace"));
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Inbox");
        // Every control of the filter form has a label.
        english.select("#filters select, #filters input[type=checkbox]").forEach(
                control -> assertThat(english.select("label[for=" + control.id() + "]")).as(control.id()).hasSize(1));
    }

    @Test
    void theLanguageSwitchNeverLeavesTheWorkspace() {
        Response response = as("yael", "agent").get("/workspace/language?to=he&back=https://evil.example/");
        assertThat(response.header("Location")).endsWith("/workspace");
    }

    @Test
    void aSignedInUserWithoutAWorkspaceRoleGetsTheForbiddenPage() {
        Response response = as("eve", "channel").get("/workspace");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(page(response).select("#forbidden")).hasSize(1);
    }

    @Test
    void filtersShowOnlyTheMatchingCasesOfTheQueueWithACountdown() {
        String id = openCase("HIGH", "email", "he");
        Document claimPage = casePage("ruth", "agent", id);
        assertThat(post("ruth", "agent", claimPage, id, "claim", null).statusCode()).isEqualTo(303);

        Document mine = page(as("ruth", "agent").cookie("lang", "en").get("/workspace?queue=mine&severity=HIGH&channel=email"));
        assertThat(mine.select("li.case-row[data-case=" + id + "]")).hasSize(1);
        assertThat(mine.selectFirst("li.case-row[data-case=" + id + "] .sla").attr("data-tone")).isIn("GREEN", "AMBER");

        assertThat(page(as("ruth", "agent").get("/workspace?queue=mine&severity=LOW"))
                .select("li.case-row[data-case=" + id + "]")).isEmpty();
        assertThat(page(as("ruth", "agent").get("/workspace?queue=mine&channel=web"))
                .select("li.case-row[data-case=" + id + "]")).isEmpty();
        assertThat(page(as("ruth", "agent").get("/workspace?queue=unassigned"))
                .select("li.case-row[data-case=" + id + "]")).isEmpty();
        // Agents have no "all" queue: they get their own.
        Document asked = page(as("ruth", "agent").get("/workspace?queue=all&severity=HIGH"));
        assertThat(asked.select("li.case-row[data-case=" + id + "]")).hasSize(1);
        assertThat(asked.select("a[href=/workspace?queue=all]")).isEmpty();
        assertThat(page(as("mira", "manager").get("/workspace?queue=all&severity=HIGH&channel=email"))
                .select("li.case-row[data-case=" + id + "]")).hasSize(1);
    }

    @Test
    void theCasePageShowsTheConversationReasonsAndHistoryRightToLeftForAHebrewCustomer() {
        String id = openCase("CRITICAL", "web", "he");
        Document page = casePage("mira", "manager", id);

        assertThat(page.selectFirst("#conversation").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("#reply-form").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("#conversation").text()).contains("אני אתבע אתכם");
        // Each of intake's reasons in the page's language, with the complaint's words that showed it.
        assertThat(page.select("#severity-reasons li")).hasSize(1);
        assertThat(page.selectFirst("#severity-reasons li[data-signal=LEGAL_THREAT]").text())
                .isEqualTo("איום בתביעה משפטית · מצביע על חומרה קריטית · אתבע");
        assertThat(page.selectFirst("#severity-reasons q").attr("lang")).isEqualTo("he");
        assertThat(page.select(".history li")).isNotEmpty();
        // The ladder's reason is told in the page's language; the recorded sentence stays, marked as English.
        var opening = page.selectFirst(".history li .reason-code");
        assertThat(opening.attr("data-reason")).isIn("OPENED", "REPEAT_COMPLAINT");
        assertThat(opening.text()).isEqualTo("OPENED".equals(opening.attr("data-reason"))
                ? "נפתח בדרג שהחומרה קובעת"
                : "תלונה חוזרת: דרג אחד גבוה יותר");
        assertThat(page.selectFirst(".history li .reason-detail").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("#severity-reasons").hasAttr("lang")).as("not recorded English any more").isFalse();
        assertThat(page.selectFirst("label[for=reply-text]")).isNotNull();
        Document english = page(as("mira", "manager").cookie("lang", "en").get("/workspace/cases/" + id));
        assertThat(english.selectFirst("#severity-reasons li").text()).isEqualTo("Legal threat · implies Critical · אתבע");
    }

    @Test
    void theFilesACustomerAttachedToTheComplaintAndToALaterMailAreListedUnderTheirMessages() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String complaintId = UUID.randomUUID().toString();
        String customerId = "cust-" + complaintId;
        var complaint = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(io.tikun.stack.testing.Contracts.read("intake-service", "complaints.received.email.example.json"));
        complaint.put("complaintId", complaintId).put("reference", randomReference());
        ((com.fasterxml.jackson.databind.node.ObjectNode) complaint.get("customer")).put("id", customerId);
        var added = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(io.tikun.stack.testing.Contracts.read("intake-service", "complaints.message-added.example.json"));
        added.put("complaintId", complaintId).put("customerId", customerId).put("messageId", UUID.randomUUID().toString())
                .put("receivedAt", Instant.now().toString());
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    complaint.toString());
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(),
                    "tikun.complaint.message-added", added.toString());
        }
        String id = awaitCase(complaintId).getString("id");
        var withReply = org.awaitility.Awaitility.await().atMost(io.tikun.routing.CaseFixtures.WAIT)
                .until(() -> awaitCase(complaintId), c -> c.getList("messages").size() == 2);
        assertThat(withReply.getString("messages[0].attachments[1].name")).isEqualTo("חשבונית תיקון.pdf");
        assertThat(withReply.getLong("messages[1].attachments[0].size")).isEqualTo(284_113L);

        Document page = casePage("alice", "agent", id);
        var first = page.select("#conversation > li").get(0).select(".attachment");
        assertThat(first).hasSize(3);
        assertThat(first.get(0).selectFirst(".attachment-name").text()).isEqualTo("floor.jpg");
        assertThat(first.get(0).text()).isEqualTo("floor.jpg · image/jpeg · 1.8 MB");
        assertThat(first.get(0).attr("data-sha256"))
                .isEqualTo("3b8e2f1d9c7a6b5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e");
        assertThat(first.get(1).text()).isEqualTo("חשבונית תיקון.pdf · application/pdf · 47 KB");
        assertThat(first.get(2).text()).as("a part without a file name, in the page's language")
                .isEqualTo("(קובץ ללא שם) · application/octet-stream · 0 B");
        assertThat(first.get(2).hasAttr("data-sha256")).isTrue();
        var second = page.select("#conversation > li").get(1).select(".attachment");
        assertThat(second).extracting(e -> e.selectFirst(".attachment-name").text()).containsExactly("מזגן-שרוף.jpg");
        assertThat(page.selectFirst("#conversation > li ul.attachments").attr("aria-label")).isEqualTo("קבצים מצורפים");
        assertThat(page.select("#conversation ul.attachments")).as("one list per message that had files").hasSize(2);
    }

    @Test
    void anAgentRepliesAndNotesThroughTheFormsAndTheConversationShowsThem() {
        String id = openCase("MEDIUM", "email", "en");
        Document opened = casePage("tal", "agent", id);

        Response replied = post("tal", "agent", opened, id, "reply", "We are sending a technician tomorrow.");
        assertThat(replied.statusCode()).isEqualTo(303);
        assertThat(replied.header("Location")).endsWith("/workspace/cases/" + id + "?done=true");

        Document afterReply = casePage("tal", "agent", id);
        assertThat(afterReply.selectFirst("#case-assignee").text()).isEqualTo("tal");
        assertThat(post("tal", "agent", afterReply, id, "note", "Customer prefers calls after 17:00").statusCode())
                .isEqualTo(303);

        Document after = page(as("tal", "agent").cookie("lang", "en").get("/workspace/cases/" + id + "?done=true"));
        assertThat(after.selectFirst(".notice-done")).isNotNull();
        assertThat(after.select(".message-OUTBOUND .message-body").text()).contains("We are sending a technician tomorrow.");
        assertThat(after.select(".message-OUTBOUND .delivery").text()).contains("REQUESTED");
        assertThat(after.select(".message-INTERNAL .message-body").text()).contains("Customer prefers calls after 17:00");
    }

    @Test
    void anAgentMayNotActOnACaseAnotherAgentHolds() {
        String id = openCase("MEDIUM", "email", "en");
        assertThat(post("gil", "agent", casePage("gil", "agent", id), id, "claim", null).statusCode()).isEqualTo(303);

        Document seenByOther = casePage("omer", "agent", id);
        Response refused = post("omer", "agent", seenByOther, id, "note", "Let me take this");
        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = page(refused);
        assertThat(page.selectFirst(".notice-error")).isNotNull();
        assertThat(page.selectFirst("#note-text").text()).isEqualTo("Let me take this");
        assertThat(casePage("gil", "agent", id).select(".message-INTERNAL")).isEmpty();
    }

    @Test
    void aChangeSinceThePageWasOpenedShowsTheNewStateAndKeepsTheText() {
        String id = openCase("MEDIUM", "email", "en");
        Document opened = casePage("dor", "agent", id);
        // Someone else changes the case meanwhile (a manager's note through the API).
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mira", Set.of("manager")))
                .contentType(ContentType.JSON).body("{\"text\":\"Called the customer\"}")
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(200);

        Response conflict = resolve("dor", "agent", opened, id, "Replaced the heater");
        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = page(conflict);
        assertThat(page.selectFirst(".notice-changed")).isNotNull();
        assertThat(page.selectFirst("#resolve-text").text()).isEqualTo("Replaced the heater");
        assertThat(page.select(".message-INTERNAL .message-body").text()).contains("Called the customer");
        assertThat(page.selectFirst("#case-status").attr("data-status")).isEqualTo("OPEN");
        assertThat(Long.parseLong(page.selectFirst("input[name=version]").val()))
                .isGreaterThan(Long.parseLong(opened.selectFirst("input[name=version]").val()));

        // Sent again from the fresh page, it goes through.
        assertThat(resolve("dor", "agent", page, id, "Replaced the heater").statusCode()).isEqualTo(303);
        assertThat(casePage("dor", "agent", id).selectFirst("#case-status").attr("data-status")).isEqualTo("RESOLVED");
    }

    @Test
    void theLiveStreamSaysReadyThenTellsOpenPagesThatCasesChanged() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(url + "workspace/stream"))
                .header("Authorization", "Bearer " + OidcWiremockTestResource.getAccessToken("yael", Set.of("agent")))
                .header("Accept", "text/event-stream").build();
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        var response = client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> lines.contains("event:ready"));
            // the feed's first look only remembers where the cases stand: a case opened before it would be that start
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> changeFeed.lastSeen() != null);
            openCase("LOW", "web", "en");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> lines.contains("event:cases"));
        } finally {
            response.cancel(true);
        }
    }

    @Test
    void theResolveFormOffersTheClassifiersCategoryAndTheRootCausesAndRefusesInHebrewWithoutACause() {
        String id = openCase("MEDIUM", "email", "he", "delivery");
        Document opened = page(as("dor", "agent").header("Accept-Language", "he-IL").get("/workspace/cases/" + id));
        assertThat(opened.selectFirst("#resolve-category option[selected]").val()).isEqualTo("delivery");
        assertThat(opened.selectFirst("#resolve-category option[value=delivery]").text()).isEqualTo("משלוח");
        assertThat(opened.select("#resolve-root-cause option").eachAttr("value")).containsExactly("", "product-defect",
                "supplier-delay", "process-gap", "staff-error", "communication", "billing-system",
                "customer-misunderstanding", "external", "other");
        assertThat(opened.selectFirst("#resolve-root-cause option[selected]")).isNull();
        assertThat(opened.selectFirst("#suggested-category").text()).contains("משלוח");
        // Both selects have their label.
        assertThat(opened.select("label[for=resolve-category]")).hasSize(1);
        assertThat(opened.select("label[for=resolve-root-cause]")).hasSize(1);

        Response refused = as("dor", "agent").header("Accept-Language", "he-IL").contentType(ContentType.URLENC)
                .formParam("token", opened.selectFirst("input[name=token]").val())
                .formParam("version", opened.selectFirst("input[name=version]").val())
                .formParam("text", "Replaced the oven").formParam("category", "product_defect")
                .post("/workspace/cases/" + id + "/resolve");
        assertThat(refused.statusCode()).isEqualTo(400);
        Document again = page(refused);
        assertThat(again.selectFirst(".notice-error").text()).isEqualTo("יש לבחור סיבת שורש מהרשימה לפני סגירת התיק.");
        assertThat(again.selectFirst("#resolve-text").text()).isEqualTo("Replaced the oven");
        assertThat(again.selectFirst("#resolve-category option[selected]").val()).isEqualTo("product_defect");
        assertThat(again.selectFirst("#case-status").attr("data-status")).isEqualTo("OPEN");

        Response english = as("dor", "agent").cookie("lang", "en").contentType(ContentType.URLENC)
                .formParam("token", again.selectFirst("input[name=token]").val())
                .formParam("version", again.selectFirst("input[name=version]").val())
                .formParam("text", "Replaced the oven").formParam("category", "no-such-category")
                .formParam("rootCause", "product-defect").post("/workspace/cases/" + id + "/resolve");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(page(english).selectFirst(".notice-error").text())
                .isEqualTo("Choose the case's category from the list before resolving.");

        assertThat(post("dor", "agent", again, id, "resolve", "Replaced the oven",
                java.util.Map.of("category", "product_defect", "rootCause", "supplier-delay")).statusCode()).isEqualTo(303);
        io.restassured.path.json.JsonPath resolved = given()
                .auth().oauth2(OidcWiremockTestResource.getAccessToken("dor", Set.of("agent")))
                .get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("category")).isEqualTo("product_defect");
        assertThat(resolved.getString("classifiedCategory")).isEqualTo("delivery");
        assertThat(resolved.getString("rootCause")).isEqualTo("supplier-delay");
        assertThat(resolved.getBoolean("resolutions[0].corrected")).isTrue();
        assertThat(resolved.getString("resolutions[0].resolvedBy")).isEqualTo("dor");
        assertThat(opened.selectFirst("#case-resolution")).isNull();
        assertThat(casePage("dor", "agent", id).selectFirst("#case-resolution").text())
                .isEqualTo("תקלה במוצר · עיכוב אצל ספק");
    }

    @Test
    void aReplyPreviewShowsWhatTheCustomerWillReceiveWarnsOfWrongAlphabetAndBlankPlaceholdersAndSendsNothing() {
        String id = openCase("MEDIUM", "email", "he");
        Document opened = page(as("noa", "agent").header("Accept-Language", "he-IL").get("/workspace/cases/" + id));
        assertThat(opened.selectFirst("label[for=reply-text]").text()).contains("עברית");
        assertThat(opened.selectFirst("#customer-preview")).isNull();
        int messages = opened.select("#conversation > li").size();
        String english = "Hello {customerName}, a technician comes on {dueAt}.";

        Response previewed = as("noa", "agent").header("Accept-Language", "he-IL").contentType(ContentType.URLENC)
                .formParam("token", opened.selectFirst("input[name=token]").val())
                .formParam("version", opened.selectFirst("input[name=version]").val())
                .formParam("text", english).formParam("preview", "reply").post("/workspace/cases/" + id + "/reply");
        assertThat(previewed.statusCode()).isEqualTo(200);
        Document shown = page(previewed);
        assertThat(shown.selectFirst("#customer-preview h4").text()).isEqualTo("המענה כפי שיגיע אל דנה לוי");
        assertThat(shown.selectFirst("#preview-text").wholeText()).isEqualTo(english);
        assertThat(shown.selectFirst("#preview-text").attr("dir")).isEqualTo("rtl");
        assertThat(shown.selectFirst("#preview-text").attr("lang")).isEqualTo("he");
        assertThat(shown.selectFirst("#preview-other-alphabet").text()).isEqualTo("הטקסט לא כתוב בשפת הלקוח (עברית).");
        assertThat(shown.selectFirst("#preview-unfilled").text()).contains("{customerName}, {dueAt}");
        assertThat(shown.selectFirst("#reply-form #customer-preview")).as("shown at the reply form").isNotNull();
        assertThat(shown.selectFirst("#reply-text").text()).as("the text is kept to edit").isEqualTo(english);
        assertThat(shown.select("#conversation > li")).as("nothing was sent").hasSize(messages);
        assertThat(shown.selectFirst("input[name=version]").val()).isEqualTo(opened.selectFirst("input[name=version]").val());
        assertThat(shown.selectFirst("#case-status").attr("data-status")).isEqualTo("OPEN");

        Response hebrew = post("noa", "agent", shown, id, "reply", "שלום דנה, טכנאי יגיע מחר.",
                java.util.Map.of("preview", "reply"));
        Document fine = page(hebrew);
        assertThat(fine.selectFirst("#preview-text").wholeText()).isEqualTo("שלום דנה, טכנאי יגיע מחר.");
        assertThat(fine.selectFirst("#preview-other-alphabet")).isNull();
        assertThat(fine.selectFirst("#preview-unfilled")).isNull();

        assertThat(post("noa", "agent", fine, id, "reply", "שלום דנה, טכנאי יגיע מחר.").statusCode()).isEqualTo(303);
        assertThat(casePage("noa", "agent", id).select(".message-OUTBOUND .message-body").text())
                .contains("שלום דנה, טכנאי יגיע מחר.");
    }

    @Test
    void theResolveFormPreviewsTheThankYouInTheCustomersLanguageWithTheResolutionAndKeepsTheChoices() {
        String id = openCase("MEDIUM", "email", "en");
        Document opened = page(as("gil", "agent").cookie("lang", "he").get("/workspace/cases/" + id));
        String reference = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("gil", Set.of("agent")))
                .get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath().getString("reference");

        Response previewed = post("gil", "agent", opened, id, "resolve", "We replaced the oven's door seal.",
                java.util.Map.of("category", "product_defect", "rootCause", "supplier-delay", "preview", "thank-you"));
        assertThat(previewed.statusCode()).isEqualTo(200);
        Document shown = page(previewed);
        assertThat(shown.selectFirst("#resolve-form #customer-preview.preview-thank-you")).isNotNull();
        assertThat(shown.selectFirst("#customer-preview h4").text())
                .isEqualTo("מכתב התודה שיגיע אל דנה לוי עם סגירת התיק");
        String thankYou = shown.selectFirst("#preview-text").wholeText();
        assertThat(thankYou).startsWith("Hello דנה לוי,").contains("Thank you for telling us about \"התנור נשרף\"")
                .contains("What we did: We replaced the oven's door seal.").contains("Your reference is " + reference);
        assertThat(shown.selectFirst("#preview-text").attr("dir")).isEqualTo("ltr");
        assertThat(shown.selectFirst("#preview-other-alphabet")).isNull();
        assertThat(shown.selectFirst("#resolve-text").text()).isEqualTo("We replaced the oven's door seal.");
        assertThat(shown.selectFirst("#resolve-category option[selected]").val()).isEqualTo("product_defect");
        assertThat(shown.selectFirst("#resolve-root-cause option[selected]").val()).isEqualTo("supplier-delay");
        assertThat(shown.selectFirst("#case-status").attr("data-status")).as("not resolved by a preview").isEqualTo("OPEN");

        assertThat(post("gil", "agent", shown, id, "resolve", "We replaced the oven's door seal.",
                java.util.Map.of("category", "product_defect", "rootCause", "supplier-delay")).statusCode()).isEqualTo(303);
        Document resolved = casePage("gil", "agent", id);
        assertThat(resolved.select(".message-OUTBOUND .message-body").text()).as("the thank-you sent is the one previewed")
                .contains(thankYou.replace("\n", " ").replaceAll(" +", " ").strip());
    }

    @Test
    void myTeamShowsTheCasesTeammatesHoldAndOnlyToThoseInATeam() {
        String heldByTal = openCase("MEDIUM", "web", "en");
        assertThat(post("tal", "agent", casePage("tal", "agent", heldByTal), heldByTal, "claim", null).statusCode())
                .isEqualTo(303);
        String heldByDor = openCase("MEDIUM", "web", "en");
        assertThat(post("dor", "agent", casePage("dor", "agent", heldByDor), heldByDor, "claim", null).statusCode())
                .isEqualTo(303);

        Document noa = page(as("noa", "agent").cookie("lang", "en").get("/workspace?queue=team&status=any"));
        assertThat(noa.selectFirst(".queues a[aria-current=page]").attr("href")).isEqualTo("/workspace?queue=team");
        assertThat(noa.selectFirst(".queues a[aria-current=page]").text()).isEqualTo("My team");
        List<String> shown = noa.select("li.case-row").eachAttr("data-case");
        assertThat(shown).contains(heldByTal).doesNotContain(heldByDor);
        // sara shares the billing team with tal, not noa's: she sees tal's case too, and never dor's.
        assertThat(page(as("sara", "agent").get("/workspace?queue=team&status=any")).select("li.case-row")
                .eachAttr("data-case")).contains(heldByTal).doesNotContain(heldByDor);

        Document gil = page(as("gil", "agent").cookie("lang", "en").get("/workspace?queue=team&status=any"));
        assertThat(gil.select(".queues a[href=/workspace?queue=team]")).as("gil is in no team").isEmpty();
        assertThat(gil.selectFirst(".queues a[aria-current=page]").attr("href")).isEqualTo("/workspace?queue=mine");
    }

    @Test
    void theCustomerPanelLeadsAnAgentToEveryCaseOfThatCustomerPaged() {
        String first = openCase("MEDIUM", "web", "en");
        String customer = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("noa", Set.of("agent")))
                .get("/api/v1/cases/" + first).then().statusCode(200).extract().jsonPath().getString("customer.id");
        String unrelated = openCase("MEDIUM", "web", "en");
        Document opened = page(as("noa", "agent").cookie("lang", "en").get("/workspace/cases/" + first));
        String link = opened.selectFirst("#all-customer-cases").attr("href");
        assertThat(link).isEqualTo("/workspace?queue=all&status=any&customer=" + customer);

        Document cases = page(as("noa", "agent").cookie("lang", "en").get(link));
        assertThat(cases.select("li.case-row").eachAttr("data-case")).containsExactly(first).doesNotContain(unrelated);
        assertThat(cases.selectFirst("#customer-filter").text()).contains(customer).contains("Every customer");
        assertThat(cases.selectFirst("#filters input[name=customer]").val()).isEqualTo(customer);
        // Without the customer, an agent asking for every case gets their own queue.
        assertThat(page(as("noa", "agent").get("/workspace?queue=all")).selectFirst(".queues a[aria-current=page]")
                .attr("href")).isEqualTo("/workspace?queue=mine");
    }

    @Test
    void theInboxCountsUpToItsCapAndPagesNoFurtherThanItCounted() {
        String many = "cust-many-" + UUID.randomUUID();
        String few = "cust-few-" + UUID.randomUUID();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            for (int i = 0; i < 6; i++) {
                String customer = i < 4 ? many : few;
                sender.send("complaints.received", customer, UUID.randomUUID().toString(), "tikun.complaint.received",
                        io.tikun.routing.CaseFixtures.complaintJson(UUID.randomUUID().toString(), customer, "LOW", "web",
                                Instant.now(), null));
            }
        }
        for (String customer : List.of(many, few)) {
            org.awaitility.Awaitility.await().atMost(io.tikun.routing.CaseFixtures.WAIT)
                    .until(() -> Jsoup.parse(as("mira", "manager").get("/workspace?queue=all&status=any&customer=" + customer)
                            .asString()).select("li.case-row").size() == (customer.equals(many) ? 4 : 2));
        }

        Document capped = page(as("mira", "manager").cookie("lang", "en")
                .get("/workspace?queue=all&status=any&customer=" + many + "&page=7"));
        assertThat(capped.selectFirst("#paging-summary").text())
                .isEqualTo("More than 3 cases · page 1 of the first 1; narrow the filters to see the rest");
        assertThat(capped.selectFirst("#paging-summary").attr("data-more")).isEqualTo("true");
        assertThat(capped.select("li.case-row")).as("the page asked past the count shows the last counted one")
                .hasSize(4);
        assertThat(capped.select(".paging a[rel=next]")).isEmpty();

        Document counted = page(as("mira", "manager").get("/workspace?queue=all&status=any&customer=" + few));
        assertThat(counted.selectFirst("#paging-summary").text()).isEqualTo("2 תיקים · עמוד 1 מתוך 1");
        assertThat(counted.selectFirst("#paging-summary").attr("data-more")).isEqualTo("false");
    }

    @Test
    void aFormWithoutAValidTokenChangesNothing() {
        String id = openCase("MEDIUM", "email", "en");
        Document opened = casePage("dor", "agent", id);
        Response forged = as("dor", "agent").contentType(ContentType.URLENC).formParam("token", "1.forged")
                .formParam("version", opened.selectFirst("input[name=version]").val())
                .post("/workspace/cases/" + id + "/claim");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(casePage("dor", "agent", id).selectFirst("#case-assignee").text()).isNotEqualTo("dor");
    }

    private static int kept;

    /** Keeps each rendered page under target/workspace-pages, to be opened in a browser by whoever checks the look. */
    private static void keepForScreenshots(String html) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "workspace-pages");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("page-" + (++kept) + ".html"), html);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
