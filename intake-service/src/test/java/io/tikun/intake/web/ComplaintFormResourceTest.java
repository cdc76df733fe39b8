package io.tikun.intake.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.tikun.intake.complaint.Complaint;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.quarantine.QuarantineRepository;
import io.tikun.intake.quarantine.QuarantinedPayload;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ComplaintFormResourceTest {

    private static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String RECEIVED = "/complain/received/";
    private static final int WEB_LIMIT = 65_536;

    @Inject
    ComplaintRepository complaints;

    @Inject
    QuarantineRepository quarantine;

    /** A form as a browser got it: the cookie it was given and the hidden fields it must send back. */
    private record RenderedForm(Document page, String nonce, String csrf, String formId) {

        Map<String, String> fields(String name, String email, String subject, String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("csrf", csrf);
            fields.put("form-id", formId);
            fields.put("name", name);
            fields.put("email", email);
            fields.put("phone", "");
            fields.put("subject", subject);
            fields.put("reference", "");
            fields.put("text", text);
            fields.put("website", "");
            return fields;
        }
    }

    private static RenderedForm open(String query) {
        Response response = given().redirects().follow(false).get("/complain" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        return new RenderedForm(page, response.getCookie(ComplaintFormResource.CSRF_COOKIE),
                page.selectFirst("input[name=csrf]").val(), page.selectFirst("input[name=form-id]").val());
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Response post(String query, String nonce, Map<String, String> fields) {
        var request = given().redirects().follow(false).contentType(FORM_TYPE).body(encode(fields));
        if (nonce != null) {
            request.cookie(ComplaintFormResource.CSRF_COOKIE, nonce);
        }
        return request.post("/complain" + query);
    }

    private Complaint complaintOfForm(String formId) {
        return complaints.findByIdempotencyKey("web:form:" + formId).await().indefinitely();
    }

    private static String idIn(String location) {
        String path = location.substring(location.indexOf(RECEIVED) + RECEIVED.length());
        return path.substring(0, path.indexOf('?'));
    }

    @Test
    void rendersTheFormInHebrewRightToLeftByDefault() {
        Response response = given().get("/complain");

        response.then().statusCode(200).contentType("text/html");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Set-Cookie")).contains(ComplaintFormResource.CSRF_COOKIE + "=")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        Document page = Jsoup.parse(response.asString());
        Element html = page.selectFirst("html");
        assertThat(html.attr("lang")).isEqualTo("he");
        assertThat(html.attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("h1").text()).isEqualTo("ספרו לנו מה השתבש");
        assertThat(page.selectFirst("label[for=email]").text()).startsWith("דואר אלקטרוני");
        assertThat(page.selectFirst("#email").attr("aria-describedby")).isEqualTo("email-hint");
        assertThat(page.select("fieldset > legend").eachText()).containsExactly("פרטים אישיים", "הפנייה");
        for (String field : new String[] { "name", "email", "phone", "subject", "reference", "text" }) {
            assertThat(page.select("label[for=" + field + "]")).as(field).hasSize(1);
            assertThat(page.select("#" + field + "[name=" + field + "]")).as(field).hasSize(1);
        }
        Element english = page.selectFirst("#switch-language");
        assertThat(english.attr("href")).isEqualTo("/complain?lang=en");
        assertThat(english.attr("lang")).isEqualTo("en");
        assertThat(english.text()).isEqualTo("English");
        Element honeypot = page.selectFirst("input[name=website]");
        assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
        assertThat(honeypot.attr("autocomplete")).isEqualTo("off");
        assertThat(honeypot.parent().attr("aria-hidden")).isEqualTo("true");
    }

    @Test
    void rendersEnglishLeftToRightForTheLangParameterOrAcceptLanguage() {
        for (Response response : new Response[] { given().get("/complain?lang=en"),
                given().header("Accept-Language", "fr;q=1, en-GB;q=0.8, he;q=0.5").get("/complain") }) {
            Document page = Jsoup.parse(response.then().statusCode(200).extract().asString());
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
            assertThat(page.selectFirst("h1").text()).isEqualTo("Tell us what went wrong");
            assertThat(page.selectFirst("#switch-language").attr("href")).isEqualTo("/complain?lang=he");
            assertThat(page.selectFirst("form").attr("action")).isEqualTo("/complain?lang=en");
        }
        Document hebrew = Jsoup.parse(given().header("Accept-Language", "en").get("/complain?lang=he").asString());
        assertThat(hebrew.selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void refusesASubmissionWithoutItsCsrfCookieOrTokenAndStoresNothing() {
        RenderedForm form = open("?lang=en");
        Map<String, String> fields = form.fields("Dana Levi", "dana.csrf@example.com", "Broken heater", "It broke.");

        Response noCookie = post("?lang=en", null, fields);
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(noCookie.asString()).selectFirst("h1").text()).isEqualTo("The form could not be sent");

        Map<String, String> noToken = new LinkedHashMap<>(fields);
        noToken.remove("csrf");
        post("?lang=en", form.nonce(), noToken).then().statusCode(403);

        RenderedForm otherBrowser = open("?lang=he");
        Response foreign = post("?lang=he", otherBrowser.nonce(), fields);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(foreign.asString()).selectFirst("h1").text()).isEqualTo("לא ניתן היה לשלוח את הטופס");

        assertThat(complaintOfForm(form.formId())).isNull();
    }

    @Test
    void showsEachErrorNextToItsFieldKeepsTheValuesAndAnswers400() {
        RenderedForm form = open("?lang=en");
        Map<String, String> fields = form.fields("", "not-an-address", "Late delivery", "");
        fields.put("phone", "call me maybe");
        fields.put("reference", "R".repeat(101));

        Response response = post("?lang=en", form.nonce(), fields);

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("#error-summary a").eachAttr("href"))
                .containsExactly("#name", "#email", "#phone", "#reference", "#text");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Enter your full name");
        assertThat(page.selectFirst("#email-error").text()).isEqualTo("Enter an e-mail address like name@example.com");
        assertThat(page.selectFirst("#phone-error").text()).startsWith("Enter a phone number");
        assertThat(page.selectFirst("#reference-error").text()).isEqualTo("Use at most 100 characters (you wrote 101)");
        assertThat(page.selectFirst("#text-error").text()).isEqualTo("Enter your complaint");
        assertThat(page.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#email").attr("aria-describedby")).isEqualTo("email-hint email-error");
        assertThat(page.selectFirst("#email").val()).isEqualTo("not-an-address");
        assertThat(page.selectFirst("#subject").val()).isEqualTo("Late delivery");
        assertThat(page.selectFirst("#subject").hasAttr("aria-invalid")).isFalse();
        // The error sits inside the field's own block, between its label and its input.
        assertThat(page.selectFirst("#email-error").parent().selectFirst("label").attr("for")).isEqualTo("email");
        assertThat(page.selectFirst("input[name=form-id]").val()).isEqualTo(form.formId());
        assertThat(complaintOfForm(form.formId())).isNull();
    }

    @Test
    void writesTheErrorsInHebrewOnAHebrewPage() {
        RenderedForm form = open("");
        Response response = post("?lang=he", form.nonce(), form.fields("", "", "", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("#error-summary h2").text()).isEqualTo("יש בעיה בטופס");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("נא למלא שם מלא");
        assertThat(page.selectFirst("#email-error").text()).isEqualTo("נא למלא כתובת דואר אלקטרוני");
        assertThat(page.selectFirst("#text-error").text()).isEqualTo("נא למלא את תוכן הפנייה");
    }

    @Test
    void showsMarkupTypedIntoTheFormAsTextNeverAsMarkup() {
        RenderedForm form = open("?lang=en");
        String script = "<script>alert('x')</script><b onmouseover=\"steal()\">hi</b>";
        Map<String, String> fields = form.fields(script, "broken-email", "\"><img src=x onerror=alert(1)>", script);

        String html = post("?lang=en", form.nonce(), fields).then().statusCode(400).extract().asString();

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b onmouseover");
        assertThat(html).contains("&lt;script&gt;alert(");
        Document page = Jsoup.parse(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.selectFirst("#text").text()).isEqualTo(script);
        assertThat(page.selectFirst("#subject").val()).isEqualTo("\"><img src=x onerror=alert(1)>");
    }

    @Test
    void aFilledHoneypotFilesNoComplaintKeepsTheSubmissionAndThanksLikeASuccess() {
        RenderedForm form = open("?lang=en");
        Map<String, String> fields = form.fields("Bot", "bot@example.com", "Cheap pills", "Buy now");
        fields.put("website", "http://spam.example");

        Response response = post("?lang=en", form.nonce(), fields);

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.header("Location");
        assertThat(location).contains(RECEIVED).contains("lang=en").contains("t=");
        assertThat(complaintOfForm(form.formId())).isNull();
        QuarantinedPayload kept = quarantine.find(idIn(location)).await().indefinitely();
        assertThat(kept.reason()).isEqualTo("honeypot");
        assertThat(kept.channel()).isEqualTo("web-form");
        byte[] raw = quarantine.raw(kept.id()).await().indefinitely();
        assertThat(new String(raw, StandardCharsets.UTF_8)).isEqualTo(encode(fields));

        Document thanks = Jsoup.parse(given().get(location).then().statusCode(200).extract().asString());
        assertThat(thanks.selectFirst("h1").text()).isEqualTo("Thank you, we have your message");
        assertThat(thanks.selectFirst("#reference")).isNull();
    }

    @Test
    void anAdminCanFileAKeptAsideSubmissionThatWasGenuine() {
        RenderedForm form = open("?lang=he");
        Map<String, String> fields = form.fields("דנה לוי", "dana.autofill@example.com", "החשבונית שגויה",
                "חויבתי פעמיים על אותה הזמנה.");
        fields.put("website", "https://dana.example");
        String id = idIn(post("?lang=he", form.nonce(), fields).then().statusCode(303).extract().header("Location"));
        String admin = OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));

        String reference = given().auth().oauth2(admin).post("/api/v1/quarantine/" + id + "/replay")
                .then().statusCode(200).body("status", equalTo("REPLAYED")).extract().path("replayedAs");

        Complaint filed = complaintOfForm(form.formId());
        assertThat(filed.reference()).isEqualTo(reference);
        assertThat(filed.subject()).isEqualTo("החשבונית שגויה");
        given().auth().oauth2(admin).post("/api/v1/quarantine/" + id + "/replay").then().statusCode(409);
    }

    @Test
    void aValidFormBecomesOneWebComplaintAndRedirectsToItsReceipt() {
        RenderedForm form = open("?lang=en");
        Map<String, String> fields = form.fields("Dana Levi", "dana.form@example.com", "Heater broke again",
                "The heater you installed broke again.");
        fields.put("reference", "ORD-7781");
        fields.put("phone", "052-1234567");

        Response response = post("?lang=en", form.nonce(), fields);

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.header("Location");
        Complaint complaint = complaintOfForm(form.formId());
        assertThat(complaint.id()).isEqualTo(idIn(location));
        assertThat(complaint.channel()).isEqualTo("web");
        assertThat(complaint.customer().email()).isEqualTo("dana.form@example.com");
        assertThat(complaint.body()).isEqualTo("The heater you installed broke again.\n\nOrder or reference: ORD-7781");

        Document receipt = Jsoup.parse(given().get(location).then().statusCode(200).extract().asString());
        assertThat(receipt.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(receipt.selectFirst("#reference").text()).isEqualTo(complaint.reference()).startsWith("TK-");
        assertThat(receipt.selectFirst("#next").text()).isNotBlank();
        assertThat(receipt.selectFirst("#due").text()).matches("[A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}");
        assertThat(receipt.text()).contains("Israel").contains("dana.form@example.com");
    }

    @Test
    void sendingTheSameFormTwiceOrRefreshingTheReceiptShowsTheSameReference() {
        RenderedForm form = open("");
        Map<String, String> fields = form.fields("דנה לוי", "dana.twice@example.com", "המזגן התקלקל",
                "המזגן שהתקנתם התקלקל שוב.");

        String first = post("?lang=he", form.nonce(), fields).then().statusCode(303).extract().header("Location");
        String second = post("?lang=he", form.nonce(), fields).then().statusCode(303).extract().header("Location");

        // The same receipt; its link's signature may carry a later expiry when the second answer falls in a later second.
        assertThat(URI.create(second).getPath()).isEqualTo(URI.create(first).getPath());
        String reference = Jsoup.parse(given().get(first).asString()).selectFirst("#reference").text();
        String refreshed = Jsoup.parse(given().get(first).asString()).selectFirst("#reference").text();
        String resent = Jsoup.parse(given().get(second).asString()).selectFirst("#reference").text();
        assertThat(refreshed).isEqualTo(reference).isEqualTo(resent)
                .isEqualTo(complaintOfForm(form.formId()).reference());
    }

    @Test
    void theSameFormSentAgainWithOtherContentIsOfferedAsANewForm() {
        RenderedForm form = open("?lang=en");
        post("?lang=en", form.nonce(), form.fields("Dana Levi", "dana.edit@example.com", "First", "First text"))
                .then().statusCode(303);

        Response edited = post("?lang=en", form.nonce(),
                form.fields("Dana Levi", "dana.edit@example.com", "Second", "Edited text"));

        assertThat(edited.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(edited.asString());
        assertThat(page.selectFirst("#notice").text()).startsWith("This form was already sent");
        assertThat(page.selectFirst("#subject").val()).isEqualTo("Second");
        assertThat(page.selectFirst("input[name=form-id]").val()).isNotEqualTo(form.formId());
    }

    @Test
    void theReceiptNeedsItsSignedToken() {
        RenderedForm form = open("?lang=en");
        String location = post("?lang=en", form.nonce(),
                form.fields("Dana Levi", "dana.private@example.com", "Private", "Private text"))
                .then().statusCode(303).extract().header("Location");
        String id = idIn(location);

        given().get(RECEIVED + id + "?lang=en").then().statusCode(404);
        String forged = new SignedLinks(FormSecret.of("not-the-server-secret", new SecureRandom()), Clock.systemUTC())
                .token(ReceiptLinks.PURPOSE, id, Instant.now().plusSeconds(3600));
        given().get(RECEIVED + id + "?lang=en&t=" + forged).then().statusCode(404);
        String html = given().get(location.replace(id, "00000000-0000-0000-0000-000000000000")).then().statusCode(404)
                .extract().asString();
        assertThat(html).doesNotContain("dana.private@example.com");
    }

    @Test
    void refusesAFormLargerThanTheWebBodyCap() {
        RenderedForm form = open("?lang=en");
        Map<String, String> fields = form.fields("Dana Levi", "dana.big@example.com", "Big", "x".repeat(WEB_LIMIT));

        Response response = post("?lang=en", form.nonce(), fields);

        // Refused from its Content-Length before the body is read (BodyLimitFilter), hence a problem, not a page.
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(complaintOfForm(form.formId())).isNull();
    }
}
