package io.tikun.followup.exit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import io.tikun.followup.complaint.CustomerComplaint;
import io.tikun.followup.complaint.CustomerComplaintRepository;
import io.tikun.followup.inbox.ProcessedEventRepository;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.Contracts;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.PostgresTestResource;

/** Exit interviews: reported churn, and churn-intent complaints whose case closed without a kept promise. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ExitInterviewTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CustomerComplaintRepository complaints;

    @Inject
    CommitmentRepository commitments;

    @Inject
    ProcessedEventRepository processedEvents;

    private final ObjectMapper mapper = new ObjectMapper();

    private static String token(String role) {
        return OidcWiremockTestResource.getAccessToken("rina", Set.of(role));
    }

    /** Intake's published example, for this customer and complaint, with churn intent if asked. */
    private String complaintJson(String customerId, String complaintId, String reference, boolean churn)
            throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(Contracts.read("intake-service",
                "complaints.received.example.json"));
        event.put("complaintId", complaintId).put("reference", reference);
        ((ObjectNode) event.get("customer")).put("id", customerId);
        if (churn) {
            ((ArrayNode) event.get("reasons")).addObject().put("signal", "CHURN_INTENT").put("implies", "HIGH")
                    .put("evidence", "אני עוזב");
        }
        return mapper.writeValueAsString(event);
    }

    /** Routing's published example, for this case and complaint. */
    private String caseJson(String customerId, String complaintId, UUID caseId, String change, String status)
            throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(Contracts.read("routing-service", "cases.updated.example.json"));
        event.put("caseId", caseId.toString()).put("complaintId", complaintId).put("customerId", customerId)
                .put("change", change).put("status", status);
        return mapper.writeValueAsString(event);
    }

    private void send(String topic, String key, String eventId, String type, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send(topic, key, eventId, type, json);
        }
    }

    private CustomerComplaint complaint(String complaintId) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> complaints.findById(complaintId)));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Files a complaint through complaints.received and waits until followup has it. */
    private void fileComplaint(String customerId, String complaintId, String reference, boolean churn) throws Exception {
        send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                complaintJson(customerId, complaintId, reference, churn));
        await().atMost(WAIT).until(() -> complaint(complaintId) != null);
    }

    private boolean processed(String eventId) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> processedEvents
                    .alreadyProcessed(eventId)));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private void resolveCase(String customerId, String complaintId, UUID caseId, String eventId) throws Exception {
        send("cases.updated", customerId, eventId, "tikun.case.resolved",
                caseJson(customerId, complaintId, caseId, "resolved", "RESOLVED"));
    }

    private void awaitCaseResolved(String complaintId) {
        await().atMost(WAIT).until(() -> "RESOLVED".equals(complaint(complaintId).caseStatus));
    }

    private void seedCommitment(String customerId, UUID caseId, String complaintId, CommitmentStatus status)
            throws Throwable {
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.caseId = caseId;
        c.complaintId = complaintId;
        c.reference = "TK-000901";
        c.customerId = customerId;
        c.customerName = "Avi Cohen";
        c.what = "The router is replaced";
        c.owner = "yossi";
        c.dueAt = Instant.now().plus(Duration.ofDays(1));
        c.madeBy = "manager";
        c.madeAt = Instant.now();
        c.status = status;
        c.updatedAt = Instant.now();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> commitments.persist(c)));
    }

    /** The customer's interviews in the listing. */
    private static List<Map<String, Object>> interviewsOf(String customerId, String state) {
        var request = given().auth().oauth2(token("manager")).queryParam("size", 200);
        if (state != null) {
            request = request.queryParam("state", state);
        }
        return request.get("/api/v1/exit-interviews").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>> getList("$").stream()
                .filter(i -> customerId.equals(i.get("customerId"))).toList();
    }

    private static io.restassured.response.ValidatableResponse churned(String customerId, String body) {
        return given().auth().oauth2(token("agent")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/customers/" + customerId + "/churned").then();
    }

    @Test
    void reportingAChurnOpensOneInterviewWithTheCustomersHistory() throws Throwable {
        String customerId = "cust-" + UUID.randomUUID();
        String complaintId = "cmp-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        fileComplaint(customerId, complaintId, "TK-000900", false);
        seedCommitment(customerId, caseId, complaintId, CommitmentStatus.BROKEN);

        JsonPath opened = churned(customerId, "{\"reason\":\"moved to a competitor\"}").statusCode(201)
                .header("Location", containsString("/api/v1/exit-interviews/")).extract().jsonPath();

        assertThat(opened.getString("state")).isEqualTo("OPEN");
        assertThat(opened.getString("trigger")).isEqualTo("REPORTED");
        assertThat(opened.getString("reason")).isEqualTo("moved to a competitor");
        assertThat(opened.getString("requestedBy")).isEqualTo("rina");
        assertThat(opened.getString("history.complaints[0].reference")).isEqualTo("TK-000900");
        assertThat(opened.getString("history.complaints[0].subject")).isEqualTo("המזגן נשרף");
        assertThat(opened.getString("history.commitments[0].what")).isEqualTo("The router is replaced");
        assertThat(opened.getString("history.commitments[0].status")).isEqualTo("BROKEN");

        String again = churned(customerId, "{}").statusCode(200).extract().jsonPath().getString("id");
        assertThat(again).isEqualTo(opened.getString("id"));
        assertThat(interviewsOf(customerId, "OPEN")).hasSize(1);
        assertThat(interviewsOf(customerId, "COMPLETED")).isEmpty();
    }

    @Test
    void completingAnInterviewRecordsItsResultOnceAndANewChurnOpensANewOne() {
        String customerId = "cust-" + UUID.randomUUID();
        String id = churned(customerId, "{}").statusCode(201).extract().jsonPath().getString("id");

        given().auth().oauth2(token("manager")).contentType(ContentType.JSON)
                .body("{\"notes\":\"  הלקוח נשאר אחרי הנחה  \",\"outcome\":\"RETAINED\"}")
                .post("/api/v1/exit-interviews/" + id + "/complete").then().statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("outcome", equalTo("RETAINED"))
                .body("notes", equalTo("הלקוח נשאר אחרי הנחה"))
                .body("completedBy", equalTo("rina"));
        given().auth().oauth2(token("agent")).contentType(ContentType.JSON)
                .body("{\"notes\":\"again\",\"outcome\":\"LEFT\"}")
                .post("/api/v1/exit-interviews/" + id + "/complete").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("already completed"));

        assertThat(interviewsOf(customerId, "COMPLETED")).extracting(i -> i.get("id")).containsExactly(id);
        String next = churned(customerId, "{}").statusCode(201).extract().jsonPath().getString("id");
        assertThat(next).isNotEqualTo(id);
    }

    @Test
    void refusesACompletionWithoutNotesOrOutcomeAndAnUnknownInterview() {
        String id = churned("cust-" + UUID.randomUUID(), "{}").statusCode(201).extract().jsonPath().getString("id");

        given().auth().oauth2(token("agent")).contentType(ContentType.JSON).body("{\"notes\":\" \"}")
                .post("/api/v1/exit-interviews/" + id + "/complete").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("notes", "outcome"));
        given().auth().oauth2(token("agent")).contentType(ContentType.JSON)
                .body("{\"notes\":\"x\",\"outcome\":\"LEFT\"}")
                .post("/api/v1/exit-interviews/" + UUID.randomUUID() + "/complete").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @ParameterizedTest
    @CsvSource({ "state,NOPE,OPEN or COMPLETED", "state,open,OPEN or COMPLETED",
            "page,-1,from 0", "page,first,from 0", "page,10000000,from 0", "size,0,from 1 to 200",
            "size,201,from 1 to 200", "size,many,from 1 to 200" })
    void refusesABadListingParameterNamingItAndWhatItAllows(String parameter, String value, String allowed) {
        given().auth().oauth2(token("manager")).queryParam(parameter, value).get("/api/v1/exit-interviews").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems(parameter))
                .body("violations.message", hasItems(containsString(allowed)));
    }

    @Test
    void listsEveryStateOnOnePageOfTheLargestSize() {
        String customerId = "cust-" + UUID.randomUUID();
        churned(customerId, "{}").statusCode(201);

        given().auth().oauth2(token("manager")).queryParam("state", "OPEN").queryParam("page", 0)
                .queryParam("size", 200).get("/api/v1/exit-interviews").then().statusCode(200)
                .body("customerId", hasItems(customerId));
    }

    @Test
    void refusesAnonymousAndChannelCallers() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/customers/c-1/churned").then().statusCode(401)
                .contentType(PROBLEM);
        given().auth().oauth2(token("channel")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/customers/c-1/churned").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("channel")).get("/api/v1/exit-interviews").then().statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void aChurnIntentComplaintClosedWithoutAKeptPromiseOpensOneInterview() throws Throwable {
        String customerId = "cust-" + UUID.randomUUID();
        String complaintId = "cmp-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        fileComplaint(customerId, complaintId, "TK-000910", true);
        String eventId = UUID.randomUUID().toString();

        resolveCase(customerId, complaintId, caseId, eventId);
        resolveCase(customerId, complaintId, caseId, eventId);
        resolveCase(customerId, complaintId, caseId, UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> !interviewsOf(customerId, "OPEN").isEmpty());
        List<Map<String, Object>> opened = interviewsOf(customerId, null);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).containsEntry("trigger", "CHURN_INTENT_CASE_CLOSED")
                .containsEntry("caseId", caseId.toString())
                .containsEntry("requestedBy", "followup-service");
        assertThat(complaint(complaintId).resolvedAt).isNotNull();
    }

    @Test
    void aResolutionThatArrivesBeforeItsChurnComplaintStillOpensTheInterview() throws Throwable {
        String customerId = "cust-" + UUID.randomUUID();
        String complaintId = "cmp-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String resolution = UUID.randomUUID().toString();

        // The topics are consumed independently: routing's "resolved" can be applied before intake's complaint.
        resolveCase(customerId, complaintId, caseId, resolution);
        await().atMost(WAIT).until(() -> processed(resolution));
        fileComplaint(customerId, complaintId, "TK-000930", true);

        await().atMost(WAIT).until(() -> !interviewsOf(customerId, "OPEN").isEmpty());
        assertThat(interviewsOf(customerId, null)).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("trigger", "CHURN_INTENT_CASE_CLOSED")
                        .containsEntry("caseId", caseId.toString()));
        CustomerComplaint filed = complaint(complaintId);
        assertThat(filed.caseId).isEqualTo(caseId);
        assertThat(filed.caseStatus).isEqualTo("RESOLVED");
        assertThat(filed.resolvedAt).isNotNull();
    }

    @Test
    void noInterviewWhenTheChurnCasesPromiseWasKeptOrTheComplaintHadNoChurnIntent() throws Throwable {
        String keptCustomer = "cust-" + UUID.randomUUID();
        String keptComplaint = "cmp-" + UUID.randomUUID();
        UUID keptCase = UUID.randomUUID();
        fileComplaint(keptCustomer, keptComplaint, "TK-000920", true);
        seedCommitment(keptCustomer, keptCase, keptComplaint, CommitmentStatus.VERIFIED);
        String calmCustomer = "cust-" + UUID.randomUUID();
        String calmComplaint = "cmp-" + UUID.randomUUID();
        fileComplaint(calmCustomer, calmComplaint, "TK-000921", false);

        resolveCase(keptCustomer, keptComplaint, keptCase, UUID.randomUUID().toString());
        resolveCase(calmCustomer, calmComplaint, UUID.randomUUID(), UUID.randomUUID().toString());
        awaitCaseResolved(keptComplaint);
        awaitCaseResolved(calmComplaint);

        assertThat(interviewsOf(keptCustomer, null)).isEmpty();
        assertThat(interviewsOf(calmCustomer, null)).isEmpty();
    }

    @Test
    void deadLettersAnUnreadableCaseEvent() {
        String garbage = "{\"caseId\":\"not-a-uuid-" + UUID.randomUUID() + "\"}";
        try (KafkaTopicReader dlq = new KafkaTopicReader(bootstrapServers, "cases.updated.dlq")) {
            send("cases.updated", "k", UUID.randomUUID().toString(), "tikun.case.resolved", garbage);

            ConsumerRecord<String, String> dead = dlq.await(r -> garbage.equals(r.value()), WAIT);
            assertThat(KafkaTopicReader.header(dead, "dead-letter-reason")).contains("unreadable");
        }
    }
}
