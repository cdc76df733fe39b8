package io.tikun.routing.cases;

import static io.restassured.RestAssured.given;
import static io.tikun.routing.CaseFixtures.awaitCase;
import static io.tikun.routing.CaseFixtures.complaintJson;
import static io.tikun.routing.CaseFixtures.randomReference;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import io.tikun.routing.BearerPagesProfile;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The API's queue counts and pages no further than {@code tikun.routing.cases.count-up-to} (3 in this profile, the
 * workspace's), so its cost at a million cases is that of the first few thousand.
 */
@QuarkusTest
@TestProfile(BearerPagesProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseQueueLimitsTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static RequestSpecification agent() {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("bob", Set.of("agent")));
    }

    private List<String> openCases(int how) {
        List<String> complaints = new ArrayList<>();
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            for (int i = 0; i < how; i++) {
                String complaintId = UUID.randomUUID().toString();
                sender.send("complaints.received", "cust-" + complaintId, UUID.randomUUID().toString(),
                        "tikun.complaint.received", complaintJson(complaintId, randomReference(), "LOW"));
                complaints.add(complaintId);
            }
        }
        complaints.forEach(complaintId -> awaitCase(complaintId));
        return complaints;
    }

    @Test
    void theTotalIsCountedUpToTheCapAndSaysWhenMoreCasesMatch() {
        List<String> complaints = openCases(4);

        agent().queryParam("status", "OPEN").get("/api/v1/cases").then().statusCode(200)
                .header(CaseResource.TOTAL_COUNT, "3").header(CaseResource.TOTAL_COUNT_CAPPED, "true");
        agent().queryParam("complaintId", complaints.get(0)).get("/api/v1/cases").then().statusCode(200)
                .header(CaseResource.TOTAL_COUNT, "1").header(CaseResource.TOTAL_COUNT_CAPPED, "false")
                .body("size()", equalTo(1)).body("[0].complaintId", equalTo(complaints.get(0)));
    }

    @Test
    void aPageStartingPastTheCountedMatchesIsABadRequestThatSaysHowToNarrowTheQueue() {
        openCases(4);

        agent().queryParam("size", 1).queryParam("page", 2).get("/api/v1/cases").then().statusCode(200)
                .body("size()", equalTo(1));
        agent().queryParam("size", 1).queryParam("page", 3).get("/api/v1/cases").then().statusCode(400)
                .contentType(PROBLEM).body("status", equalTo(400))
                .body("detail", containsString("past the first 3 matches"))
                .body("detail", containsString("narrow it"));
        agent().queryParam("size", 2).queryParam("page", 2).queryParam("complaintId", "nothing-like-it")
                .get("/api/v1/cases").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void everyFilterCountsTheCasesItListsInEveryOrder() {
        String complaintId = openCases(1).get(0);
        // A new LOW case: open, unassigned, at the front line, its first response not yet due.
        Map<String, String> matching = Map.of("severity", "LOW", "level", "FRONTLINE", "status", "OPEN", "unassigned",
                "true");
        Map<String, String> other = Map.of("severity", "HIGH", "level", "TEAM_LEAD", "status", "RESOLVED", "assignee",
                "bob", "overdue", "true");
        for (String order : List.of("DUE", "NEXT_DUE", "NEWEST", "OLDEST")) {
            matching.forEach((filter, value) -> assertCounted(complaintId, filter, value, order, 1));
            other.forEach((filter, value) -> assertCounted(complaintId, filter, value, order, 0));
        }
    }

    private static void assertCounted(String complaintId, String filter, String value, String order, int expected) {
        agent().queryParam("complaintId", complaintId).queryParam(filter, value).queryParam("order", order)
                .get("/api/v1/cases").then().statusCode(200)
                .header(CaseResource.TOTAL_COUNT, String.valueOf(expected)).body("size()", equalTo(expected));
    }
}
