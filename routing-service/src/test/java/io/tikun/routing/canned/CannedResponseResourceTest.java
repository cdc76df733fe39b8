package io.tikun.routing.canned;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.agentToken;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** Canned responses through the API, and reply previews on real cases. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CannedResponseResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String API = "/api/v1/canned-responses";
    /** Seeded by V13. */
    private static final String ACKNOWLEDGEMENT = "6a0c1d2e-0001-4c3b-9a51-7d2f3e4a5b01";
    private static final String PROMISE = "6a0c1d2e-0002-4c3b-9a51-7d2f3e4a5b02";
    private static final String ASKING_FOR_DETAILS = "6a0c1d2e-0003-4c3b-9a51-7d2f3e4a5b03";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String manager() {
        return OidcWiremockTestResource.getAccessToken("mira", Set.of("manager"));
    }

    private static String body(String title, String he, String en) {
        return """
                {"title":"%s","bodies":{"he":"%s","en":"%s"}}""".formatted(title, he, en);
    }

    private static Response create(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(API);
    }

    private static String created(String title) {
        return create(manager(), body(title, "שלום {customerName}", "Hello {customerName}")).then().statusCode(201).extract()
                .jsonPath().getString("id");
    }

    @Test
    void anonymousCallersGet401Problems() {
        given().get(API).then().statusCode(401).contentType(startsWith(PROBLEM));
        given().contentType(ContentType.JSON).body(body("x", "א", "b")).post(API).then().statusCode(401)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void agentsListTheSeededResponsesButMayNotCreateOne() {
        JsonPath all = given().auth().oauth2(agentToken()).get(API).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("id", String.class)).contains(ACKNOWLEDGEMENT, PROMISE, ASKING_FOR_DETAILS);
        assertThat(all.getString("find { it.id == '" + ACKNOWLEDGEMENT + "' }.bodies.he")).startsWith("שלום {customerName}");
        assertThat(all.getList("find { it.id == '" + PROMISE + "' }.placeholders", String.class))
                .containsExactly("customerName", "reference", "dueAt", "agentName");

        create(agentToken(), body("Mine", "שלום", "Hello")).then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    void managerCreatesAResponseThatAgentsThenRead() {
        Response response = create(manager(), body("Refund approved", "שלום {customerName}, ההחזר אושר ({reference}).",
                "Hello {customerName}, your refund is approved ({reference})."));

        response.then().statusCode(201).contentType(ContentType.JSON).header("ETag", "\"0\"")
                .body("title", equalTo("Refund approved")).body("createdBy", equalTo("mira"))
                .body("placeholders", equalTo(java.util.List.of("customerName", "reference")));
        String id = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith(API + "/" + id);
        given().auth().oauth2(agentToken()).get(API + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("bodies.en", equalTo("Hello {customerName}, your refund is approved ({reference})."))
                .body("bodies.ar", equalTo(null));
    }

    @Test
    void refusesAnUnknownPlaceholderNamingItAndTheBody() {
        create(manager(), body("Bad", "שלום {customerName}", "Dear {firstName}, hello")).then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("detail", containsString("'{firstName}'"))
                .body("violations[0].field", equalTo("bodies.en"))
                .body("violations[0].message", containsString("{firstName}"));
    }

    @Test
    void refusesUnbalancedBraces() {
        create(manager(), body("Bad", "שלום {customerName", "Hello")).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("violations[0].field", equalTo("bodies.he")).body("detail", containsString("Unbalanced '{'"));
        create(manager(), body("Bad", "שלום", "Hello }")).then().statusCode(400)
                .body("detail", containsString("Unbalanced '}'"));
    }

    @Test
    void refusesNoBodiesAnUnknownLanguageAndAMissingTitle() {
        create(manager(), "{\"title\":\"Empty\",\"bodies\":{}}").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("violations.field", hasItem(containsString("bodies")));
        create(manager(), "{\"title\":\"French\",\"bodies\":{\"fr\":\"Bonjour\"}}").then().statusCode(400)
                .body("violations[0].field", equalTo("bodies.fr"));
        create(manager(), "{\"bodies\":{\"en\":\"Hello\"}}").then().statusCode(400)
                .body("violations.field", hasItem(containsString("title")));
        create(manager(), "{\"title\":\"Blank\",\"bodies\":{\"en\":\" \"}}").then().statusCode(400)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void updatesOnlyTheVersionTheManagerSaw() {
        String id = created("Versioned");
        String update = body("Versioned v2", "שלום {customerName}!", "Hi {customerName}!");

        given().auth().oauth2(manager()).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(update)
                .put(API + "/" + id).then().statusCode(412).contentType(startsWith(PROBLEM));
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put(API + "/" + id).then().statusCode(403);
        given().auth().oauth2(manager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put(API + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Versioned v2"))
                .body("bodies.en", equalTo("Hi {customerName}!"));
        given().auth().oauth2(manager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put(API + "/" + id).then().statusCode(412);
        given().auth().oauth2(manager()).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"bodies\":{\"en\":\"{bogus}\"}}").put(API + "/" + id).then().statusCode(400);
    }

    @Test
    void deletesWithTheCurrentVersion() {
        String id = created("Short-lived");
        given().auth().oauth2(agentToken()).delete(API + "/" + id).then().statusCode(403);
        given().auth().oauth2(manager()).header("If-Match", "\"3\"").delete(API + "/" + id).then().statusCode(412);
        given().auth().oauth2(manager()).header("If-Match", "\"0\"").delete(API + "/" + id).then().statusCode(204);
        given().auth().oauth2(agentToken()).get(API + "/" + id).then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(manager()).delete(API + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    // --- previews ---

    private record Opened(String id, String reference) {
    }

    private Opened openCase() {
        String complaintId = UUID.randomUUID().toString();
        String reference = io.tikun.routing.CaseFixtures.randomReference();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, reference, "MEDIUM"));
        }
        return new Opened(awaitCase(complaintId).getString("id"), reference);
    }

    private static Response preview(String caseId, String json) {
        return given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/cases/" + caseId + "/replies/preview");
    }

    @Test
    void previewsACannedResponseInHebrewWithTheCasesValuesAndSendsNothing() {
        Opened opened = openCase();
        JsonPath before = given().auth().oauth2(agentToken()).get("/api/v1/cases/" + opened.id()).then().statusCode(200)
                .extract().jsonPath();

        JsonPath preview = preview(opened.id(), "{\"cannedResponseId\":\"" + ACKNOWLEDGEMENT + "\",\"language\":\"he\"}")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(preview.getString("language")).isEqualTo("he");
        assertThat(preview.getString("text")).isEqualTo("שלום Dana Levi, תודה שפנית אלינו. פנייתך התקבלה ומספרה "
                + opened.reference() + ". שמי alice ואני מטפל/ת בה אישית; אחזור אליך עם עדכון בהקדם.");
        assertThat(preview.getList("missing")).isEmpty();
        JsonPath after = given().auth().oauth2(agentToken()).get("/api/v1/cases/" + opened.id()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getLong("version")).isEqualTo(before.getLong("version"));
        assertThat(after.getList("messages")).isEqualTo(before.getList("messages"));
        assertThat(after.getString("assignee")).isNull();
    }

    @Test
    void previewsInTheRequestedLanguageAndFallsBackToHebrewWhenTheResponseLacksIt() {
        Opened opened = openCase();

        preview(opened.id(), "{\"cannedResponseId\":\"" + ACKNOWLEDGEMENT + "\",\"language\":\"en\"}").then()
                .statusCode(200).body("language", equalTo("en"))
                .body("text", startsWith("Hello Dana Levi, thank you for contacting us."));
        preview(opened.id(), "{\"cannedResponseId\":\"" + ACKNOWLEDGEMENT + "\",\"language\":\"ru\"}").then()
                .statusCode(200).body("language", equalTo("ru")).body("text", startsWith("Здравствуйте, Dana Levi!"));
        preview(opened.id(), "{\"cannedResponseId\":\"" + ASKING_FOR_DETAILS + "\",\"language\":\"ar\"}").then()
                .statusCode(200).body("language", equalTo("he"));
        preview(opened.id(), "{\"cannedResponseId\":\"" + ACKNOWLEDGEMENT + "\",\"language\":\"fr\"}").then()
                .statusCode(400).contentType(startsWith(PROBLEM)).body("violations[0].field", equalTo("language"));
    }

    @Test
    void theDueTimeIsMissingUntilAPromiseIsMadeThenShownOnTheJerusalemClock() {
        Opened opened = openCase();
        String promise = "{\"cannedResponseId\":\"" + PROMISE + "\",\"language\":\"en\"}";

        preview(opened.id(), promise).then().statusCode(200).body("missing", equalTo(java.util.List.of("dueAt")))
                .body("text", containsString("taken care of by {dueAt}."));

        Instant due = Instant.parse("2030-03-05T12:30:00Z");
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON)
                .body("{\"what\":\"A technician replaces the heater\",\"owner\":\"yossi\",\"dueAt\":\"" + due + "\"}")
                .post("/api/v1/cases/" + opened.id() + "/commitments").then().statusCode(202);

        // 12:30 UTC is 14:30 in Jerusalem in March (standard time, UTC+2).
        preview(opened.id(), promise).then().statusCode(200).body("missing", equalTo(java.util.List.of()))
                .body("text", containsString("taken care of by 05/03/2030 14:30."));
    }

    @Test
    void previewsTheAgentsOwnTextAndRefusesItsUnknownPlaceholder() {
        Opened opened = openCase();

        preview(opened.id(),
                "{\"cannedResponseId\":\"" + ACKNOWLEDGEMENT + "\",\"language\":\"he\",\"text\":\"{customerName}: {caseId}\"}")
                .then().statusCode(200).body("language", equalTo("he"))
                .body("text", equalTo("Dana Levi: " + opened.id()));
        preview(opened.id(), "{\"text\":\"Hi {client}\"}").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("violations[0].field", equalTo("text")).body("detail", containsString("'{client}'"));
    }

    @Test
    void previewRefusesAnUnknownResponseAnUnknownCaseAndAnEmptyRequest() {
        Opened opened = openCase();
        preview(opened.id(), "{\"cannedResponseId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(404)
                .contentType(startsWith(PROBLEM));
        preview(UUID.randomUUID().toString(), "{\"cannedResponseId\":\"" + ACKNOWLEDGEMENT + "\"}").then().statusCode(404);
        preview(opened.id(), "{}").then().statusCode(400).contentType(startsWith(PROBLEM));
        preview(opened.id(), "{\"cannedResponseId\":\"not-a-uuid\"}").then().statusCode(400).contentType(startsWith(PROBLEM));
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/api/v1/cases/" + opened.id() + "/replies/preview")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
    }
}
