package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;

/**
 * The steps of a complaint's journey through a running stack, taken the way a customer, the service
 * manager and an agent take them: intake's API, routing's API, follow-up's API and the mail sandbox.
 */
final class ComplaintJourney {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern CONFIRM_LINK = Pattern.compile("Yes, it was done:\\s*(http\\S+)");
    static final Pattern DENY_LINK = Pattern.compile("No, it was not done:\\s*(http\\S+)");
    private static final String TOKEN_PARAMETER = "token=";

    private final LocalStack stack;
    private final KeycloakTokens tokens;

    ComplaintJourney(LocalStack stack) {
        this.stack = stack;
        this.tokens = new KeycloakTokens(stack.keycloak());
    }

    KeycloakTokens tokens() {
        return tokens;
    }

    /**
     * A mobile number no other test uses, typed as people type it ("+972 52 123 4567"): intake takes a phone number for
     * the customer's identity, so tests sharing a stack must not share one.
     */
    static String uniquePhone() {
        int digits = ThreadLocalRandom.current().nextInt(10_000_000);
        String seven = String.format("%07d", digits);
        return "+972 52 " + seven.substring(0, 3) + " " + seven.substring(3);
    }

    /** The number as intake passes it on: E.164. */
    static String e164(String typed) {
        return typed.replace(" ", "");
    }

    /** Dana files a complaint on the web channel that intake must rate CRITICAL; returns intake's receipt. */
    JsonPath fileCriticalWebComplaint(String email) {
        return fileCriticalWebComplaint(email, uniquePhone());
    }

    /** The same with the phone number Dana types ({@link #uniquePhone()}). */
    JsonPath fileCriticalWebComplaint(String email, String phone) {
        return given().auth().oauth2(tokens.channel()).contentType(ContentType.JSON)
                .body("""
                        {"channel":"web","customer":{"name":"Dana Levi","email":"%s","phone":"%s"},
                         "subject":"The heater caught fire","body":"It burned the wall. I am calling my lawyer."}"""
                        .formatted(email, phone))
                .post(stack.intake().url() + "/api/v1/complaints")
                .then().statusCode(202).extract().jsonPath();
    }

    /** The case routing opened for {@code complaintId}, as the manager's case list shows it. */
    JsonPath awaitOpenedCase(String complaintId) {
        String manager = tokens.user("manager");
        return await().atMost(WAIT).until(() -> given().auth().oauth2(manager)
                .queryParam("complaintId", complaintId).get(stack.routing().url() + "/api/v1/cases")
                .then().statusCode(200).extract().jsonPath(), json -> json.getList("$").size() == 1)
                .setRootPath("[0]");
    }

    /** The whole case, with its escalation steps and alerts. */
    JsonPath caseView(String caseId) {
        return given().auth().oauth2(tokens.user("manager")).get(stack.routing().url() + "/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The manager promises the customer something on the case through routing's API; returns the commitment id. */
    String makeCommitment(String caseId, String what, String owner, Instant due) {
        return given().auth().oauth2(tokens.user("manager")).contentType(ContentType.JSON)
                .body(Map.of("what", what, "owner", owner, "dueAt", due.toString()))
                .post(stack.routing().url() + "/api/v1/cases/" + caseId + "/commitments")
                .then().statusCode(202).extract().path("commitmentId");
    }

    /** The commitment follow-up tracks for the case, once commitments.made reached it. */
    JsonPath awaitTrackedCommitment(String caseId) {
        String agent = tokens.user("agent");
        return await().atMost(WAIT).until(() -> given().auth().oauth2(agent)
                .queryParam("caseId", caseId).get(stack.followup().url() + "/api/v1/commitments")
                .then().statusCode(200).extract().jsonPath(), json -> json.getList("$").size() == 1)
                .setRootPath("[0]");
    }

    /** The owner says the promise was kept, which asks the customer whether it was. */
    void claimDone(String commitmentId, String note) {
        given().auth().oauth2(tokens.user("agent")).contentType(ContentType.JSON).body(Map.of("note", note))
                .post(stack.followup().url() + "/api/v1/commitments/" + commitmentId + "/claim-done")
                .then().statusCode(200);
    }

    /** The "Was it done?" mail follow-up sends the customer after a claim. */
    CapturedMail awaitWasItDoneQuestion(String email) {
        return stack.mail().await(m -> m.isTo(email) && m.subject().contains("Was it done?"), WAIT);
    }

    String commitmentStatus(String commitmentId) {
        return given().auth().oauth2(tokens.user("agent"))
                .get(stack.followup().url() + "/api/v1/commitments/" + commitmentId)
                .then().statusCode(200).extract().path("status");
    }

    /** The first link in {@code mail} that {@code pattern} captures. */
    static String link(CapturedMail mail, Pattern pattern) {
        Matcher matcher = pattern.matcher(mail.text());
        assertThat(matcher.find()).as("a link matching %s in %s", pattern, mail.text()).isTrue();
        return matcher.group(1);
    }

    /** The signed token a customer link carries, which the page's form posts back. */
    static String tokenOf(String link) {
        String token = link.substring(link.indexOf(TOKEN_PARAMETER) + TOKEN_PARAMETER.length());
        int next = token.indexOf('&');
        return next < 0 ? token : token.substring(0, next);
    }
}
