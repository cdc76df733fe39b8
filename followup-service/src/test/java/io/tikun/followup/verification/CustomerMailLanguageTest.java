package io.tikun.followup.verification;

import static io.restassured.RestAssured.given;
import static io.tikun.followup.commitment.CommitmentFixtures.WAIT;
import static io.tikun.followup.commitment.CommitmentFixtures.claimDone;
import static io.tikun.followup.commitment.CommitmentFixtures.linkAfter;
import static io.tikun.followup.commitment.CommitmentFixtures.promise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.FollowupConfig;
import io.tikun.followup.commitment.CommitmentFixtures.Promise;
import io.tikun.followup.complaint.CustomerComplaint;
import io.tikun.followup.complaint.CustomerComplaintRepository;
import io.tikun.followup.jobs.DeadlineJob;
import io.tikun.followup.time.TestClock;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The customer's e-mails (the request to confirm, its reminder, the thank-you with the survey) are written in the
 * language intake detected in the customer's complaint, whatever language the agent wrote the promise in; the guess
 * from Hebrew letters is left for customers whose complaint language follow-up does not know.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CustomerMailLanguageTest {

    private static final String ENGLISH_PROMISE = "A technician replaces the heater on Tuesday";
    private static final String HEBREW_PROMISE = "טכנאי יחליף את המזגן ביום שלישי";
    private static final String HEBREW_REQUEST = "האם זה בוצע?";
    private static final String HEBREW_REMINDER = "תזכורת:";
    private static final String HEBREW_THANKS = "תודה על האישור";
    private static final String HEBREW_PAGE = "<html lang=\"he\" dir=\"rtl\">";
    private static final String ENGLISH_PAGE = "<html lang=\"en\">";
    private static final Pattern SURVEY_LINK = Pattern.compile("http://127\\.0\\.0\\.1:8083/csat\\?token=([A-Za-z0-9_.-]+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    CustomerComplaintRepository complaints;

    @Inject
    DeadlineJob job;

    @Inject
    TestClock clock;

    @Inject
    FollowupConfig config;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The request, the reminder and the thank-you one customer received, and the pages their links open. */
    private record CustomerMails(CapturedMail request, CapturedMail reminder, CapturedMail thanks, String confirmPage,
            String surveyPage) {
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    /** Intake announces a complaint of this customer written in {@code language}; waits until followup filed it. */
    private void fileComplaint(String complaintId, String customerId, String language) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "complaints.received.example.json"));
        event.put("complaintId", complaintId).put("language", language);
        ((ObjectNode) event.get("customer")).put("id", customerId);
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    mapper.writeValueAsString(event));
        }
        await().atMost(WAIT).until(() -> complaint(complaintId) != null);
    }

    private CustomerComplaint complaint(String complaintId) throws Exception {
        return onVertx(() -> Panache.withSession(() -> complaints.findById(complaintId)));
    }

    private static <T> T onVertx(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private CapturedMail requestTo(Promise promise) {
        claimDone(promise, "replaced it").statusCode(200);
        return mail.await(m -> m.isTo(promise.email()), WAIT);
    }

    /** Claimed done, left unanswered until the reminder, then confirmed through the first e-mail's link. */
    private CustomerMails allMailsTo(Promise promise) throws Exception {
        CapturedMail request = requestTo(promise);
        clock.advance(config.lifecycle().customerReminderAfter().plusMinutes(1));
        // One pass takes a batch of what is due, other tests' commitments included: pass until ours was reminded.
        await().atMost(WAIT).until(() -> {
            onVertx(() -> job.runOnce());
            return mail.messages().stream().anyMatch(m -> isReminderTo(promise, m));
        });
        CapturedMail reminder = mail.await(m -> isReminderTo(promise, m), WAIT);
        String confirm = linkAfter(request.text(), "Yes, it was done:");
        String confirmPage = given().queryParam("token", confirm).get("/verify").then().statusCode(200).extract()
                .asString();
        given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParam("token", confirm)
                .post("/verify").then().statusCode(200);
        CapturedMail thanks = mail.await(m -> m.isTo(promise.email()) && m.subject().contains("Thank you"), WAIT);
        Matcher survey = SURVEY_LINK.matcher(thanks.text());
        assertThat(survey.find()).as("a survey link in %s", thanks.text()).isTrue();
        String surveyPage = given().queryParam("token", survey.group(1)).get("/csat").then().statusCode(200)
                .extract().asString();
        return new CustomerMails(request, reminder, thanks, confirmPage, surveyPage);
    }

    private static boolean isReminderTo(Promise promise, CapturedMail m) {
        return m.isTo(promise.email()) && m.subject().contains("Reminder: Was it done?");
    }

    private static String customerId() {
        return "cust-" + UUID.randomUUID();
    }

    private static String complaintId() {
        return "cmp-" + UUID.randomUUID();
    }

    @Test
    void writesInHebrewToACustomerWhoseComplaintWasInHebrewThoughThePromiseIsInEnglish() throws Exception {
        String complaintId = complaintId();
        String customerId = customerId();
        fileComplaint(complaintId, customerId, "he");
        assertThat(complaint(complaintId).language).isEqualTo("he");
        Promise promise = promise(bootstrapServers, complaintId, customerId, "Dana Levi", ENGLISH_PROMISE);

        CustomerMails mails = allMailsTo(promise);

        assertThat(mails.request().subject()).startsWith(HEBREW_REQUEST);
        assertThat(mails.request().text()).startsWith("שלום Dana Levi").contains(ENGLISH_PROMISE, "Hello Dana Levi");
        assertThat(mails.reminder().subject()).startsWith(HEBREW_REMINDER);
        assertThat(mails.reminder().text()).startsWith("שלום Dana Levi");
        assertThat(mails.thanks().subject()).startsWith(HEBREW_THANKS);
        assertThat(mails.thanks().text()).startsWith("שלום Dana Levi");
        // The pages the links open speak the e-mail's language too.
        assertThat(mails.confirmPage()).contains(HEBREW_PAGE, HEBREW_REQUEST);
        assertThat(mails.surveyPage()).contains(HEBREW_PAGE);
    }

    @Test
    void writesOnlyEnglishToACustomerWhoseComplaintWasInEnglishThoughThePromiseIsInHebrew() throws Exception {
        String complaintId = complaintId();
        String customerId = customerId();
        fileComplaint(complaintId, customerId, "en");
        Promise promise = promise(bootstrapServers, complaintId, customerId, "דנה לוי", HEBREW_PROMISE);

        CustomerMails mails = allMailsTo(promise);

        assertThat(mails.request().subject()).isEqualTo("Was it done? Your request TK-000042");
        assertThat(mails.request().text()).startsWith("Hello דנה לוי").contains(HEBREW_PROMISE)
                .doesNotContain("שלום", "כן, זה בוצע");
        assertThat(mails.reminder().subject()).isEqualTo("Reminder: Was it done? Your request TK-000042");
        assertThat(mails.reminder().text()).doesNotContain("שלום");
        assertThat(mails.thanks().subject()).isEqualTo("Thank you for confirming: TK-000042");
        assertThat(mails.thanks().text()).doesNotContain("שלום");
        assertThat(mails.confirmPage()).contains(ENGLISH_PAGE).doesNotContain(HEBREW_REQUEST);
        assertThat(mails.surveyPage()).contains(ENGLISH_PAGE);
    }

    @Test
    void writesEnglishToACustomerWhoseComplaintWasInALanguageTheMailsAreNotWrittenIn() throws Exception {
        String complaintId = complaintId();
        String customerId = customerId();
        fileComplaint(complaintId, customerId, "ar");
        Promise promise = promise(bootstrapServers, complaintId, customerId, "דנה לוי", HEBREW_PROMISE);

        CapturedMail request = requestTo(promise);

        assertThat(request.subject()).isEqualTo("Was it done? Your request TK-000042");
        assertThat(request.text()).doesNotContain("שלום");
    }

    @Test
    void guessesFromHebrewLettersWhenTheComplaintIsUnknownOrItsLanguageUndetermined() throws Exception {
        Promise unknown = promise(bootstrapServers, complaintId(), customerId(), "Dana Levi", HEBREW_PROMISE);
        String undeterminedComplaint = complaintId();
        String customerId = customerId();
        fileComplaint(undeterminedComplaint, customerId, "und");
        Promise undetermined = promise(bootstrapServers, undeterminedComplaint, customerId, "Dana Levi",
                HEBREW_PROMISE);
        Promise plain = promise(bootstrapServers, complaintId(), customerId(), "Dana Levi", ENGLISH_PROMISE);

        assertThat(requestTo(unknown).subject()).startsWith(HEBREW_REQUEST);
        assertThat(requestTo(undetermined).subject()).startsWith(HEBREW_REQUEST);
        assertThat(requestTo(plain).subject()).isEqualTo("Was it done? Your request TK-000042");
    }

    @Test
    void takesTheLanguageOfAComplaintThatArrivedAfterThePromise() throws Exception {
        String complaintId = complaintId();
        String customerId = customerId();
        Promise promise = promise(bootstrapServers, complaintId, customerId, "Dana Levi", ENGLISH_PROMISE);
        fileComplaint(complaintId, customerId, "he");

        assertThat(requestTo(promise).subject()).startsWith(HEBREW_REQUEST);
    }

    @Test
    void takesTheCustomersLatestComplaintLanguageWhenThePromisesOwnComplaintIsUnknown() throws Exception {
        String customerId = customerId();
        fileComplaint(complaintId(), customerId, "he");
        Promise promise = promise(bootstrapServers, complaintId(), customerId, "Dana Levi", ENGLISH_PROMISE);

        assertThat(requestTo(promise).subject()).startsWith(HEBREW_REQUEST);
    }
}
