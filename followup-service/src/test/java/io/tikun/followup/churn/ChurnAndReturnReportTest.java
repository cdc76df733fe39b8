package io.tikun.followup.churn;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.followup.commitment.Commitment;
import io.tikun.followup.commitment.CommitmentRepository;
import io.tikun.followup.commitment.CommitmentStatus;
import io.tikun.followup.complaint.CaseChange;
import io.tikun.followup.complaint.CaseLevel;
import io.tikun.followup.complaint.CaseStatus;
import io.tikun.followup.complaint.CaseUpdated;
import io.tikun.followup.complaint.ComplaintChannel;
import io.tikun.followup.complaint.ComplaintFeedService;
import io.tikun.followup.complaint.ComplaintReceived;
import io.tikun.followup.complaint.Severity;
import io.tikun.followup.exit.ExitInterview;
import io.tikun.followup.exit.ExitInterviewRepository;
import io.tikun.followup.exit.ExitInterviewService;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.PostgresTestResource;

/**
 * The churn and return reports on a data set seeded through the service layer (the consumers' own service, the churn
 * endpoints, an exit interview) into January 2019, a month no other test touches. The right answers are worked out by
 * hand in the comments, from this data and the %test cost model in application.properties.
 *
 * <pre>
 * complaint  customer      churn  category (intake -> routing)  level reached      callbacks  1st resp.  promise   outcome (how)
 * A1         cust-churn-a  yes    other -> billing               TEAM_LEAD          0          within     VERIFIED  STAYED (POST outcome)
 * B1         cust-churn-b  yes    billing                        MANAGER_CALLBACK   2          missed     BROKEN    LEFT (reported churned)
 * C1         cust-churn-c  yes    delivery                       FRONTLINE          0          within     none      STAYED (quiet period: C2 later)
 * C2         cust-churn-c  no     delivery                       FRONTLINE          0          -          none      -
 * D1         cust-churn-d  yes    delivery                       FRONTLINE          0          missed     BROKEN    LEFT (exit interview, price)
 * E1         cust-churn-e  yes    (no classification)            (no case change)   0          unknown    none      UNKNOWN
 * F1         cust-churn-f  yes    billing                        TEAM_LEAD          0          within     VERIFIED  STAYED (POST outcome)
 * G1         cust-plain-g  no     billing                        FRONTLINE          0          within     none      -
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChurnAndReturnReportTest {

    private static final String FROM = "2019-01-01T00:00:00Z";
    private static final String TO = "2019-02-01T00:00:00Z";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    ComplaintFeedService feed;

    @Inject
    ChurnWatchService churnWatches;

    @Inject
    ChurnWatchRepository watches;

    @Inject
    ExitInterviewService exitInterviews;

    @Inject
    ExitInterviewRepository interviews;

    @Inject
    CommitmentRepository commitments;

    private static boolean seeded;

    private static String token(String role) {
        return OidcWiremockTestResource.getAccessToken("miri", Set.of(role));
    }

    private static Instant jan(String dayAndTime) {
        return Instant.parse("2019-01-" + dayAndTime + "Z");
    }

    private void complaint(String complaintId, String customerId, boolean churn, String category, Instant at)
            throws Throwable {
        ComplaintReceived received = new ComplaintReceived(complaintId, "TK-" + complaintId, ComplaintChannel.WEB,
                new ComplaintReceived.Customer(customerId, "לקוח " + customerId), "subject " + complaintId,
                Severity.HIGH,
                churn ? List.of(new ComplaintReceived.Reason(ComplaintReceived.CHURN_INTENT, Severity.HIGH, "אני עוזב"))
                        : List.of(),
                at, "he", category == null ? null : new ComplaintReceived.Classification(category));
        VertxContextSupport.subscribeAndAwait(() -> feed.complaintReceived(UUID.randomUUID().toString(), received));
    }

    private void caseChange(String complaintId, String customerId, UUID caseId, CaseChange change, CaseLevel level,
            String category, Boolean withinSla, Instant at) throws Throwable {
        CaseUpdated update = new CaseUpdated(caseId, complaintId, "TK-" + complaintId, customerId, change,
                change == CaseChange.RESPONDED ? CaseStatus.RESPONDED : CaseStatus.OPEN, null, at, "rep-dana", level,
                category, null, null, withinSla);
        VertxContextSupport.subscribeAndAwait(() -> feed.caseUpdated(UUID.randomUUID().toString(), update));
    }

    private void promise(String complaintId, String customerId, UUID caseId, CommitmentStatus status)
            throws Throwable {
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.caseId = caseId;
        c.complaintId = complaintId;
        c.reference = "TK-" + complaintId;
        c.customerId = customerId;
        c.customerName = "לקוח " + customerId;
        c.what = "seeded for the churn report";
        c.owner = "rep-dana";
        c.dueAt = jan("20T12:00:00");
        c.madeBy = "manager";
        c.madeAt = jan("10T12:00:00");
        c.status = status;
        c.updatedAt = jan("21T12:00:00");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> commitments.persist(c)));
    }

    private UUID watchOf(String complaintId) throws Throwable {
        return watch(complaintId).id;
    }

    private ChurnWatch watch(String complaintId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> watches.forComplaint(complaintId)));
    }

    private synchronized void seed() throws Throwable {
        if (seeded) {
            return;
        }
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), c2 = UUID.randomUUID(),
                d = UUID.randomUUID(), f = UUID.randomUUID(), g = UUID.randomUUID();

        complaint("A1", "cust-churn-a", true, "other", jan("03T09:00:00"));
        caseChange("A1", "cust-churn-a", a, CaseChange.OPENED, CaseLevel.FRONTLINE, null, null, jan("03T09:01:00"));
        // Routing re-categorises the case; the first response met its SLA; then it escalates (level only rises).
        caseChange("A1", "cust-churn-a", a, CaseChange.RESPONDED, CaseLevel.FRONTLINE, "billing", true,
                jan("03T10:00:00"));
        caseChange("A1", "cust-churn-a", a, CaseChange.ESCALATED, CaseLevel.TEAM_LEAD, null, null, jan("04T10:00:00"));
        promise("A1", "cust-churn-a", a, CommitmentStatus.VERIFIED);

        complaint("B1", "cust-churn-b", true, "billing", jan("04T09:00:00"));
        caseChange("B1", "cust-churn-b", b, CaseChange.OPENED, CaseLevel.SERVICE_MANAGER, null, null,
                jan("04T09:01:00"));
        caseChange("B1", "cust-churn-b", b, CaseChange.CALLBACK_SCHEDULED, CaseLevel.MANAGER_CALLBACK, null, false,
                jan("05T09:00:00"));
        // The customer was not reached: the next call is scheduled, a second callback.
        caseChange("B1", "cust-churn-b", b, CaseChange.CALLBACK_SCHEDULED, CaseLevel.MANAGER_CALLBACK, null, null,
                jan("06T09:00:00"));
        promise("B1", "cust-churn-b", b, CommitmentStatus.BROKEN);

        complaint("C1", "cust-churn-c", true, "delivery", jan("05T09:00:00"));
        caseChange("C1", "cust-churn-c", c, CaseChange.RESPONDED, CaseLevel.FRONTLINE, null, true, jan("05T10:00:00"));
        complaint("C2", "cust-churn-c", false, "delivery", jan("20T09:00:00"));
        caseChange("C2", "cust-churn-c", c2, CaseChange.OPENED, CaseLevel.FRONTLINE, null, null, jan("20T09:01:00"));

        complaint("D1", "cust-churn-d", true, "delivery", jan("06T09:00:00"));
        caseChange("D1", "cust-churn-d", d, CaseChange.RESPONDED, CaseLevel.FRONTLINE, null, false,
                jan("07T09:00:00"));
        promise("D1", "cust-churn-d", d, CommitmentStatus.BROKEN);

        complaint("E1", "cust-churn-e", true, null, jan("07T09:00:00"));

        complaint("F1", "cust-churn-f", true, "billing", jan("08T09:00:00"));
        caseChange("F1", "cust-churn-f", f, CaseChange.ESCALATED, CaseLevel.TEAM_LEAD, null, true, jan("08T10:00:00"));
        promise("F1", "cust-churn-f", f, CommitmentStatus.VERIFIED);

        complaint("G1", "cust-plain-g", false, "billing", jan("09T09:00:00"));
        caseChange("G1", "cust-plain-g", g, CaseChange.RESPONDED, CaseLevel.FRONTLINE, null, true, jan("09T10:00:00"));

        // A and F: someone records that they stayed.
        for (String complaintId : List.of("A1", "F1")) {
            given().auth().oauth2(token("agent")).contentType(ContentType.JSON)
                    .body("{\"outcome\":\"STAYED\",\"note\":\"נשאר אחרי שיחה\"}")
                    .post("/api/v1/churn-watches/" + watchOf(complaintId) + "/outcome").then().statusCode(200)
                    .body("outcome", equalTo("STAYED")).body("decidedBecause", equalTo("EXPLICIT"));
        }
        // B: reported churned.
        given().auth().oauth2(token("agent")).contentType(ContentType.JSON).body("{\"reason\":\"moved to a rival\"}")
                .post("/api/v1/customers/cust-churn-b/churned").then().statusCode(201);
        // D: the closed churn-intent case opened an exit interview; it records that the customer left, for price.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> exitInterviews.openForClosedChurnCase("cust-churn-d", d, "TK-D1", null)));
        ExitInterview interview = VertxContextSupport
                .subscribeAndAwait(() -> Panache.withSession(() -> interviews.openFor("cust-churn-d")));
        given().auth().oauth2(token("manager")).contentType(ContentType.JSON)
                .body("{\"notes\":\"עבר לחברה אחרת בגלל המחיר\",\"outcome\":\"LEFT\",\"reason\":\"price\"}")
                .post("/api/v1/exit-interviews/" + interview.id + "/complete").then().statusCode(200)
                .body("exitReason", equalTo("price"));
        // C: the quiet period (90 days) has long passed and C2 came after C1. E was never seen again: UNKNOWN.
        VertxContextSupport.subscribeAndAwait(() -> churnWatches.settleQuietWatches());
        seeded = true;
    }

    @Test
    void eachWayOfKnowingTheOutcomeDecidesTheWatch() throws Throwable {
        seed();

        Map<String, String> expected = Map.of("A1", "STAYED/EXPLICIT", "B1", "LEFT/CHURN_REPORTED", "C1",
                "STAYED/QUIET_PERIOD", "D1", "LEFT/EXIT_INTERVIEW", "E1", "UNKNOWN/null", "F1", "STAYED/EXPLICIT");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            ChurnWatch w = watch(e.getKey());
            assertThat(w.outcome + "/" + w.decidedBecause).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(watch("C2")).as("no churn intent, no watch").isNull();
        assertThat(watch("G1")).isNull();
    }

    @Test
    void churnReportRatesChurnByCategoryPromiseAndFirstResponse() throws Throwable {
        seed();

        JsonPath report = given().auth().oauth2(token("manager")).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/reports/churn").then().statusCode(200).extract().jsonPath();

        // 6 watches (A1 B1 C1 D1 E1 F1): left B D = 2, stayed A C F = 3, unknown E = 1.
        // 2/6 = 33.33 %; among decided 2/5 = 40 %.
        assertGroup(report, "overall", "all", 6, 2, 3, 1, 33.33f, 40.0f);
        // billing A B F: left B, stayed A F -> 1/3 = 33.33, 1/3 = 33.33.
        // delivery C D: left D, stayed C -> 1/2 = 50, 50. unknown E: 0/1 = 0, no decided rate.
        assertThat(report.getList("byCategory.group")).containsExactly("billing", "delivery", "unknown");
        assertGroup(report, "byCategory[0]", "billing", 3, 1, 2, 0, 33.33f, 33.33f);
        assertGroup(report, "byCategory[1]", "delivery", 2, 1, 1, 0, 50.0f, 50.0f);
        assertGroup(report, "byCategory[2]", "unknown", 1, 0, 0, 1, 0.0f, null);
        // Promise broken B D: both left -> 100 %. Kept A F: both stayed -> 0 %. None C E: C stayed, E unknown -> 0 %.
        assertGroup(report, "byPromise[0]", "BROKEN", 2, 2, 0, 0, 100.0f, 100.0f);
        assertGroup(report, "byPromise[1]", "KEPT", 2, 0, 2, 0, 0.0f, 0.0f);
        assertGroup(report, "byPromise[2]", "NONE", 2, 0, 1, 1, 0.0f, 0.0f);
        // First response missed B D: both left -> 100 %. Within A C F: all stayed -> 0 %. Unknown E.
        assertGroup(report, "byFirstResponse[0]", "MISSED_SLA", 2, 2, 0, 0, 100.0f, 100.0f);
        assertGroup(report, "byFirstResponse[1]", "UNKNOWN", 1, 0, 0, 1, 0.0f, null);
        assertGroup(report, "byFirstResponse[2]", "WITHIN_SLA", 3, 0, 3, 0, 0.0f, 0.0f);

        String csv = given().auth().oauth2(token("manager")).accept("text/csv").queryParam("from", FROM)
                .queryParam("to", TO).get("/api/v1/reports/churn").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).contains(
                "dimension,group,watched,left,stayed,unknown,churn_percent,decided_churn_percent",
                "overall,all,6,2,3,1,33.33,40",
                "category,billing,3,1,2,0,33.33,33.33",
                "category,unknown,1,0,0,1,0,",
                "promise,BROKEN,2,2,0,0,100,100",
                "first_response,WITHIN_SLA,3,0,3,0,0,0");
    }

    private static void assertGroup(JsonPath report, String path, String group, int watched, int left, int stayed,
            int unknown, Float churn, Float decided) {
        assertThat(report.getString(path + ".group")).isEqualTo(group);
        assertThat(report.getInt(path + ".watched")).as(path + " watched").isEqualTo(watched);
        assertThat(report.getInt(path + ".left")).as(path + " left").isEqualTo(left);
        assertThat(report.getInt(path + ".stayed")).as(path + " stayed").isEqualTo(stayed);
        assertThat(report.getInt(path + ".unknown")).as(path + " unknown").isEqualTo(unknown);
        assertThat((Float) report.get(path + ".churnPercent")).as(path + " churn").isEqualTo(churn);
        assertThat((Float) report.get(path + ".decidedChurnPercent")).as(path + " decided").isEqualTo(decided);
    }

    @Test
    void returnReportWeighsTheValueOfThoseWhoStayedAgainstHandlingCost() throws Throwable {
        seed();

        JsonPath report = given().auth().oauth2(token("manager")).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/reports/return").then().statusCode(200).extract().jsonPath();

        // Handling, 8 complaints (A1 B1 C1 C2 D1 E1 F1 G1) at the %test costs:
        // FRONTLINE C1 C2 D1 G1 + E1 (no level known, costed as FRONTLINE) = 5 x 40 = 200
        // TEAM_LEAD A1 F1 = 2 x 90 = 180; SERVICE_MANAGER none = 0; MANAGER_CALLBACK B1 = 1 x 350 = 350
        // callbacks: B1's 2 x 150 = 300. Total 200 + 180 + 0 + 350 + 300 = 1030.
        assertThat(report.getString("currency")).isEqualTo("ILS");
        assertThat(report.getInt("handling.complaints")).isEqualTo(8);
        assertThat(report.getList("handling.byLevel.complaints", Integer.class)).containsExactly(5, 2, 0, 1);
        assertThat(money(report, "handling.byLevel[0].cost")).isEqualByComparingTo("200");
        assertThat(money(report, "handling.byLevel[1].cost")).isEqualByComparingTo("180");
        assertThat(money(report, "handling.byLevel[3].cost")).isEqualByComparingTo("350");
        assertThat(report.getInt("handling.callbacks")).isEqualTo(2);
        assertThat(money(report, "handling.callbackCost")).isEqualByComparingTo("300");
        assertThat(money(report, "handling.total")).isEqualByComparingTo("1030");
        // Stayed: A (default tier standard, 1200), C (tier gold, 5000), F (own value 3000) = 9200 a year,
        // plus 3 x 800 acquisition cost saved = 2400. Benefit 11600.
        // Ratio 11600 / 1030 = 11.2621.. -> 11.26. ROI (11600 - 1030) x 100 / 1030 = 1026.2135.. -> 1026.21 %.
        assertThat(report.getList("retained.byCustomer.customerId")).containsExactly("cust-churn-a", "cust-churn-c",
                "cust-churn-f");
        assertThat(report.getList("retained.byCustomer.basis")).containsExactly("tier", "tier", "customer");
        assertThat(report.getList("retained.byCustomer.tier")).containsExactly("standard", "gold", "standard");
        assertThat(money(report, "retained.yearlyValue")).isEqualByComparingTo("9200");
        assertThat(money(report, "retained.acquisitionCostSaved")).isEqualByComparingTo("2400");
        assertThat(money(report, "benefit")).isEqualByComparingTo("11600");
        assertThat(money(report, "ratio")).isEqualByComparingTo("11.26");
        assertThat(money(report, "roiPercent")).isEqualByComparingTo("1026.21");
        // Every figure used is beside the results.
        Map<String, String> assumptions = new HashMap<>();
        List<Map<String, String>> listed = report.getList("assumptions");
        listed.forEach(a -> assumptions.put(a.get("name"), a.get("value")));
        assertThat(assumptions).containsEntry("handling-cost.FRONTLINE", "40").containsEntry("handling-cost.TEAM_LEAD", "90")
                .containsEntry("handling-cost.SERVICE_MANAGER", "200")
                .containsEntry("handling-cost.MANAGER_CALLBACK", "350").containsEntry("callback-cost", "150")
                .containsEntry("acquisition-cost", "800").containsEntry("tier-value.standard", "1200")
                .containsEntry("tier-value.gold", "5000").containsEntry("default-tier", "standard")
                .containsEntry("customer-value.cust-churn-f", "3000");

        String csv = given().auth().oauth2(token("manager")).accept("text/csv").queryParam("from", FROM)
                .queryParam("to", TO).get("/api/v1/reports/return").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).contains("kind,name,value,note", "handling,total,1030,8 complaints; ILS",
                "retained,yearly-value,9200,3 customers; ILS", "result,benefit,11600,ILS",
                "result,ratio,11.26,benefit / handling cost",
                "assumption,callback-cost,150,\"cost of one manager callback routing scheduled, on top of the level's cost\"");
    }

    private static BigDecimal money(JsonPath report, String path) {
        return new BigDecimal(report.getString(path));
    }

    @Test
    void refusesAnExitReasonOutsideTheListNamingEveryAllowedOne() throws Throwable {
        String customerId = "cust-" + UUID.randomUUID();
        String id = given().auth().oauth2(token("agent")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/customers/" + customerId + "/churned").then().statusCode(201).extract().jsonPath()
                .getString("id");

        for (String body : List.of("{\"notes\":\"left\",\"outcome\":\"LEFT\"}",
                "{\"notes\":\"left\",\"outcome\":\"LEFT\",\"reason\":\"cheaper\"}")) {
            given().auth().oauth2(token("manager")).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/exit-interviews/" + id + "/complete").then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("reason"))
                    .body("violations[0].message",
                            equalTo("must be one of: price, service, product, competitor-offer, moved, other"));
        }
        // Retained without a reason is fine; the interview is then completed.
        given().auth().oauth2(token("manager")).contentType(ContentType.JSON)
                .body("{\"notes\":\"stays\",\"outcome\":\"RETAINED\"}")
                .post("/api/v1/exit-interviews/" + id + "/complete").then().statusCode(200);
    }

    @Test
    void refusesAnOutcomeOtherThanStayedOrLeftAndAnUnknownWatch() {
        given().auth().oauth2(token("agent")).contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\"}")
                .post("/api/v1/churn-watches/" + UUID.randomUUID() + "/outcome").then().statusCode(400)
                .contentType(PROBLEM).body("violations.message", hasItem("must be STAYED or LEFT"));
        given().auth().oauth2(token("agent")).contentType(ContentType.JSON).body("{\"outcome\":\"LEFT\"}")
                .post("/api/v1/churn-watches/" + UUID.randomUUID() + "/outcome").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void reportsNeedAWindowAndAManager() {
        given().auth().oauth2(token("manager")).queryParam("to", TO).get("/api/v1/reports/churn").then()
                .statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("manager")).queryParam("from", "yesterday").queryParam("to", TO)
                .get("/api/v1/reports/return").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token("agent")).queryParam("from", FROM).queryParam("to", TO)
                .get("/api/v1/reports/return").then().statusCode(403);
    }
}
