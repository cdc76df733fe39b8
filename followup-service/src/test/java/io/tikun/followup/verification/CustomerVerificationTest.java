package io.tikun.followup.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.followup.message.CustomerMessageRequests;
import io.tikun.followup.message.RequestedMessages;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The whole loop: the owner claims a promise kept, follow-up asks intake to put the question to the customer
 * ({@code customer.messages.requested}), and the customer answers through a link in it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CustomerVerificationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEM = "application/problem+json";
    private static final String HEBREW_PROMISE = "טכנאי יחליף את המזגן ביום שלישי";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:8083/verify\\?token=([A-Za-z0-9_.-]+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper mapper = new ObjectMapper();

    /** A commitment announced by routing, as it really arrives, and tracked by followup. */
    private record Promise(UUID id, String customerId, String email) {
    }

    /** The two links of the question to the customer. */
    private record Links(String confirm, String deny, RequestedMessages.Requested mail) {
    }

    private static String agentToken() {
        return OidcWiremockTestResource.getAccessToken("yossi", Set.of("agent"));
    }

    private Promise promise(String customerName, String what) {
        UUID id = UUID.randomUUID();
        String customerId = "cust-" + UUID.randomUUID();
        String email = "customer-" + id + "@example.co.il";
        String json = """
                {"commitmentId":"%s","caseId":"%s","complaintId":"cmp-1","reference":"TK-000042",
                 "customer":{"id":"%s","name":%s,"email":"%s","phone":"+972521234567"},
                 "what":%s,"owner":"yossi","dueAt":"%s","madeBy":"manager","madeAt":"%s"}"""
                .formatted(id, UUID.randomUUID(), customerId, quote(customerName), email, quote(what),
                        Instant.now().plus(Duration.ofDays(2)), Instant.now());
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("commitments.made", customerId, UUID.randomUUID().toString(), "tikun.commitment.made", json);
        }
        await().atMost(WAIT).until(() -> given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + id)
                .statusCode() == 200);
        return new Promise(id, customerId, email);
    }

    private Promise hebrewPromise() {
        return promise("דנה לוי", HEBREW_PROMISE);
    }

    private String quote(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse claimDone(UUID id, String note) {
        return given().auth().oauth2(agentToken()).contentType(ContentType.JSON)
                .body("{\"note\":\"" + note + "\"}")
                .post("/api/v1/commitments/" + id + "/claim-done").then();
    }

    private Links claimAndReadMail(Promise promise) {
        claimDone(promise.id(), "replaced the air conditioner").statusCode(200);
        // The first claim's question, under its stable message id: a re-published request is the same message.
        RequestedMessages.Requested sent = RequestedMessages.awaitOnce(bootstrapServers,
                CustomerMessageRequests.verifyId(promise.id(), 1));
        assertThat(sent.link(0)).matches(LINK.pattern());
        assertThat(sent.link(1)).matches(LINK.pattern());
        // The links are also spelled out in the text, each after its answer.
        assertThat(sent.text()).contains(sent.link(0), sent.link(1));
        return new Links(sent.token(0), sent.token(1), sent);
    }

    private static JsonPath commitment(UUID id) {
        return given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static io.restassured.response.ValidatableResponse answer(String token, String comment) {
        // As a browser posts the form of a UTF-8 page.
        var request = given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParam("token",
                token);
        if (comment != null) {
            request = request.formParam("comment", comment);
        }
        return request.post("/verify").then();
    }

    private ConsumerRecord<String, String> awaitEvent(KafkaTopicReader topic, UUID commitmentId, String change) {
        return topic.await(r -> r.value().contains(commitmentId.toString())
                && ("tikun.commitment." + change).equals(KafkaTopicReader.header(r, "ce_type")), WAIT);
    }

    @Test
    void claimingDoneMailsTheCustomerTwoSignedLinksAndAnnouncesTheClaim() throws Exception {
        Promise promise = hebrewPromise();
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.updated")) {
            Links links = claimAndReadMail(promise);

            assertThat(links.confirm()).isNotEqualTo(links.deny());
            JsonNode request = links.mail().body();
            assertThat(links.mail().record().key()).isEqualTo(promise.customerId());
            assertThat(KafkaTopicReader.header(links.mail().record(), "ce_type"))
                    .isEqualTo("tikun.customer-message.requested");
            assertThat(request.get("kind").asText()).isEqualTo("FOLLOW_UP");
            assertThat(request.get("requestedBy").asText()).isEqualTo("followup-service");
            assertThat(request.get("automatic").asBoolean()).isTrue();
            assertThat(request.get("complaintId").asText()).isEqualTo("cmp-1");
            assertThat(request.get("customerId").asText()).isEqualTo(promise.customerId());
            assertThat(request.get("reference").asText()).isEqualTo("TK-000042");
            // No complaint language is known here: the Hebrew promise decides.
            assertThat(links.mail().language()).isEqualTo("he");
            assertThat(links.mail().subject()).isEqualTo("האם זה בוצע?");
            assertThat(links.mail().text()).contains(HEBREW_PROMISE, "TK-000042", "כן, זה בוצע: ",
                    "לא, זה לא בוצע: ");
            JsonPath claimed = commitment(promise.id());
            assertThat(claimed.getString("status")).isEqualTo("CLAIMED_DONE");
            assertThat(claimed.getString("history[1].reason")).isEqualTo("replaced the air conditioner");
            assertThat(claimed.getString("history[1].actor")).isEqualTo("yossi");

            ConsumerRecord<String, String> event = awaitEvent(topic, promise.id(), "claimed-done");
            JsonNode body = mapper.readTree(event.value());
            assertThat(event.key()).isEqualTo(promise.customerId());
            assertThat(KafkaTopicReader.header(event, "ce_source")).isEqualTo("/tikun/followup-service");
            assertThat(KafkaTopicReader.header(event, "ce_id")).isNotBlank();
            assertThat(body.get("change").asText()).isEqualTo("claimed-done");
            assertThat(body.get("status").asText()).isEqualTo("CLAIMED_DONE");
            assertThat(body.get("actor").asText()).isEqualTo("yossi");
            assertThat(body.get("customerId").asText()).isEqualTo(promise.customerId());
        }
    }

    @Test
    void writesToAnEnglishSpeakingCustomerInEnglishOnly() {
        Promise promise = promise("Dana Levi", "A technician replaces the heater on Tuesday");

        Links links = claimAndReadMail(promise);

        assertThat(links.mail().language()).isEqualTo("en");
        // What the system tests look for once intake delivered it.
        assertThat(links.mail().subject()).contains("Was it done?");
        assertThat(links.mail().text()).contains("Hello Dana Levi", "A technician replaces the heater on Tuesday")
                .containsPattern("Yes, it was done: http\\S+").doesNotContain("שלום");
    }

    @Test
    void openingALinkShowsAFormAndChangesNothing() {
        Promise promise = hebrewPromise();
        Links links = claimAndReadMail(promise);

        for (int scannerFetch = 0; scannerFetch < 2; scannerFetch++) {
            given().queryParam("token", links.confirm()).get("/verify").then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", "no-store")
                    .body(containsString("<form method=\"post\" action=\"verify\""))
                    .body(containsString(HEBREW_PROMISE));
        }

        JsonPath unchanged = commitment(promise.id());
        assertThat(unchanged.getString("status")).isEqualTo("CLAIMED_DONE");
        assertThat(unchanged.getList("history")).hasSize(2);
        // The link was not used up by being opened.
        answer(links.confirm(), null).statusCode(200);
    }

    @Test
    void confirmingThroughTheLinkVerifiesThePromiseAndAnnouncesIt() throws Exception {
        Promise promise = hebrewPromise();
        Links links = claimAndReadMail(promise);
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.updated")) {
            answer(links.confirm(), "תודה, עובד מצוין").statusCode(200).body(containsString("Thank you for confirming"));

            JsonPath verified = commitment(promise.id());
            assertThat(verified.getString("status")).isEqualTo("VERIFIED");
            assertThat(verified.getString("history[2].actor")).isEqualTo("customer");
            assertThat(verified.getString("history[2].reason")).isEqualTo("תודה, עובד מצוין");
            JsonNode body = mapper.readTree(awaitEvent(topic, promise.id(), "verified").value());
            assertThat(body.get("status").asText()).isEqualTo("VERIFIED");
            assertThat(body.get("actor").asText()).isEqualTo("customer");
        }
    }

    @Test
    void reusingAnAnsweredLinkSaysSoAndChangesNothing() {
        Promise promise = hebrewPromise();
        Links links = claimAndReadMail(promise);
        answer(links.confirm(), null).statusCode(200);

        answer(links.confirm(), null).statusCode(409).contentType(containsString("text/html"))
                .body(containsString("This link was already used"))
                .body(containsString("reply to the e-mail"));

        JsonPath after = commitment(promise.id());
        assertThat(after.getString("status")).isEqualTo("VERIFIED");
        assertThat(after.getList("history")).hasSize(3);
    }

    @Test
    void denyingAfterConfirmingThroughTheOtherLinkChangesNothing() {
        Promise promise = hebrewPromise();
        Links links = claimAndReadMail(promise);
        answer(links.confirm(), null).statusCode(200);

        given().queryParam("token", links.deny()).get("/verify").then().statusCode(409)
                .body(containsString("We already have an answer"));
        answer(links.deny(), "actually it broke").statusCode(409).body(containsString("We already have an answer"));

        JsonPath after = commitment(promise.id());
        assertThat(after.getString("status")).isEqualTo("VERIFIED");
        assertThat(after.getList("history")).hasSize(3);
    }

    @Test
    void denyingWithACommentDisputesThePromiseAndAnnouncesIt() throws Exception {
        Promise promise = hebrewPromise();
        Links links = claimAndReadMail(promise);
        given().queryParam("token", links.deny()).get("/verify").then().statusCode(200)
                .body(containsString("What is still wrong?"));
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "commitments.updated")) {
            answer(links.deny(), "המזגן עדיין מטפטף").statusCode(200).body(containsString("Thank you for telling us"));

            JsonPath disputed = commitment(promise.id());
            assertThat(disputed.getString("status")).isEqualTo("DISPUTED");
            assertThat(disputed.getString("history[2].reason")).isEqualTo("המזגן עדיין מטפטף");
            JsonNode body = mapper.readTree(awaitEvent(topic, promise.id(), "disputed").value());
            assertThat(body.get("reason").asText()).isEqualTo("המזגן עדיין מטפטף");
            assertThat(body.get("status").asText()).isEqualTo("DISPUTED");
        }
    }

    @Test
    void aTamperedLinkShowsAnErrorPageAndChangesNothing() {
        Promise promise = hebrewPromise();
        Links links = claimAndReadMail(promise);
        int position = 10;
        char original = links.confirm().charAt(position);
        String tampered = links.confirm().substring(0, position) + (original == 'A' ? 'B' : 'A')
                + links.confirm().substring(position + 1);

        given().queryParam("token", tampered).get("/verify").then().statusCode(400)
                .body(containsString("This link is not valid"));
        answer(tampered, null).statusCode(400).contentType(containsString("text/html"))
                .body(containsString("This link is not valid"))
                .body(containsString("Nothing was changed"))
                .body(not(containsString(tampered)));
        answer("not-a-token", null).statusCode(400).body(containsString("This link is incomplete"));
        given().header("Accept-Language", "ar-IL,ar;q=0.9,he;q=0.8").queryParam("token", tampered).get("/verify").then()
                .statusCode(400).header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("هذا الرابط غير صالح")).body(containsString("This link is not valid"));
        given().header("Accept-Language", "he-IL").contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParam("token", tampered).post("/verify").then().statusCode(400)
                .body(containsString("<html lang=\"he\" dir=\"rtl\">"))
                .body(containsString("הקישור אינו תקף"));

        assertThat(commitment(promise.id()).getString("status")).isEqualTo("CLAIMED_DONE");
        answer(links.confirm(), null).statusCode(200);
    }

    @Test
    void escapesThePromiseOnTheCustomerPage() {
        Promise promise = promise("Eve", "<script>alert('x')</script> & more");
        Links links = claimAndReadMail(promise);

        given().queryParam("token", links.confirm()).get("/verify").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
                .body(not(containsString("<script>")));
    }

    @Test
    void refusesToClaimAVerifiedPromiseWithAConflictProblem() {
        Promise promise = hebrewPromise();
        Links links = claimAndReadMail(promise);
        answer(links.confirm(), null).statusCode(200);

        claimDone(promise.id(), "done again").statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("detail", containsString("cannot claim done a commitment that is VERIFIED"));
        assertThat(commitment(promise.id()).getList("history")).hasSize(3);
    }

    @Test
    void refusesAClaimWithoutANoteOrForAnUnknownPromise() {
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"note\":\" \"}")
                .post("/api/v1/commitments/" + UUID.randomUUID() + "/claim-done")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItems("note"));
        claimDone(UUID.randomUUID(), "done").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesAnonymousAndChannelClaims() {
        Promise promise = hebrewPromise();

        given().contentType(ContentType.JSON).body("{\"note\":\"done\"}")
                .post("/api/v1/commitments/" + promise.id() + "/claim-done")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("web", Set.of("channel")))
                .contentType(ContentType.JSON).body("{\"note\":\"done\"}")
                .post("/api/v1/commitments/" + promise.id() + "/claim-done")
                .then().statusCode(403).contentType(PROBLEM);
        assertThat(commitment(promise.id()).getString("status")).isEqualTo("OPEN");
    }
}
