package io.tikun.routing.cases;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** Agents act only on the cases they hold; managers and admins on every case. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseOwnershipTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Every request that changes a case or acts on its behalf, in an order a case can go through. */
    private static Map<String, String> mutations() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("wait-on-customer", null);
        all.put("resume", null);
        all.put("replies", "{\"text\":\"We are on it\"}");
        all.put("notes", "{\"text\":\"She prefers calls after 17:00\"}");
        all.put("first-response", "{\"summary\":\"Called her back\"}");
        all.put("commitments", "{\"what\":\"A technician comes on Tuesday\",\"owner\":\"yossi\",\"dueAt\":\""
                + Instant.now().plusSeconds(86_400) + "\"}");
        all.put("resolve",
                "{\"resolution\":\"Heater replaced\",\"category\":\"product_defect\",\"rootCause\":\"product-defect\"}");
        all.put("reopen", "{\"reason\":\"Still smells of gas\"}");
        return all;
    }

    private String openCaseHeldBy(String agent) {
        String complaintId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                    "tikun.complaint.received", complaintJson(complaintId, randomReference(), "MEDIUM"));
        }
        String id = awaitCase(complaintId).getString("id");
        post(agent, "agent", id, "claim", null).then().statusCode(200).body("assignee", equalTo(agent));
        return id;
    }

    private static Response post(String user, String role, String caseId, String action, String json) {
        var request = given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(role)));
        if (json != null) {
            request.contentType(ContentType.JSON).body(json);
        }
        return request.post("/api/v1/cases/" + caseId + "/" + action);
    }

    private static long version(String caseId) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("bob", Set.of("agent")))
                .get("/api/v1/cases/" + caseId).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void refusesAnAgentEveryChangeToACaseAnotherAgentHolds() {
        String id = openCaseHeldBy("bob");
        long before = version(id);

        mutations().forEach((action, body) -> post("carol", "agent", id, action, body).then()
                .statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403))
                .body("detail", equalTo("The case is held by another agent; ask a manager to reassign it.")));
        post("carol", "agent", id, "claim", null).then().statusCode(409).contentType(PROBLEM);

        assertThat(version(id)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void letsAManagerAndAnAdminActOnACaseAnAgentHolds() {
        String id = openCaseHeldBy("bob");
        Map<String, String> all = mutations();
        int i = 0;
        for (Map.Entry<String, String> m : all.entrySet()) {
            String[] who = i++ % 2 == 0 ? new String[] { "mira", "manager" } : new String[] { "adam", "admin" };
            int expected = m.getKey().equals("commitments") ? 202 : 200;
            post(who[0], who[1], id, m.getKey(), m.getValue()).then().log().ifValidationFails().statusCode(expected);
        }
        assertThat(given().auth().oauth2(OidcWiremockTestResource.getAccessToken("bob", Set.of("agent")))
                .get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath().getString("status"))
                .isEqualTo("OPEN");
    }

    @Test
    void landsEveryUnpinnedChangeWhenTwoArriveAtOnce() throws Exception {
        String id = openCaseHeldBy("bob");
        long before = version(id);
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            String text = "{\"text\":\"Round " + round + "\"}";
            var first = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> post("bob", "agent", id, "notes", text).statusCode());
            var second = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> post("mira", "manager", id, "notes", text).statusCode());
            assertThat(List.of(first.get(), second.get())).as("round %d", round).containsExactly(200, 200);
        }
        assertThat(version(id)).as("every note changed the case once").isEqualTo(before + 2L * rounds);
    }

    @Test
    void letsTheAgentWhoHoldsTheCaseWorkIt() {
        String id = openCaseHeldBy("bob");
        mutations().forEach((action, body) -> post("bob", "agent", id, action, body).then()
                .statusCode(action.equals("commitments") ? 202 : 200));
    }
}
