package io.tikun.followup.verification;

import static io.restassured.RestAssured.given;
import static io.tikun.followup.commitment.CommitmentFixtures.WAIT;
import static io.tikun.followup.commitment.CommitmentFixtures.claimDone;
import static io.tikun.followup.commitment.CommitmentFixtures.promise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

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
import io.tikun.followup.message.CustomerMessageRequests;
import io.tikun.followup.message.RequestedMessages;
import io.tikun.followup.message.RequestedMessages.Requested;
import io.tikun.followup.time.TestClock;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The messages to the customer (the question whether it was done, its reminder, the thanks) are written in the
 * language intake detected in the customer's complaint (he, en, ar, ru; English for any other), whatever language the
 * agent wrote the promise in; the guess from the script of the name or the promise is left for customers whose
 * complaint language follow-up does not know. The request names the language, for intake's layout (he and ar right to
 * left).
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
    private static final String ENGLISH_PAGE = "<html lang=\"en\" dir=\"ltr\">";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CustomerComplaintRepository complaints;

    @Inject
    DeadlineJob job;

    @Inject
    TestClock clock;

    @Inject
    FollowupConfig config;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The question, the reminder and the thanks requested for one customer, and the page the link opens. */
    private record CustomerMails(Requested request, Requested reminder, Requested thanks, String confirmPage) {
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

    private Requested requestTo(Promise promise) {
        claimDone(promise, "replaced it").statusCode(200);
        return RequestedMessages.awaitOnce(bootstrapServers, CustomerMessageRequests.verifyId(promise.id(), 1));
    }

    /** Claimed done, left unanswered until the reminder, then confirmed through the first question's link. */
    private CustomerMails allMailsTo(Promise promise) throws Exception {
        try (RequestedMessages requested = new RequestedMessages(bootstrapServers)) {
            Requested request = requestTo(promise);
            clock.advance(config.lifecycle().customerReminderAfter().plusMinutes(1));
            String reminderId = CustomerMessageRequests.verifyReminderId(promise.id(), 1);
            // One pass takes a batch of what is due, other tests' commitments included: pass until ours was reminded.
            await().atMost(WAIT).until(() -> {
                onVertx(() -> job.runOnce());
                return !requested.all(body -> reminderId.equals(body.path("messageId").asText()), Duration.ofMillis(500))
                        .isEmpty();
            });
            Requested reminder = requested.await(reminderId);
            String confirm = request.token(0);
            String confirmPage = given().queryParam("token", confirm).get("/verify").then().statusCode(200).extract()
                    .asString();
            given().contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParam("token", confirm)
                    .post("/verify").then().statusCode(200);
            Requested thanks = requested.await(CustomerMessageRequests.thankYouId(promise.id()));
            return new CustomerMails(request, reminder, thanks, confirmPage);
        }
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

        assertThat(mails.request().language()).isEqualTo("he");
        assertThat(mails.request().subject()).isEqualTo(HEBREW_REQUEST);
        assertThat(mails.request().text()).startsWith("שלום Dana Levi").contains(ENGLISH_PROMISE)
                .doesNotContain("Hello");
        assertThat(mails.reminder().language()).isEqualTo("he");
        assertThat(mails.reminder().subject()).startsWith(HEBREW_REMINDER);
        assertThat(mails.reminder().text()).startsWith("שלום Dana Levi");
        assertThat(mails.thanks().language()).isEqualTo("he");
        assertThat(mails.thanks().subject()).isEqualTo(HEBREW_THANKS);
        assertThat(mails.thanks().text()).startsWith("שלום Dana Levi");
        // The page the link opens speaks Hebrew too.
        assertThat(mails.confirmPage()).contains(HEBREW_PAGE, HEBREW_REQUEST);
    }

    @Test
    void writesOnlyEnglishToACustomerWhoseComplaintWasInEnglishThoughThePromiseIsInHebrew() throws Exception {
        String complaintId = complaintId();
        String customerId = customerId();
        fileComplaint(complaintId, customerId, "en");
        Promise promise = promise(bootstrapServers, complaintId, customerId, "דנה לוי", HEBREW_PROMISE);

        CustomerMails mails = allMailsTo(promise);

        assertThat(mails.request().language()).isEqualTo("en");
        assertThat(mails.request().subject()).isEqualTo("Was it done?");
        assertThat(mails.request().text()).startsWith("Hello דנה לוי").contains(HEBREW_PROMISE)
                .containsPattern("Yes, it was done: http\\S+").doesNotContain("שלום", "כן, זה בוצע");
        assertThat(mails.reminder().subject()).isEqualTo("Reminder: Was it done?");
        assertThat(mails.reminder().text()).doesNotContain("שלום");
        assertThat(mails.thanks().subject()).isEqualTo("Thank you for confirming");
        assertThat(mails.thanks().text()).doesNotContain("שלום");
        assertThat(mails.confirmPage()).contains(ENGLISH_PAGE).doesNotContain(HEBREW_REQUEST);
    }

    @Test
    void writesInArabicOrRussianToACustomerWhoseComplaintWasInThatLanguage() throws Exception {
        String arabicComplaint = complaintId();
        String arabicCustomer = customerId();
        fileComplaint(arabicComplaint, arabicCustomer, "ar");
        Promise arabic = promise(bootstrapServers, arabicComplaint, arabicCustomer, "Dana Levi", HEBREW_PROMISE);
        String russianComplaint = complaintId();
        String russianCustomer = customerId();
        fileComplaint(russianComplaint, russianCustomer, "ru");
        Promise russian = promise(bootstrapServers, russianComplaint, russianCustomer, "Dana Levi", ENGLISH_PROMISE);

        Requested inArabic = requestTo(arabic);
        Requested inRussian = requestTo(russian);

        assertThat(inArabic.language()).isEqualTo("ar");
        assertThat(inArabic.subject()).isEqualTo("هل تمّ ذلك؟");
        assertThat(inArabic.text()).startsWith("مرحبًا Dana Levi").contains("نعم، تمّ ذلك: " + inArabic.link(0));
        assertThat(inRussian.language()).isEqualTo("ru");
        assertThat(inRussian.subject()).isEqualTo("Это сделано?");
        assertThat(inRussian.text()).startsWith("Здравствуйте, Dana Levi!")
                .contains("Да, это сделано: " + inRussian.link(0));
        // The pages behind the links speak their language too, with English under each text.
        assertThat(given().queryParam("token", inArabic.token(0)).get("/verify").then().statusCode(200).extract()
                .asString()).contains("<html lang=\"ar\" dir=\"rtl\">", "هل تمّ ذلك؟", "نعم، تمّ ذلك", HEBREW_PROMISE,
                        "<span class=\"en\" lang=\"en\" dir=\"ltr\">Was it done?</span>");
        assertThat(given().queryParam("token", inRussian.token(0)).get("/verify").then().statusCode(200).extract()
                .asString()).contains("<html lang=\"ru\" dir=\"ltr\">", "Это сделано?", "Да, это сделано");
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

        assertThat(requestTo(unknown).subject()).isEqualTo(HEBREW_REQUEST);
        assertThat(requestTo(undetermined).subject()).isEqualTo(HEBREW_REQUEST);
        assertThat(requestTo(plain).subject()).isEqualTo("Was it done?");
    }

    @Test
    void takesTheLanguageOfAComplaintThatArrivedAfterThePromise() throws Exception {
        String complaintId = complaintId();
        String customerId = customerId();
        Promise promise = promise(bootstrapServers, complaintId, customerId, "Dana Levi", ENGLISH_PROMISE);
        fileComplaint(complaintId, customerId, "he");

        assertThat(requestTo(promise).subject()).isEqualTo(HEBREW_REQUEST);
    }

    @Test
    void takesTheCustomersLatestComplaintLanguageWhenThePromisesOwnComplaintIsUnknown() throws Exception {
        String customerId = customerId();
        fileComplaint(complaintId(), customerId, "he");
        Promise promise = promise(bootstrapServers, complaintId(), customerId, "Dana Levi", ENGLISH_PROMISE);

        assertThat(requestTo(promise).subject()).isEqualTo(HEBREW_REQUEST);
    }
}
