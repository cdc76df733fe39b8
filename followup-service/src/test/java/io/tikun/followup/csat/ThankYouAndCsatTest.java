package io.tikun.followup.csat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tikun.followup.message.CustomerMessageRequests;
import io.tikun.followup.message.RequestedMessages;
import io.tikun.followup.verification.LinkAction;
import io.tikun.followup.verification.SignedLinkService;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * A customer confirms a fix and is thanked once; routing resolves a case and its customer is asked once to rate the
 * handling, through a survey link, whether or not a promise was made. Both go to intake on
 * {@code customer.messages.requested}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ThankYouAndCsatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration NO_DUPLICATE_WITHIN = Duration.ofSeconds(3);
    private static final String HEBREW_PROMISE = "טכנאי יחליף את המזגן ביום שלישי";
    private static final String TEST_SECRET = "test-only-link-secret-not-for-production-0001";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CaseRatings caseRatings;

    @Inject
    CsatResponseRepository responses;

    @Inject
    SignedLinkService links;

    private final ObjectMapper mapper = new ObjectMapper();

    private record Promise(UUID id, UUID caseId, String customerId) {
    }

    private static String agentToken() {
        return OidcWiremockTestResource.getAccessToken("yossi", Set.of("agent"));
    }

    private void send(String topic, String key, String type, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(topic, key, UUID.randomUUID().toString(), type, json);
        }
    }

    private Promise promise(String customerName, String what) throws Exception {
        UUID id = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String customerId = "cust-" + UUID.randomUUID();
        String json = """
                {"commitmentId":"%s","caseId":"%s","complaintId":"cmp-csat","reference":"TK-000077",
                 "customer":{"id":"%s","name":%s,"email":"csat@example.co.il","phone":null},
                 "what":%s,"owner":"yossi","dueAt":"%s","madeBy":"manager","madeAt":"%s"}"""
                .formatted(id, caseId, customerId, mapper.writeValueAsString(customerName),
                        mapper.writeValueAsString(what), Instant.now().plus(Duration.ofDays(2)), Instant.now());
        send("commitments.made", customerId, "tikun.commitment.made", json);
        await().atMost(WAIT).until(() -> given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + id)
                .statusCode() == 200);
        return new Promise(id, caseId, customerId);
    }

    /** Claims the promise done and answers "yes" through the link of the question; returns the confirm token. */
    private String confirm(Promise promise) {
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"note\":\"replaced it\"}")
                .post("/api/v1/commitments/" + promise.id() + "/claim-done").then().statusCode(200);
        String token = RequestedMessages.awaitOnce(bootstrapServers, CustomerMessageRequests.verifyId(promise.id(), 1))
                .token(0);
        post("/verify", token, null, null).statusCode(200);
        return token;
    }

    /** Intake's complaint in {@code language}, then routing's resolution of its case; returns the case. */
    private UUID resolvedCase(String customerId, String complaintId, String name, String language) throws Exception {
        ObjectNode complaint = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "complaints.received.example.json"));
        complaint.put("complaintId", complaintId).put("reference", "TK-000088").put("language", language)
                .put("subject", "The heater broke");
        ((ObjectNode) complaint.get("customer")).put("id", customerId).put("name", name);
        send("complaints.received", customerId, "tikun.complaint.received", mapper.writeValueAsString(complaint));
        UUID caseId = UUID.randomUUID();
        resolve(customerId, complaintId, caseId);
        return caseId;
    }

    private void resolve(String customerId, String complaintId, UUID caseId) throws Exception {
        ObjectNode update = (ObjectNode) mapper.readTree(Contracts.read("routing-service", "cases.updated.example.json"));
        update.put("caseId", caseId.toString()).put("complaintId", complaintId).put("customerId", customerId)
                .put("change", "resolved").put("status", "RESOLVED");
        send("cases.updated", customerId, "tikun.case.resolved", mapper.writeValueAsString(update));
    }

    private static ValidatableResponse post(String path, String token, String score, String comment) {
        var request = given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParam("token", token);
        if (score != null) {
            request = request.formParam("score", score);
        }
        if (comment != null) {
            request = request.formParam("comment", comment);
        }
        return request.post(path).then();
    }

    private boolean caseRated(UUID caseId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> caseRatings.rated(caseId)));
    }

    private CsatResponse commitmentRating(UUID commitmentId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> responses.findById(commitmentId)));
    }

    @Test
    void thanksAHebrewCustomerOnceInHebrewWithoutASecondSurvey() throws Throwable {
        Promise promise = promise("דנה לוי", HEBREW_PROMISE);
        try (RequestedMessages requested = new RequestedMessages(bootstrapServers)) {
            String confirmToken = confirm(promise);

            RequestedMessages.Requested thanks = requested.await(CustomerMessageRequests.thankYouId(promise.id()));
            assertThat(thanks.body().get("kind").asText()).isEqualTo("THANK_YOU");
            assertThat(thanks.language()).isEqualTo("he");
            assertThat(thanks.subject()).isEqualTo("תודה על האישור");
            assertThat(thanks.text()).contains("שלום דנה לוי", HEBREW_PROMISE, "TK-000077").doesNotContain("/csat");
            assertThat(thanks.body().get("links")).isEmpty();

            // The confirm link answered already: using it again requests no second thank-you.
            post("/verify", confirmToken, null, null).statusCode(409);
            assertThat(requested.all(body -> body.path("messageId").asText().contains(promise.id().toString())
                    && !body.path("messageId").asText().startsWith("followup:verify:"), NO_DUPLICATE_WITHIN))
                    .extracting(RequestedMessages.Requested::messageId)
                    .containsExactly(CustomerMessageRequests.thankYouId(promise.id()));
        }
    }

    @Test
    void thanksAnEnglishCustomerInEnglish() {
        Promise promise;
        try {
            promise = promise("Dana Levi", "A technician replaces the heater on Tuesday");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        confirm(promise);

        RequestedMessages.Requested thanks = RequestedMessages.awaitOnce(bootstrapServers,
                CustomerMessageRequests.thankYouId(promise.id()));
        assertThat(thanks.subject()).isEqualTo("Thank you for confirming");
        assertThat(thanks.text()).contains("Hello Dana Levi", "A technician replaces the heater on Tuesday")
                .doesNotContain("שלום");
    }

    @Test
    void surveysAResolvedCaseOnceEvenWithoutAPromiseAndRecordsOneRatingOnARightToLeftPage() throws Throwable {
        String customerId = "cust-" + UUID.randomUUID();
        String complaintId = "cmp-" + UUID.randomUUID();
        try (RequestedMessages requested = new RequestedMessages(bootstrapServers)) {
            UUID caseId = resolvedCase(customerId, complaintId, "דנה לוי", "he");

            RequestedMessages.Requested survey = requested.await(CustomerMessageRequests.surveyId(caseId));
            assertThat(survey.body().get("kind").asText()).isEqualTo("SURVEY");
            assertThat(survey.body().get("caseId").asText()).isEqualTo(caseId.toString());
            assertThat(survey.body().get("complaintId").asText()).isEqualTo(complaintId);
            assertThat(survey.body().get("reference").asText()).isEqualTo("TK-000088");
            assertThat(survey.language()).isEqualTo("he");
            assertThat(survey.subject()).isEqualTo("איך היה הטיפול?");
            assertThat(survey.link(0)).startsWith("http://127.0.0.1:8083/csat?token=");
            assertThat(survey.text()).contains("שלום דנה לוי", survey.link(0));

            // Reopened and resolved again: no second survey for the case.
            resolve(customerId, complaintId, caseId);
            assertThat(requested.all(body -> body.path("messageId").asText().startsWith("followup:survey:" + caseId),
                    NO_DUPLICATE_WITHIN)).hasSize(1);

            String token = survey.token(0);
            for (int scannerFetch = 0; scannerFetch < 2; scannerFetch++) {
                given().queryParam("token", token).get("/csat").then().statusCode(200)
                        .contentType(containsString("text/html"))
                        .header("Cache-Control", "no-store")
                        .body(containsString("<html lang=\"he\" dir=\"rtl\">"))
                        .body(containsString("<form method=\"post\" action=\"csat\""))
                        .body(containsString("name=\"score\" value=\"5\""))
                        .body(containsString("TK-000088"));
            }
            assertThat(caseRated(caseId)).as("opening the page records nothing").isFalse();

            post("/csat", token, null, "no score").statusCode(400).body(containsString("Please choose a rating"));
            post("/csat", token, "6", null).statusCode(400);
            assertThat(caseRated(caseId)).isFalse();

            post("/csat", token, "4", "  שירות מהיר, תודה  ").statusCode(200)
                    .body(containsString("Your rating was recorded"));
            assertThat(caseRated(caseId)).isTrue();
            post("/csat", token, "1", "changed my mind").statusCode(409).body(containsString("You already rated us"));

            // The rating is announced once on customers.feedback for routing's customer panel.
            try (io.tikun.stack.testing.KafkaTopicReader feedback = new io.tikun.stack.testing.KafkaTopicReader(
                    bootstrapServers, "customers.feedback")) {
                var answered = feedback.await(
                        r -> customerId.equals(r.key()) && r.value().contains("\"CSAT_ANSWERED\""), WAIT);
                var body = new ObjectMapper().readTree(answered.value());
                assertThat(io.tikun.stack.testing.KafkaTopicReader.header(answered, "ce_type"))
                        .isEqualTo("tikun.customer.feedback.csat-answered");
                assertThat(body.path("caseId").asText()).isEqualTo(caseId.toString());
                assertThat(body.path("reference").asText()).isEqualTo("TK-000088");
                assertThat(body.path("score").asInt()).isEqualTo(4);
                assertThat(body.path("comment").asText()).contains("שירות מהיר");
                assertThat(body.path("valueTier").asText()).isNotBlank();
                assertThat(feedback.all(r -> customerId.equals(r.key()) && r.value().contains("\"CSAT_ANSWERED\""),
                        java.time.Duration.ofSeconds(3))).hasSize(1);
            }
        }
    }

    @Test
    void surveysAnArabicCustomerOnARightToLeftArabicPageAndARussianOneOnALeftToRightRussianPage() throws Exception {
        UUID arabicCase = resolvedCase("cust-" + UUID.randomUUID(), "cmp-" + UUID.randomUUID(), "Dana Levi", "ar");
        UUID russianCase = resolvedCase("cust-" + UUID.randomUUID(), "cmp-" + UUID.randomUUID(), "Dana Levi", "ru");
        String arabic = RequestedMessages.awaitOnce(bootstrapServers, CustomerMessageRequests.surveyId(arabicCase))
                .token(0);
        String russian = RequestedMessages.awaitOnce(bootstrapServers, CustomerMessageRequests.surveyId(russianCase))
                .token(0);

        // The customer's language decides, whatever the browser asks for.
        given().header("Accept-Language", "en-US").queryParam("token", arabic).get("/csat").then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("كيف كانت خدمتنا؟"))
                .body(containsString("<span class=\"en\" lang=\"en\" dir=\"ltr\">How did we do?</span>"))
                .body(containsString("<legend>تقييمك"));
        post("/csat", arabic, "5", "خدمة ممتازة").statusCode(200).body(containsString("تمّ تسجيل تقييمك"));
        given().queryParam("token", russian).get("/csat").then().statusCode(200)
                .body(containsString("<html lang=\"ru\" dir=\"ltr\">"))
                .body(containsString("Как мы справились?"));
        post("/csat", russian, "4", null).statusCode(200).body(containsString("Ваша оценка сохранена"));
    }

    @Test
    void aVerifiedPromiseOnTheCaseAddsNoSecondSurveyAtClosure() throws Throwable {
        Promise promise = promise("Dana Levi", "A new router is delivered");
        try (RequestedMessages requested = new RequestedMessages(bootstrapServers)) {
            confirm(promise);
            requested.await(CustomerMessageRequests.thankYouId(promise.id()));
            ObjectNode complaint = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                    "complaints.received.example.json"));
            complaint.put("complaintId", "cmp-csat-" + promise.id()).put("language", "en");
            ((ObjectNode) complaint.get("customer")).put("id", promise.customerId()).put("name", "Dana Levi");
            send("complaints.received", promise.customerId(), "tikun.complaint.received",
                    mapper.writeValueAsString(complaint));
            resolve(promise.customerId(), "cmp-csat-" + promise.id(), promise.caseId());

            RequestedMessages.Requested survey = requested.await(CustomerMessageRequests.surveyId(promise.caseId()));
            assertThat(survey.subject()).isEqualTo("How did we do?");
            assertThat(survey.text()).contains("Hello Dana Levi", "from 1 to 5");
            assertThat(requested.all(body -> "SURVEY".equals(body.path("kind").asText())
                    && body.path("customerId").asText().equals(promise.customerId()), NO_DUPLICATE_WITHIN))
                    .hasSize(1);
        }
    }

    @Test
    void aSurveyLinkSentBeforeSurveysWentPerCaseStillRatesItsCommitment() throws Throwable {
        Promise promise = promise("Dana Levi", "The bill is corrected");
        confirm(promise);
        String legacy = links.issue(promise.id(), LinkAction.CSAT, Instant.now().plus(Duration.ofDays(1)));

        given().queryParam("token", legacy).get("/csat").then().statusCode(200)
                .body(containsString("The bill is corrected"));
        post("/csat", legacy, "5", null).statusCode(200);
        assertThat(commitmentRating(promise.id()).score).isEqualTo((short) 5);
    }

    @Test
    void aTamperedExpiredOrWrongSurveyLinkShowsAPageAndRecordsNothing() throws Throwable {
        String customerId = "cust-" + UUID.randomUUID();
        UUID caseId = resolvedCase(customerId, "cmp-" + UUID.randomUUID(), "Dana Levi", "en");
        String token = RequestedMessages.awaitOnce(bootstrapServers, CustomerMessageRequests.surveyId(caseId)).token(0);
        Promise promise = promise("Dana Levi", "The bill is corrected");
        String confirmToken = confirm(promise);
        int position = 10;
        String tampered = token.substring(0, position) + (token.charAt(position) == 'A' ? 'B' : 'A')
                + token.substring(position + 1);
        // Issued by the same keys a month ago, with a fortnight to live.
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        String expired = new SignedLinkService(List.of(TEST_SECRET), Duration.ofDays(14), "http://x/csat",
                Clock.fixed(monthAgo, ZoneOffset.UTC)).issue(caseId, LinkAction.CASE_SURVEY,
                        monthAgo.plus(Duration.ofDays(14)));

        given().queryParam("token", tampered).get("/csat").then().statusCode(400)
                .body(containsString("This link is not valid"));
        // A refused link may belong to anyone: the page speaks the browser's language, and English beside it.
        given().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8").queryParam("token", tampered).get("/csat").then()
                .statusCode(400).body(containsString("<html lang=\"ru\" dir=\"ltr\">"))
                .body(containsString("Ссылка недействительна")).body(containsString("This link is not valid"));
        post("/csat", tampered, "1", null).statusCode(400).body(containsString("Nothing was recorded"))
                .body(not(containsString(tampered)));
        post("/csat", expired, "1", null).statusCode(410).body(containsString("This survey has closed"))
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"));
        post("/csat", confirmToken, "1", null).statusCode(400).body(containsString("This link is for another page"));
        post("/csat", "not-a-token", "1", null).statusCode(400).body(containsString("This link is incomplete"));
        given().queryParam("token", links.issue(UUID.randomUUID(), LinkAction.CASE_SURVEY,
                Instant.now().plus(Duration.ofDays(1)))).get("/csat").then().statusCode(404);
        assertThat(caseRated(caseId)).isFalse();

        post("/csat", token, "3", null).statusCode(200);
        assertThat(caseRated(caseId)).isTrue();
    }
}
