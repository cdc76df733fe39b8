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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tikun.followup.outbox.MailDelivery;
import io.tikun.followup.outbox.MailDeliveryRepository;
import io.tikun.followup.outbox.MailPurpose;
import io.tikun.followup.verification.LinkAction;
import io.tikun.followup.verification.SignedLinkService;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** A customer confirms a fix: thanked once by e-mail, and rates the service through the survey link in it. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ThankYouAndCsatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration NO_DUPLICATE_WITHIN = Duration.ofSeconds(2);
    private static final String HEBREW_PROMISE = "טכנאי יחליף את המזגן ביום שלישי";
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify\\?token=([A-Za-z0-9_.-]+)");
    private static final Pattern SURVEY_LINK = Pattern.compile("http://127\\.0\\.0\\.1:8083/csat\\?token=([A-Za-z0-9_.-]+)");
    private static final String TEST_SECRET = "test-only-link-secret-not-for-production-0001";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    MailDeliveryRepository deliveries;

    @Inject
    CsatResponseRepository responses;

    @Inject
    SignedLinkService links;

    private final ObjectMapper mapper = new ObjectMapper();

    private record Promise(UUID id, String email) {
    }

    private static String agentToken() {
        return OidcWiremockTestResource.getAccessToken("yossi", Set.of("agent"));
    }

    private Promise promise(String customerName, String what) throws Exception {
        UUID id = UUID.randomUUID();
        String customerId = "cust-" + UUID.randomUUID();
        String email = "csat-" + id + "@example.co.il";
        String json = """
                {"commitmentId":"%s","caseId":"%s","complaintId":"cmp-csat","reference":"TK-000077",
                 "customer":{"id":"%s","name":%s,"email":"%s","phone":null},
                 "what":%s,"owner":"yossi","dueAt":"%s","madeBy":"manager","madeAt":"%s"}"""
                .formatted(id, UUID.randomUUID(), customerId, mapper.writeValueAsString(customerName), email,
                        mapper.writeValueAsString(what), Instant.now().plus(Duration.ofDays(2)), Instant.now());
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("commitments.made", customerId, UUID.randomUUID().toString(), "tikun.commitment.made", json);
        }
        await().atMost(WAIT).until(() -> given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + id)
                .statusCode() == 200);
        return new Promise(id, email);
    }

    /** Claims the promise done and answers "yes" through the link in the customer's e-mail. */
    private String confirm(Promise promise) {
        given().auth().oauth2(agentToken()).contentType(ContentType.JSON).body("{\"note\":\"replaced it\"}")
                .post("/api/v1/commitments/" + promise.id() + "/claim-done").then().statusCode(200);
        CapturedMail request = mail.await(m -> m.isTo(promise.email()) && m.text().contains("/verify?token="), WAIT);
        String text = request.text();
        Matcher confirm = VERIFY_LINK.matcher(text.substring(text.indexOf("Yes, it was done:")));
        assertThat(confirm.find()).isTrue();
        post("/verify", confirm.group(1), null, null).statusCode(200);
        return confirm.group(1);
    }

    private CapturedMail thankYou(Promise promise) {
        return mail.await(m -> m.isTo(promise.email()) && m.text().contains("/csat?token="), WAIT);
    }

    private static String surveyToken(CapturedMail thanks) {
        Matcher link = SURVEY_LINK.matcher(thanks.text());
        assertThat(link.find()).as("a survey link in %s", thanks.text()).isTrue();
        return link.group(1);
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

    private CsatResponse rating(UUID commitmentId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> responses.findById(commitmentId)));
    }

    private List<MailDelivery> thankYouDeliveries(UUID commitmentId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> deliveries
                .forCommitment(commitmentId)))
                .stream().filter(d -> d.purpose == MailPurpose.CUSTOMER_THANK_YOU).toList();
    }

    @Test
    void thanksAHebrewCustomerOnceInHebrewAndEnglishWithASurveyLink() throws Throwable {
        Promise promise = promise("דנה לוי", HEBREW_PROMISE);
        String confirmToken = confirm(promise);

        CapturedMail thanks = thankYou(promise);
        assertThat(thanks.subject()).contains("תודה", "Thank you", "TK-000077");
        assertThat(thanks.text()).contains("שלום דנה לוי", HEBREW_PROMISE, "Hello דנה לוי", "from 1 to 5");
        assertThat(thanks.text().indexOf("שלום")).isLessThan(thanks.text().indexOf("Hello"));
        surveyToken(thanks);

        // The confirm link answered already: using it again sends no second thank-you.
        post("/verify", confirmToken, null, null).statusCode(409);
        await().atMost(WAIT).during(NO_DUPLICATE_WITHIN).until(() -> mail.messages().stream()
                .filter(m -> m.isTo(promise.email()) && m.text().contains("/csat?token=")).count() == 1);
        List<MailDelivery> stored = thankYouDeliveries(promise.id());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).sentAt).isNotNull();
    }

    @Test
    void thanksAnEnglishCustomerInEnglishOnly() throws Throwable {
        Promise promise = promise("Dana Levi", "A technician replaces the heater on Tuesday");
        confirm(promise);

        CapturedMail thanks = thankYou(promise);
        assertThat(thanks.subject()).isEqualTo("Thank you for confirming: TK-000077");
        assertThat(thanks.text()).contains("Hello Dana Levi", "How satisfied are you").doesNotContain("שלום");
    }

    @Test
    void theSurveyLinkShowsARightToLeftFormAndRecordsOneRating() throws Throwable {
        Promise promise = promise("דנה לוי", HEBREW_PROMISE);
        confirm(promise);
        String token = surveyToken(thankYou(promise));

        for (int scannerFetch = 0; scannerFetch < 2; scannerFetch++) {
            given().queryParam("token", token).get("/csat").then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", "no-store")
                    .body(containsString("<html lang=\"he\" dir=\"rtl\">"))
                    .body(containsString("<form method=\"post\" action=\"csat\""))
                    .body(containsString("name=\"score\" value=\"1\""))
                    .body(containsString("name=\"score\" value=\"5\""))
                    .body(containsString(HEBREW_PROMISE));
        }
        assertThat(rating(promise.id())).as("opening the page records nothing").isNull();

        post("/csat", token, "4", "  שירות מהיר, תודה  ").statusCode(200).body(containsString("Your rating was recorded"));

        CsatResponse recorded = rating(promise.id());
        assertThat(recorded.score).isEqualTo((short) 4);
        assertThat(recorded.comment).isEqualTo("שירות מהיר, תודה");

        post("/csat", token, "1", "changed my mind").statusCode(409).body(containsString("You already rated us"));
        assertThat(rating(promise.id()).score).isEqualTo((short) 4);
    }

    @Test
    void aSurveyWithoutAScoreRecordsNothingAndKeepsTheLinkUsable() throws Throwable {
        Promise promise = promise("Dana Levi", "A new router is delivered");
        confirm(promise);
        String token = surveyToken(thankYou(promise));

        post("/csat", token, null, "no score").statusCode(400).body(containsString("Please choose a rating"));
        post("/csat", token, "6", null).statusCode(400);
        post("/csat", token, "five", null).statusCode(400);
        assertThat(rating(promise.id())).isNull();

        post("/csat", token, "5", null).statusCode(200);
        assertThat(rating(promise.id()).score).isEqualTo((short) 5);
        assertThat(rating(promise.id()).comment).isNull();
    }

    @Test
    void aTamperedExpiredOrWrongSurveyLinkShowsAPageAndRecordsNothing() throws Throwable {
        Promise promise = promise("Dana Levi", "The bill is corrected");
        String confirmToken = confirm(promise);
        String token = surveyToken(thankYou(promise));
        int position = 10;
        String tampered = token.substring(0, position) + (token.charAt(position) == 'A' ? 'B' : 'A')
                + token.substring(position + 1);
        // Issued by the same keys a month ago, with a fortnight to live.
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        String expired = new SignedLinkService(List.of(TEST_SECRET), Duration.ofDays(14), "http://x/csat",
                Clock.fixed(monthAgo, ZoneOffset.UTC)).issue(promise.id(), LinkAction.CSAT,
                        monthAgo.plus(Duration.ofDays(14)));

        given().queryParam("token", tampered).get("/csat").then().statusCode(400)
                .body(containsString("This link is not valid"));
        post("/csat", tampered, "1", null).statusCode(400).body(containsString("Nothing was recorded"))
                .body(not(containsString(tampered)));
        post("/csat", expired, "1", null).statusCode(410).body(containsString("This survey has closed"));
        post("/csat", confirmToken, "1", null).statusCode(400).body(containsString("This link is for another page"));
        post("/csat", "not-a-token", "1", null).statusCode(400).body(containsString("This link is incomplete"));
        given().queryParam("token", links.issue(UUID.randomUUID(), LinkAction.CSAT,
                Instant.now().plus(Duration.ofDays(1)))).get("/csat").then().statusCode(404);
        assertThat(rating(promise.id())).isNull();

        post("/csat", token, "3", null).statusCode(200);
        assertThat(rating(promise.id()).score).isEqualTo((short) 3);
    }
}
