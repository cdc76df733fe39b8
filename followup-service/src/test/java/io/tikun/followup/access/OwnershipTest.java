package io.tikun.followup.access;

import static io.restassured.RestAssured.given;
import static io.tikun.followup.commitment.CommitmentFixtures.PROBLEM;
import static io.tikun.followup.commitment.CommitmentFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentChange;
import io.tikun.followup.commitment.CommitmentChangeRepository;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** Agents act only on the promises and exit interviews they hold; managers and admins on all of them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OwnershipTest {

    private static final String OWNER = "yossi";
    private static final String OTHER_AGENT = "omer";

    @Inject
    CommitmentRepository commitments;

    @Inject
    CommitmentChangeRepository changes;

    /** A promise owned by {@link #OWNER}, stored directly in this status with a history that leads there. */
    private UUID seed(CommitmentStatus status) throws Throwable {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.caseId = UUID.randomUUID();
        c.complaintId = "cmp-" + c.id;
        c.reference = "TK-000777";
        c.customerId = "cust-" + c.id;
        c.customerName = "Dana Levi";
        c.customerEmail = "customer-" + c.id + "@example.co.il";
        c.what = "A technician replaces the heater";
        c.owner = OWNER;
        c.dueAt = now.plus(Duration.ofDays(2));
        c.madeBy = "manager";
        c.madeAt = now.minus(Duration.ofDays(1));
        c.status = status;
        c.updatedAt = now;
        List<CommitmentChange> history = status == CommitmentStatus.DISPUTED
                ? List.of(CommitmentChange.of(c.id, null, CommitmentStatus.OPEN, "manager", "promised", c.madeAt),
                        CommitmentChange.of(c.id, CommitmentStatus.OPEN, CommitmentStatus.CLAIMED_DONE, OWNER, "done",
                                now.minus(Duration.ofHours(2))),
                        CommitmentChange.of(c.id, CommitmentStatus.CLAIMED_DONE, CommitmentStatus.DISPUTED, "customer",
                                "still cold", now.minus(Duration.ofHours(1))))
                : List.of(CommitmentChange.of(c.id, null, CommitmentStatus.OPEN, "manager", "promised", c.madeAt));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> commitments.persist(c).chain(() -> changes.persist(history))));
        return c.id;
    }

    private static String status(UUID id) {
        return given().auth().oauth2(token(OWNER, "agent")).get("/api/v1/commitments/" + id).then().statusCode(200)
                .extract().jsonPath().getString("status");
    }

    private static ValidatableResponse claimDone(UUID id, String user, String role) {
        return given().auth().oauth2(token(user, role)).contentType(ContentType.JSON)
                .body("{\"note\":\"replaced the heater\"}").post("/api/v1/commitments/" + id + "/claim-done").then();
    }

    private static ValidatableResponse reopen(UUID id, String user, String role) {
        return given().auth().oauth2(token(user, role)).contentType(ContentType.JSON)
                .body("{\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(5)) + "\",\"note\":\"new part ordered\"}")
                .post("/api/v1/commitments/" + id + "/reopen").then();
    }

    private static String reportChurn(String agent) {
        return given().auth().oauth2(token(agent, "agent")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/customers/cust-" + UUID.randomUUID() + "/churned").then().statusCode(201).extract()
                .jsonPath().getString("id");
    }

    private static ValidatableResponse complete(String interviewId, String user, String role) {
        return given().auth().oauth2(token(user, role)).contentType(ContentType.JSON)
                .body("{\"notes\":\"called, stays after a discount\",\"outcome\":\"RETAINED\"}")
                .post("/api/v1/exit-interviews/" + interviewId + "/complete").then();
    }

    @Test
    void anAgentCannotClaimDoneAPromiseAnotherAgentOwns() throws Throwable {
        UUID id = seed(CommitmentStatus.OPEN);

        claimDone(id, OTHER_AGENT, "agent").statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403)).body("detail", containsString("owner"));

        assertThat(status(id)).isEqualTo("OPEN");
    }

    @Test
    void theOwnerAndAManagerMayClaimDone() throws Throwable {
        UUID mine = seed(CommitmentStatus.OPEN);
        UUID anyones = seed(CommitmentStatus.OPEN);

        claimDone(mine, OWNER, "agent").statusCode(200).body("status", equalTo("CLAIMED_DONE"));
        claimDone(anyones, "rina", "manager").statusCode(200).body("status", equalTo("CLAIMED_DONE"))
                .body("history[-1].actor", equalTo("rina"));
    }

    @Test
    void anAgentCannotReopenAPromiseAnotherAgentOwns() throws Throwable {
        UUID id = seed(CommitmentStatus.DISPUTED);

        reopen(id, OTHER_AGENT, "agent").statusCode(403).contentType(PROBLEM).body("status", equalTo(403));

        assertThat(status(id)).isEqualTo("DISPUTED");
    }

    @Test
    void theOwnerAndAManagerMayReopen() throws Throwable {
        UUID mine = seed(CommitmentStatus.DISPUTED);
        UUID anyones = seed(CommitmentStatus.DISPUTED);

        reopen(mine, OWNER, "agent").statusCode(200).body("status", equalTo("OPEN"));
        reopen(anyones, "rina", "manager").statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void anAgentCannotCompleteAnExitInterviewAnotherAgentHolds() {
        String id = reportChurn(OWNER);

        complete(id, OTHER_AGENT, "agent").statusCode(403).contentType(PROBLEM).body("status", equalTo(403));

        given().auth().oauth2(token("rina", "manager")).queryParam("state", "OPEN").queryParam("size", 200)
                .get("/api/v1/exit-interviews").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.state", equalTo("OPEN"));
    }

    @Test
    void theAgentHoldingAnExitInterviewAManagerAndAnAdminMayCompleteIt() {
        complete(reportChurn(OWNER), OWNER, "agent").statusCode(200).body("state", equalTo("COMPLETED"));
        complete(reportChurn(OWNER), "rina", "manager").statusCode(200).body("completedBy", equalTo("rina"));
        complete(reportChurn(OWNER), "root", "admin").statusCode(200).body("state", equalTo("COMPLETED"));
    }
}
