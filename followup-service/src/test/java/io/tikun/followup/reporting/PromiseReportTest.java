package io.tikun.followup.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentChange;
import io.tikun.followup.commitment.CommitmentChangeRepository;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.csat.CsatResponse;
import io.tikun.followup.csat.CsatResponseRepository;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The promise report and the gauges on known data: commitments, their histories and ratings written through the
 * repositories into March 2031, a month no other test touches. Owner rep-dana is in team billing (%test config);
 * rep-avi is in no team.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PromiseReportTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    private static final String FROM = "2031-03-01T00:00:00Z";
    private static final String TO = "2031-04-01T00:00:00Z";

    @Inject
    CommitmentRepository commitments;

    @Inject
    CommitmentChangeRepository changes;

    @Inject
    CsatResponseRepository ratings;

    @Inject
    PromiseMetrics metrics;

    private static boolean seeded;

    private static String token(String role) {
        return OidcWiremockTestResource.getAccessToken("miri", Set.of(role));
    }

    private static Instant at(String march) {
        return Instant.parse("2031-" + march + ":00Z");
    }

    /** A commitment with its whole history: OPEN when made, then each (status, time) in order. */
    private final class Seed {
        final List<Object> rows = new ArrayList<>();

        UUID commitment(String owner, Instant madeAt, Instant dueAt, Object... then) {
            Commitment c = new Commitment();
            c.id = UUID.randomUUID();
            c.caseId = UUID.randomUUID();
            c.complaintId = "cmp-report";
            c.reference = "TK-003100";
            c.customerId = "cust-report-" + c.id;
            c.customerName = "Report Customer";
            c.what = "seeded for the report";
            c.owner = owner;
            c.dueAt = dueAt;
            c.madeBy = "manager";
            c.madeAt = madeAt;
            c.status = CommitmentStatus.OPEN;
            c.updatedAt = madeAt;
            rows.add(c);
            rows.add(CommitmentChange.of(c.id, null, CommitmentStatus.OPEN, "manager", "made", madeAt));
            CommitmentStatus from = CommitmentStatus.OPEN;
            for (int i = 0; i < then.length; i += 2) {
                CommitmentStatus to = (CommitmentStatus) then[i];
                rows.add(CommitmentChange.of(c.id, from, to, "seed", "seeded", (Instant) then[i + 1]));
                from = to;
                c.status = to;
            }
            return c.id;
        }

        void rating(UUID commitmentId, int score, Instant at) {
            CsatResponse r = new CsatResponse();
            r.commitmentId = commitmentId;
            r.score = (short) score;
            r.respondedAt = at;
            rows.add(r);
        }

        private Uni<Void> persist(Object row) {
            if (row instanceof Commitment c) {
                return commitments.persist(c).replaceWithVoid();
            }
            if (row instanceof CommitmentChange change) {
                return changes.persist(change).replaceWithVoid();
            }
            return ratings.persist((CsatResponse) row).replaceWithVoid();
        }

        void save() throws Throwable {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Object row : rows) {
                    chain = chain.chain(() -> persist(row));
                }
                return chain;
            }));
        }
    }

    /** The month's data, written once for the class. */
    private synchronized void seedMarch() throws Throwable {
        if (seeded) {
            return;
        }
        Seed seed = new Seed();
        // Kept on time: claimed before the due date, verified 10 days after the promise.
        UUID kept = seed.commitment("rep-dana", at("03-01T00:00"), at("03-10T00:00"),
                CommitmentStatus.CLAIMED_DONE, at("03-09T00:00"), CommitmentStatus.VERIFIED, at("03-11T00:00"));
        // Verified, but claimed a day late; verified 5 days after the promise.
        UUID late = seed.commitment("rep-dana", at("03-02T00:00"), at("03-05T00:00"),
                CommitmentStatus.CLAIMED_DONE, at("03-06T00:00"), CommitmentStatus.VERIFIED, at("03-07T00:00"));
        seed.commitment("rep-avi", at("03-01T00:00"), at("03-03T00:00"),
                CommitmentStatus.OVERDUE, at("03-03T00:00"), CommitmentStatus.BROKEN, at("03-05T00:00"));
        seed.commitment("rep-dana", at("03-01T00:00"), at("03-04T00:00"),
                CommitmentStatus.OVERDUE, at("03-04T00:00"), CommitmentStatus.BROKEN, at("03-06T00:00"));
        // Not settled yet: not counted for keeping on time.
        seed.commitment("rep-avi", at("03-01T00:00"), at("03-20T00:00"));
        // Due after the window, broken (disputed twice) inside it: counts as broken only.
        seed.commitment("rep-avi", at("03-01T00:00"), Instant.parse("2031-04-15T00:00:00Z"),
                CommitmentStatus.CLAIMED_DONE, at("03-20T00:00"), CommitmentStatus.BROKEN, at("03-25T00:00"));
        // Verified in February, rated in March: only its rating counts.
        UUID february = seed.commitment("rep-avi", Instant.parse("2031-02-01T00:00:00Z"),
                Instant.parse("2031-02-15T00:00:00Z"), CommitmentStatus.CLAIMED_DONE,
                Instant.parse("2031-02-10T00:00:00Z"), CommitmentStatus.VERIFIED, Instant.parse("2031-02-20T00:00:00Z"));
        seed.rating(kept, 5, at("03-12T00:00"));
        seed.rating(late, 2, at("03-08T00:00"));
        seed.rating(february, 4, at("03-02T00:00"));
        seed.save();
        seeded = true;
    }

    private static JsonPath report(String from, String to) {
        return given().auth().oauth2(token("manager")).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/reports/promises").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void reportsPromiseKeepingAndCsatOfTheWindowExactly() throws Throwable {
        seedMarch();

        JsonPath march = report(FROM, TO);

        assertThat(march.getLong("keptOnTime.settled")).isEqualTo(4);
        assertThat(march.getLong("keptOnTime.kept")).isEqualTo(1);
        assertThat(march.getDouble("keptOnTime.percent")).isEqualTo(25.0);
        assertThat(march.getLong("verifiedFix.verified")).isEqualTo(2);
        assertThat(march.getDouble("verifiedFix.meanSeconds")).isEqualTo(648_000.0);
        assertThat(march.getString("verifiedFix.mean")).isEqualTo("PT180H");
        assertThat(march.getLong("broken.total")).isEqualTo(3);
        assertThat(march.getList("broken.byOwner.owner")).containsExactly("rep-avi", "rep-dana");
        assertThat(march.getList("broken.byOwner.team")).containsExactly("unassigned", "billing");
        assertThat(march.getList("broken.byOwner.broken", Long.class)).containsExactly(2L, 1L);
        assertThat(march.getList("broken.byTeam.team")).containsExactly("billing", "unassigned");
        assertThat(march.getList("broken.byTeam.broken", Long.class)).containsExactly(1L, 2L);
        assertThat(march.getLong("csat.responses")).isEqualTo(3);
        assertThat(march.getDouble("csat.average")).isEqualTo(3.67);
        assertThat(march.getMap("csat.distribution")).containsEntry("1", 0).containsEntry("2", 1)
                .containsEntry("3", 0).containsEntry("4", 1).containsEntry("5", 1);
    }

    @Test
    void anEmptyWindowHasNoRatiosOrAverages() throws Throwable {
        seedMarch();

        JsonPath april = report("2031-05-01T00:00:00Z", "2031-06-01T00:00:00Z");

        assertThat(april.getLong("keptOnTime.settled")).isZero();
        assertThat(april.getString("keptOnTime.percent")).isNull();
        assertThat(april.getString("verifiedFix.mean")).isNull();
        assertThat(april.getList("broken.byOwner")).isEmpty();
        assertThat(april.getLong("csat.responses")).isZero();
        assertThat(april.getString("csat.average")).isNull();
    }

    @Test
    void theGaugesShowTheAllTimeReportFromTheDatabase() throws Throwable {
        seedMarch();

        PromiseReport allTime = VertxContextSupport.subscribeAndAwait(() -> metrics.refresh());
        String scraped = given().get(metricsUrl).then().statusCode(200).extract().asString();

        assertThat(gauge(scraped, "tikun_followup_promises_broken{owner=\"rep-dana\",team=\"billing\"}")).isEqualTo(1.0);
        assertThat(gauge(scraped, "tikun_followup_promises_broken{owner=\"rep-avi\",team=\"unassigned\"}"))
                .isEqualTo(2.0);
        assertThat(gauge(scraped, "tikun_followup_promises_settled"))
                .isEqualTo((double) allTime.keptOnTime().settled()).isGreaterThanOrEqualTo(4.0);
        assertThat(gauge(scraped, "tikun_followup_promises_kept_on_time"))
                .isEqualTo((double) allTime.keptOnTime().kept());
        assertThat(gauge(scraped, "tikun_followup_csat_responses{score=\"2\"}"))
                .isEqualTo((double) allTime.csat().distribution().get(2));
        JsonPath viaApi = report("1970-01-01T00:00:00Z", "9999-01-01T00:00:00Z");
        assertThat(viaApi.getLong("keptOnTime.settled")).isEqualTo(allTime.keptOnTime().settled());
        assertThat(viaApi.getLong("csat.responses")).isEqualTo(allTime.csat().responses());
    }

    @Test
    void onlyManagersReadReportsAndTheWindowMustBeValid() {
        given().auth().oauth2(token("agent")).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/reports/promises").then().statusCode(403).contentType("application/problem+json");
        given().queryParam("from", FROM).queryParam("to", TO).get("/api/v1/reports/promises").then().statusCode(401);
        given().auth().oauth2(token("admin")).queryParam("to", TO).get("/api/v1/reports/promises").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItems("from"))
                .body("violations.message", hasItems(containsString("required")));
        given().auth().oauth2(token("manager")).queryParam("from", TO).queryParam("to", FROM)
                .get("/api/v1/reports/promises").then().statusCode(400).body("detail", containsString("before"));
    }

    @ParameterizedTest
    @CsvSource({ "from,March", "to,2026-11-30", "from,''", "to,1 April" })
    void refusesABadWindowNamingTheParameter(String parameter, String value) {
        Map<String, String> window = new HashMap<>(Map.of("from", FROM, "to", TO));
        window.put(parameter, value);

        given().auth().oauth2(token("manager")).queryParams(window).get("/api/v1/reports/promises").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItems(parameter))
                .body("violations.message", hasItems(containsString("ISO-8601")));
    }

    @Test
    void refusesAnImpossibleDateNamingTheParameter() {
        given().auth().oauth2(token("manager")).queryParam("from", FROM).queryParam("to", "2031-04-31T00:00:00Z")
                .get("/api/v1/reports/promises").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'to'"));
    }

    private static double gauge(String scraped, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scraped);
        assertThat(line.find()).as("%s on /q/metrics", series).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
