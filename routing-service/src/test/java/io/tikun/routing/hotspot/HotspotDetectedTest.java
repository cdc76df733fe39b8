package io.tikun.routing.hotspot;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.WAIT;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tikun.routing.BearerPagesProfile;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

@QuarkusTest
@TestProfile(BearerPagesProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HotspotDetectedTest {

    private static final String TOPIC = "hotspots.detected";
    private static final String MANAGER = "manager@tikun.local";
    private static final String HOTSPOTS = "/api/v1/hotspots";
    private static final String EXAMPLE_ID = "0b9f6f3e-6d0c-3b8e-9d52-4c1f8e2a7b10";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tikun.routing.notifications.case-link-prefix")
    String caseLinkPrefix;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    @Location("console/hotspots.html")
    Template consoleSection;

    private final ObjectMapper mapper = new ObjectMapper();

    private static String managerToken() {
        return OidcWiremockTestResource.getAccessToken("maya", Set.of("manager"));
    }

    private static String agentToken() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    /**
     * Intake's example event with its own id and product (so tests never meet each other's), its window ending now and
     * its first sample the complaint {@code complaintId}.
     */
    private ObjectNode example(String product, String complaintId, String reference) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(Contracts.read("intake-service", "hotspots.detected.example.json"));
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        event.put("hotspotId", UUID.randomUUID().toString());
        ((ObjectNode) event.get("subject")).put("value", product);
        event.put("windowStart", end.minus(Duration.ofHours(6)).toString());
        event.put("windowEnd", end.toString());
        event.put("detectedAt", end.plusSeconds(1).toString());
        ObjectNode first = (ObjectNode) ((ArrayNode) event.get("samples")).get(0);
        first.put("complaintId", complaintId).put("reference", reference).put("receivedAt", end.toString());
        return event;
    }

    private void publish(ObjectNode event, String ceId) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(TOPIC, "PRODUCT:" + event.get("subject").get("value").asText(), ceId, "tikun.hotspot.detected",
                    event.toString());
        }
    }

    private void publish(ObjectNode event) {
        publish(event, UUID.randomUUID().toString());
    }

    private static JsonPath awaitHotspot(String id) {
        return await().atMost(WAIT).until(() -> given().auth().oauth2(managerToken()).get(HOTSPOTS + "/" + id),
                response -> response.statusCode() == 200).then().extract().jsonPath();
    }

    /** A complaint routing opened a case for (LOW, so the case itself alerts nobody). */
    private JsonPath openCase(String complaintId, String reference) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, reference, "LOW"));
        }
        return awaitCase(complaintId);
    }

    private List<CapturedMail> mailsAbout(String product, String to) {
        return mail.messages().stream().filter(m -> m.isTo(to) && m.subject().contains(product)).toList();
    }

    @Test
    void storesTheHotspotAndTellsTheManagersOnceInTheirLanguageWithLinksToTheSampleCases() throws Exception {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        JsonPath sampleCase = openCase(complaintId, reference);
        String product = "washer-" + UUID.randomUUID();
        ObjectNode event = example(product, complaintId, reference);
        String id = event.get("hotspotId").asText();

        publish(event);

        JsonPath stored = awaitHotspot(id);
        assertThat(stored.getString("subjectKind")).isEqualTo("PRODUCT");
        assertThat(stored.getString("subjectValue")).isEqualTo(product);
        assertThat(stored.getString("state")).isEqualTo("CURRENT");
        assertThat(stored.getInt("complaints")).isEqualTo(7);
        assertThat(stored.getInt("customers")).isEqualTo(6);
        assertThat(stored.getDouble("expected")).isEqualTo(0.5);
        assertThat(stored.getDouble("pValue")).isEqualTo(1.4e-05);
        assertThat(Instant.parse(stored.getString("windowEnd"))).isEqualTo(Instant.parse(event.get("windowEnd").asText()));
        assertThat(Instant.parse(stored.getString("pastFrom")))
                .isEqualTo(Instant.parse(event.get("windowEnd").asText()).plus(Duration.ofHours(12)));
        assertThat(stored.getList("samples.reference", String.class)).containsExactly(reference, "TK-000039");
        assertThat(stored.getString("samples[0].caseId")).isEqualTo(sampleCase.getString("id"));
        assertThat(stored.getString("samples[0].caseLink")).isEqualTo(caseLinkPrefix + sampleCase.getString("id"));
        assertThat(stored.getString("samples[1].caseId")).isNull();

        CapturedMail english = mail.await(m -> m.isTo(MANAGER) && m.subject().contains(product), WAIT);
        assertThat(english.subject()).isEqualTo("Hotspot: 6 customers about product \"" + product + "\" (expected 0.5)");
        assertThat(english.text()).contains("p-value:        1.4e-05").contains("6 (7 complaints)")
                .contains(reference + ", ").contains(caseLinkPrefix + sampleCase.getString("id")).contains("- TK-000039, ");
        Document html = Jsoup.parse(english.html());
        assertThat(html.select("a[href=" + caseLinkPrefix + sampleCase.getString("id") + "]").text()).isEqualTo(reference);
        assertThat(html.selectFirst("html").attr("dir")).isEqualTo("ltr");

        CapturedMail hebrew = mail.await(m -> m.isTo(BearerPagesProfile.OPS_LEAD) && m.subject().contains(product), WAIT);
        assertThat(hebrew.subject()).startsWith("מוקד תלונות: 6 לקוחות על מוצר");
        assertThat(Jsoup.parse(hebrew.html()).selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(hebrew.text()).contains(caseLinkPrefix + sampleCase.getString("id"));

        // The same event again, once under its own CloudEvent id and once under another; then a later hotspot of the
        // same key, which the partition delivers after them: once it is stored, the redeliveries were handled.
        publish(event, "again");
        publish(event);
        ObjectNode later = example(product, UUID.randomUUID().toString(), randomReference());
        publish(later);
        awaitHotspot(later.get("hotspotId").asText());
        mail.await(m -> m.isTo(MANAGER) && m.subject().contains(product) && mailsAbout(product, MANAGER).size() >= 2, WAIT);

        assertThat(mailsAbout(product, MANAGER)).hasSize(2);
        assertThat(mailsAbout(product, BearerPagesProfile.OPS_LEAD)).hasSize(2);
        List<String> streamed = given().auth().oauth2(managerToken()).get("/api/v1/console/overview").then()
                .statusCode(200).extract().jsonPath().getList("recent.findAll { it.kind == 'HOTSPOT_DETECTED' }.reference",
                        String.class);
        assertThat(streamed.stream().filter(product::equals)).hasSize(2);
        assertThat(given().auth().oauth2(managerToken()).queryParam("state", "current").get(HOTSPOTS).then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.subjectValue == '" + product + "' }.id"))
                .containsExactlyInAnyOrder(id, later.get("hotspotId").asText());
    }

    @Test
    void listsCurrentAndPastHotspotsAndAnAcknowledgmentMovesOneToThePast() throws Exception {
        ObjectNode current = example("kettle-" + UUID.randomUUID(), UUID.randomUUID().toString(), randomReference());
        String id = current.get("hotspotId").asText();
        ObjectNode asPublished = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "hotspots.detected.example.json"));
        publish(asPublished);
        publish(current);
        awaitHotspot(id);
        // Intake's example itself: its window ended more than the cool-down ago, so it arrives as past.
        assertThat(awaitHotspot(EXAMPLE_ID).getString("state")).isEqualTo("PAST");

        assertThat(ids("current")).contains(id).doesNotContain(EXAMPLE_ID);
        assertThat(ids("past")).contains(EXAMPLE_ID).doesNotContain(id);
        assertThat(given().auth().oauth2(managerToken()).get(HOTSPOTS).then().statusCode(200)
                .extract().jsonPath().getList("id", String.class)).contains(id).doesNotContain(EXAMPLE_ID);

        JsonPath acknowledged = given().auth().oauth2(managerToken()).post(HOTSPOTS + "/" + id + "/acknowledge")
                .then().statusCode(200).extract().jsonPath();
        assertThat(acknowledged.getString("state")).isEqualTo("PAST");
        assertThat(acknowledged.getString("acknowledgedBy")).isEqualTo("maya");
        assertThat(ids("current")).doesNotContain(id);
        assertThat(ids("past")).contains(id, EXAMPLE_ID);

        JsonPath again = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("noa", Set.of("admin")))
                .post(HOTSPOTS + "/" + id + "/acknowledge").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("acknowledgedBy")).isEqualTo("maya");
        assertThat(again.getString("acknowledgedAt")).isEqualTo(acknowledged.getString("acknowledgedAt"));
    }

    private List<String> ids(String state) {
        Response response = given().auth().oauth2(managerToken()).queryParam("state", state).get(HOTSPOTS);
        response.then().statusCode(200).header("X-Total-Count", Integer::parseInt, org.hamcrest.Matchers.greaterThan(0));
        return response.jsonPath().getList("id", String.class);
    }

    @Test
    void deadLettersAHotspotWithoutItsRequiredFieldsAndStoresNothing() throws Exception {
        ObjectNode event = example("toaster-" + UUID.randomUUID(), UUID.randomUUID().toString(), randomReference());
        event.remove("pValue");
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, TOPIC + ".dlq")) {
            publish(event);
            ConsumerRecord<String, String> dead = dlq.await(r -> event.toString().equals(r.value()), WAIT);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason")).contains("pValue");
        }
        given().auth().oauth2(managerToken()).get(HOTSPOTS + "/" + event.get("hotspotId").asText()).then()
                .statusCode(404);
    }

    @Test
    void answersBadParametersAndUnknownHotspotsWithProblems() {
        given().auth().oauth2(managerToken()).queryParam("state", "soon").get(HOTSPOTS).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("state"))
                .body("detail", containsString("CURRENT, PAST"));
        for (String page : List.of("-1", "two")) {
            given().auth().oauth2(managerToken()).queryParam("page", page).get(HOTSPOTS).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("page"));
        }
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(managerToken()).get(HOTSPOTS + "/" + unknown).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(managerToken()).post(HOTSPOTS + "/" + unknown + "/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(managerToken()).get(HOTSPOTS + "/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(agentToken()).get(HOTSPOTS).then().statusCode(403).contentType("application/problem+json");
        given().get(HOTSPOTS).then().statusCode(401);
    }

    @Test
    void theConsoleListsCurrentHotspotsWithTheirCasesUntilOneIsAcknowledged() throws Exception {
        String complaintId = UUID.randomUUID().toString();
        String reference = randomReference();
        JsonPath sampleCase = openCase(complaintId, reference);
        String product = "dryer-" + UUID.randomUUID();
        ObjectNode event = example(product, complaintId, reference);
        String id = event.get("hotspotId").asText();
        publish(event);
        awaitHotspot(id);

        Element row = console().selectFirst("section#hotspots tr[data-hotspot=" + id + "]");
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("product " + product).contains("6 (7 complaints)").contains("0.5")
                .contains("1.4e-05");
        assertThat(row.select("a[href=" + caseLinkPrefix + sampleCase.getString("id") + "]").text()).isEqualTo(reference);
        assertThat(row.text()).contains("TK-000039");

        given().auth().oauth2(managerToken()).post(HOTSPOTS + "/" + id + "/acknowledge").then().statusCode(200);
        assertThat(console().select("section#hotspots tr[data-hotspot=" + id + "]")).isEmpty();
    }

    @Test
    void theConsoleSectionSpeaksHebrew() throws Throwable {
        String html = VertxContextSupport.subscribeAndAwait(
                () -> consoleSection.instance().setLocale("he").createUni());
        Document section = Jsoup.parse(html);
        assertThat(section.selectFirst("#hotspots-title").text()).isEqualTo("מוקדי תלונות");
    }

    private static Document console() {
        String page = given().auth().oauth2(managerToken()).accept(ContentType.HTML).header("Accept-Language", "en")
                .get("/console").then()
                .statusCode(200).extract().asString();
        Document document = Jsoup.parse(page);
        assertThat(document.selectFirst("section#hotspots h2").text()).isEqualTo("Hotspots");
        return document;
    }
}
