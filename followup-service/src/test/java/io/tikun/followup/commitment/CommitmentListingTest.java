package io.tikun.followup.commitment;

import static io.restassured.RestAssured.given;
import static io.tikun.followup.commitment.CommitmentFixtures.PROBLEM;
import static io.tikun.followup.commitment.CommitmentFixtures.agentToken;
import static io.tikun.followup.commitment.CommitmentFixtures.claimDone;
import static io.tikun.followup.commitment.CommitmentFixtures.promise;
import static io.tikun.followup.commitment.CommitmentFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.tikun.followup.commitment.CommitmentFixtures.Promise;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/** Listing commitments by owner, status, due date and case, paged. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CommitmentListingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static Response list(Map<String, ?> query) {
        return given().auth().oauth2(agentToken()).queryParams(query).get("/api/v1/commitments");
    }

    private static List<String> ids(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    /** Three promises of one new owner, due in one, two and three days; the second claimed done. */
    private List<Promise> threePromisesOfOneOwner() {
        String owner = "owner-" + UUID.randomUUID();
        Instant base = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        UUID caseId = UUID.randomUUID();
        List<Promise> promises = List.of(promise(bootstrapServers, owner, caseId, base),
                promise(bootstrapServers, owner, caseId, base.plus(Duration.ofDays(1))),
                promise(bootstrapServers, owner, UUID.randomUUID(), base.plus(Duration.ofDays(2))));
        claimDone(promises.get(1), "done").statusCode(200);
        return promises;
    }

    private static String id(Promise promise) {
        return promise.id().toString();
    }

    @Test
    void listsAnOwnersPromisesEarliestDueFirstWithTheTotal() {
        List<Promise> promises = threePromisesOfOneOwner();

        Response response = list(Map.of("owner", promises.get(0).owner()));

        assertThat(response.header("X-Total-Count")).isEqualTo("3");
        assertThat(ids(response)).containsExactly(id(promises.get(0)), id(promises.get(1)), id(promises.get(2)));
        assertThat(response.jsonPath().getString("[1].history[1].to")).isEqualTo("CLAIMED_DONE");
    }

    @Test
    void pagesThroughTheListKeepingTheTotal() {
        List<Promise> promises = threePromisesOfOneOwner();
        String owner = promises.get(0).owner();

        Response first = list(Map.of("owner", owner, "size", 2, "page", 0));
        Response second = list(Map.of("owner", owner, "size", 2, "page", 1));

        assertThat(ids(first)).containsExactly(id(promises.get(0)), id(promises.get(1)));
        assertThat(ids(second)).containsExactly(id(promises.get(2)));
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(second.header("X-Total-Count")).isEqualTo("3");
    }

    @Test
    void sortsLatestDueFirstOnRequest() {
        List<Promise> promises = threePromisesOfOneOwner();

        assertThat(ids(list(Map.of("owner", promises.get(0).owner(), "sort", "-dueAt"))))
                .containsExactly(id(promises.get(2)), id(promises.get(1)), id(promises.get(0)));
    }

    @Test
    void filtersByStatusDueDateAndCase() {
        List<Promise> promises = threePromisesOfOneOwner();
        String owner = promises.get(0).owner();
        Instant secondDue = Instant.parse(list(Map.of("owner", owner)).jsonPath().getString("[1].dueAt"));

        assertThat(ids(list(Map.of("owner", owner, "status", "CLAIMED_DONE")))).containsExactly(id(promises.get(1)));
        assertThat(ids(list(Map.of("owner", owner, "status", "OPEN,CLAIMED_DONE")))).hasSize(3);
        // dueAfter is inclusive and dueBefore exclusive, so consecutive windows neither overlap nor leave gaps.
        assertThat(ids(list(Map.of("owner", owner, "dueAfter", secondDue.toString()))))
                .containsExactly(id(promises.get(1)), id(promises.get(2)));
        assertThat(ids(list(Map.of("owner", owner, "dueBefore", secondDue.toString()))))
                .containsExactly(id(promises.get(0)));
        assertThat(ids(list(Map.of("caseId", promises.get(0).caseId())))).containsExactly(id(promises.get(0)),
                id(promises.get(1)));
    }

    @Test
    void anEmptyPageStillCarriesTheTotal() {
        Response response = list(Map.of("owner", "nobody-" + UUID.randomUUID()));

        assertThat(ids(response)).isEmpty();
        assertThat(response.header("X-Total-Count")).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({ "status,FINISHED", "status,'OPEN,'", "dueBefore,tomorrow", "dueAfter,2026-11-25", "caseId,42",
            "page,-1", "page,first", "page,10000000", "size,0", "size,101", "sort,what", "sort,+dueAt" })
    void refusesABadParameterNamingIt(String parameter, String value) {
        list(Map.of(parameter, value)).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems(parameter));
    }

    @Test
    void refusesAnImpossibleDateNamingTheParameter() {
        list(Map.of("dueBefore", "2026-13-01T00:00:00Z")).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("dueBefore"));
    }

    @Test
    void letsAdminsListButNotChannelsOrAnonymousCallers() {
        given().auth().oauth2(token("root", "admin")).get("/api/v1/commitments").then().statusCode(200);
        given().auth().oauth2(token("web", "channel")).get("/api/v1/commitments").then().statusCode(403)
                .contentType(PROBLEM);
        given().get("/api/v1/commitments").then().statusCode(401).contentType(PROBLEM);
    }
}
