package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;

/**
 * The whole system as it runs for real: the three packaged services, Kafka, PostgreSQL, the
 * MongoDB-protocol server, Keycloak and the mail sandbox, each in its own process or server.
 */
@ExtendWith(SharedStack.class)
class CriticalComplaintJourneyIT {

    private static final Duration WAIT = ComplaintJourney.WAIT;

    private static LocalStack stack;
    private static KeycloakTokens tokens;
    private static ComplaintJourney journey;

    @BeforeAll
    static void startTikun() {
        stack = SharedStack.stack();
        journey = new ComplaintJourney(stack);
        tokens = journey.tokens();
    }

    @Test
    void criticalWebComplaintReachesTheManagerAndItsPromiseIsConfirmedByTheCustomer() {
        String email = "dana+" + UUID.randomUUID() + "@example.com";
        String phone = ComplaintJourney.uniquePhone();
        JsonPath receipt = journey.fileCriticalWebComplaint(email, phone);
        assertThat(receipt.getString("severity")).isEqualTo("CRITICAL");
        String complaintId = receipt.getString("id");
        String reference = receipt.getString("reference");

        JsonPath opened = journey.awaitOpenedCase(complaintId);
        assertThat(opened.getString("level")).isEqualTo("SERVICE_MANAGER");
        assertThat(opened.getString("reference")).isEqualTo(reference);
        // Typed as "+972 52 123 4567"; intake passes it on in E.164, the form a manager's phone dials.
        assertThat(opened.getString("customer.phone")).isEqualTo(ComplaintJourney.e164(phone));

        CapturedMail alert = stack.mail().await(
                m -> m.isTo(LocalStack.SERVICE_MANAGER_EMAIL) && m.subject().contains(reference), WAIT);
        assertThat(alert.subject()).contains("CRITICAL").contains("Dana Levi");
        assertThat(alert.text()).contains("I am calling my lawyer.").contains(ComplaintJourney.e164(phone));

        String caseId = opened.getString("id");
        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Owned by the demo agent, who later says it was done: only a promise's owner (or a manager) may.
        String commitmentId = journey.makeCommitment(caseId, "A technician replaces the heater and repaints the wall",
                "agent", due);

        JsonPath tracked = journey.awaitTrackedCommitment(caseId);
        assertThat(tracked.getString("id")).isEqualTo(commitmentId);
        assertThat(tracked.getString("status")).isEqualTo("OPEN");
        assertThat(tracked.getString("reference")).isEqualTo(reference);
        assertThat(Instant.parse(tracked.getString("dueAt"))).isEqualTo(due);

        CapturedMail acknowledgement = stack.mail().await(m -> m.isTo(email) && m.subject().contains(reference), WAIT);
        assertThat(acknowledgement.text()).contains("You will hear from us by");

        confirmTheFixLikeTheCustomer(commitmentId, email);
    }

    /** The owner says it is done; the customer follows the "yes" link in the mail and confirms on the page. */
    private void confirmTheFixLikeTheCustomer(String commitmentId, String email) {
        journey.claimDone(commitmentId, "Heater replaced, wall repainted");
        String yes = ComplaintJourney.link(journey.awaitWasItDoneQuestion(email), ComplaintJourney.CONFIRM_LINK);

        given().get(yes).then().statusCode(200);
        assertThat(journey.commitmentStatus(commitmentId)).isEqualTo("CLAIMED_DONE");
        String token = ComplaintJourney.tokenOf(yes);
        given().formParam("token", token).post(stack.followup().url() + "/verify").then().statusCode(200);

        assertThat(journey.commitmentStatus(commitmentId)).isEqualTo("VERIFIED");
        given().formParam("token", token).post(stack.followup().url() + "/verify").then().statusCode(409);
    }

    @Test
    void rolesFromKeycloakAreEnforcedByEveryService() {
        String agent = tokens.user("agent");
        given().auth().oauth2(agent).contentType(ContentType.JSON).body("{}")
                .post(stack.intake().url() + "/api/v1/complaints").then().statusCode(403);
        // A channel's token is issued for intake alone: routing refuses it as not meant for it.
        given().auth().oauth2(tokens.channel()).get(stack.routing().url() + "/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(401);
        given().get(stack.followup().url() + "/api/v1/commitments?caseId=" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void everyServiceExposesHealthMetricsAndApiDocsOnItsManagementPortOnly() {
        for (ServiceProcess service : List.of(stack.intake(), stack.routing(), stack.followup())) {
            given().get(service.managementUrl() + "/q/health").then().statusCode(200).body("status", equalTo("UP"));
            given().get(service.managementUrl() + "/q/metrics").then().statusCode(200);
            given().get(service.managementUrl() + "/q/openapi?format=json").then().statusCode(200)
                    .body("openapi", org.hamcrest.Matchers.startsWith("3."));
            for (String path : List.of("/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                given().get(service.url() + path).then().statusCode(404);
            }
            // Production profile: Swagger UI stays off unless an operator turns it on.
            given().get(service.managementUrl() + "/q/swagger-ui/").then().statusCode(404);
        }
    }
}
