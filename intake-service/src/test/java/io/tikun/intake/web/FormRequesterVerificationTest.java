package io.tikun.intake.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.MailSandbox;
import io.tikun.stack.testing.InjectMailSandbox;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * Anyone can type anyone's address into the anonymous form: the mail it triggers says nothing the submitter wrote,
 * and the complaint joins the address owner's history only once the owner confirms it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class FormRequesterVerificationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s]+(/complain/confirm/[^\\s]+)");

    @InjectMailSandbox
    MailSandbox mail;

    @Inject
    ComplaintRepository complaints;

    private static String agent() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    /** An existing customer, known from a complaint through the trusted JSON API; returns the customer id. */
    private static String existingCustomer(String email) {
        String id = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("gateway", Set.of("channel")))
                .contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana Levi\",\"email\":\"" + email
                        + "\"},\"subject\":\"Late delivery\",\"body\":\"My parcel is late.\"}")
                .post("/api/v1/complaints").then().statusCode(202).extract().path("id");
        return given().auth().oauth2(agent()).get("/api/v1/complaints/" + id).then().statusCode(200).extract()
                .path("customer.id");
    }

    private static List<String> timelineReferences(String customerId) {
        return given().auth().oauth2(agent()).get("/api/v1/customers/" + customerId + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("reference", String.class);
    }

    private Complaint sendForm(String name, String email, String subject) {
        FormBrowser.RenderedForm form = FormBrowser.open();
        form.send(form.fields(name, email, subject, "Someone else wrote this.")).then().statusCode(303);
        return complaints.findByIdempotencyKey("web:form:" + form.formId()).await().indefinitely();
    }

    private static String confirmationPath(CapturedMail ack) {
        Matcher link = CONFIRM_LINK.matcher(ack.text());
        assertThat(link.find()).as("confirmation link in: %s", ack.text()).isTrue();
        return link.group(1);
    }

    @Test
    void acknowledgesAFormComplaintWithoutAnyTextTheSubmitterTyped() {
        String email = "victim+" + UUID.randomUUID() + "@example.com";
        String name = "Your bank: call 03-5550000 now";
        String subject = "Account suspended, visit evil.example";

        Complaint complaint = sendForm(name, email, subject);

        CapturedMail ack = mail.await(m -> m.isTo(email), WAIT);
        assertThat(ack.subject()).contains(complaint.reference()).doesNotContain("suspended").doesNotContain("evil");
        assertThat(ack.text()).contains(complaint.reference()).doesNotContain("bank").doesNotContain("03-5550000")
                .doesNotContain("suspended").doesNotContain("evil.example").doesNotContain("Someone else wrote");
        assertThat(confirmationPath(ack)).startsWith("/complain/confirm/" + complaint.id());
    }

    @Test
    void aFormComplaintWithAKnownCustomersEmailJoinsTheirTimelineOnlyAfterTheOwnerConfirms() {
        String email = "owner+" + UUID.randomUUID() + "@example.com";
        String owner = existingCustomer(email);
        mail.await(m -> m.isTo(email), WAIT);

        Complaint fromForm = sendForm("Dana Levi", email, "Heater broke");

        assertThat(fromForm.customer().id()).isNotEqualTo(owner);
        assertThat(timelineReferences(owner)).doesNotContain(fromForm.reference());
        CapturedMail ack = mail.await(m -> m.isTo(email) && m.text().contains(fromForm.reference()), WAIT);
        String confirm = confirmationPath(ack);

        // Opening the link only asks: mail scanners open links too.
        Document question = Jsoup.parse(given().get(confirm).then().statusCode(200).extract().asString());
        assertThat(timelineReferences(owner)).doesNotContain(fromForm.reference());
        String token = question.selectFirst("form#confirm input[name=t]").val();

        given().contentType(FormBrowser.FORM_TYPE).body("t=" + token).post(question.selectFirst("form#confirm")
                .attr("action")).then().statusCode(200);

        assertThat(timelineReferences(owner)).contains(fromForm.reference());
        assertThat(complaints.findById(fromForm.id()).await().indefinitely().customer().id()).isEqualTo(owner);
    }

    @Test
    void aConfirmationLinkWorksOnceAndOnlyWithItsSignature() {
        String email = "once+" + UUID.randomUUID() + "@example.com";
        String owner = existingCustomer(email);
        Complaint fromForm = sendForm("Dana Levi", email, "Broken again");
        String confirm = confirmationPath(mail.await(m -> m.isTo(email) && m.text().contains(fromForm.reference()), WAIT));
        String path = confirm.substring(0, confirm.indexOf('?'));

        given().contentType(FormBrowser.FORM_TYPE).body("t=forged").post(path).then().statusCode(404);
        assertThat(timelineReferences(owner)).doesNotContain(fromForm.reference());

        String token = confirm.substring(confirm.indexOf("t=") + 2);
        given().contentType(FormBrowser.FORM_TYPE).body("t=" + token).post(path).then().statusCode(200);
        Document again = Jsoup.parse(given().contentType(FormBrowser.FORM_TYPE).body("t=" + token).post(path).then()
                .statusCode(410).extract().asString());
        assertThat(again.selectFirst("h1").text()).isNotBlank();
        assertThat(timelineReferences(owner)).containsOnlyOnce(fromForm.reference());
    }
}
