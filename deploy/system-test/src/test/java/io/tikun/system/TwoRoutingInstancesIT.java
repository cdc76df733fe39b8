package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;
import io.tikun.stack.testing.KafkaTopicReader;

/**
 * Two routing-service JVMs on one PostgreSQL database, one Kafka broker and one consumer group, with
 * SLA targets of seconds: every overdue case climbs each rung exactly once, the service manager gets
 * each alert exactly once, and when one instance is killed the other fires every timer left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoRoutingInstancesIT {

    private static final int CASES_PER_WAVE = 8;
    /** MEDIUM cases: FRONTLINE, then TEAM_LEAD, then the MEDIUM ceiling SERVICE_MANAGER: two timed rungs. */
    private static final Duration FIRST_RESPONSE = Duration.ofSeconds(6);
    private static final Duration RE_ESCALATE_AFTER = Duration.ofSeconds(5);
    private static final List<String> RUNGS = List.of("FRONTLINE", "TEAM_LEAD", "SERVICE_MANAGER");
    /** A case's steps start with its placement on the initial rung; the timed climbs follow. */
    private static final int FIRST_TIMED_STEP = 1;
    /** Issue #5's target for deadline → escalation; asserted only as a sanity bound, the numbers are printed. */
    private static final Duration ON_TIME = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A killed instance's claimed events and alerts are sent by the other once its claim lapses. */
    private static final Duration CLAIM_FOR = Duration.ofSeconds(10);
    /** How long to keep listening after the last expected event, to see that nothing comes twice. */
    private static final Duration QUIET = Duration.ofSeconds(8);
    /** The delivery states of a case's e-mail alerts (the console's stream has rows of its own). */
    private static final String EMAIL_ALERT_STATES = "notifications.findAll { it.channel == 'email' }.state";
    /** What EscalationJob logs for each batch it escalated. */
    private static final String ESCALATION_LOGGED = "with an overdue first response";

    private static TwoInstanceStack two;
    private static ServiceProcess routingA;
    private static ServiceProcess routingB;

    @BeforeAll
    static void startTwoRoutingInstances() {
        two = TwoInstanceStack.start(LocalStack.ROUTING, Map.of(
                "TIKUN_ROUTING_SLA_FIRST_RESPONSE_MEDIUM", FIRST_RESPONSE.toString(),
                "TIKUN_ROUTING_SLA_AROUND_THE_CLOCK_MEDIUM", "true",
                "TIKUN_ROUTING_ESCALATION_RE_ESCALATE_AFTER", RE_ESCALATE_AFTER.toString(),
                "TIKUN_ROUTING_OUTBOX_CLAIM_FOR", CLAIM_FOR.toString(),
                "TIKUN_ROUTING_NOTIFICATIONS_DELIVERY_CLAIM_FOR", CLAIM_FOR.toString()), "cases.updated");
        routingA = two.first;
        routingB = two.second;
    }

    @AfterAll
    static void stopTikun() {
        if (two != null) {
            two.close();
        }
    }

    @Test
    @Order(1)
    void everyOverdueCaseClimbsEachRungOnceAndTheManagerIsMailedOnceWithTwoInstancesRunning() {
        List<String> complaints = sendMediumComplaints("wave1");
        List<JsonPath> cases = awaitClimbedToTheCeiling(complaints, List.of(routingA, routingB), WAIT);

        long redeliveries = assertEachRungOnce(cases);
        List<Duration> delays = escalationDelays(cases);
        report("two instances", cases, delays, redeliveries);
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isLessThan(ON_TIME));
    }

    @Test
    @Order(2)
    void whenOneInstanceIsKilledTheOtherFiresEveryRemainingTimer() {
        List<String> complaints = sendMediumComplaints("wave2");
        // Every complaint is a case before the crash: this test is about timers, not Kafka rebalancing.
        List<String> caseIds = complaints.stream().map(complaintId -> awaitCaseOf(complaintId, routingB)).toList();
        await().atMost(WAIT).until(() -> caseIds.stream().anyMatch(id -> caseView(routingB, id)
                .getList("escalations").size() == FIRST_TIMED_STEP + 1));

        routingA.kill();
        Instant killedAt = Instant.now();
        long climbedBeforeTheKill = caseIds.stream()
                .filter(id -> caseView(routingB, id).getList("escalations").size() == FIRST_TIMED_STEP + 2).count();

        List<JsonPath> cases = awaitClimbedToTheCeiling(complaints, List.of(routingB), WAIT);
        long redeliveries = assertEachRungOnce(cases);
        List<Duration> delays = escalationDelays(cases);
        report("after killing " + routingA.instance() + " at " + killedAt + " (" + climbedBeforeTheKill + " of "
                + caseIds.size() + " cases had climbed both rungs before)", cases, delays, redeliveries);
        assertThat(delays).allSatisfy(delay -> assertThat(delay).isLessThan(ON_TIME));
    }

    /** Publishes MEDIUM complaints the way intake does, each for a new customer. */
    private static List<String> sendMediumComplaints(String wave) {
        List<String> complaintIds = new ArrayList<>();
        for (int i = 0; i < CASES_PER_WAVE; i++) {
            String complaintId = UUID.randomUUID().toString();
            String customerId = UUID.randomUUID().toString();
            Instant now = Instant.now();
            String json = """
                    {"complaintId":"%s","reference":"TK-%s-%d","channel":"web",
                     "customer":{"id":"%s","name":"Customer %d of %s","email":"customer-%s@example.com"},
                     "subject":"The delivery is late","body":"Nobody answers the phone.","severity":"MEDIUM",
                     "reasons":[],"receivedAt":"%s","expectedResponseBy":"%s","publicPost":false,"reach":null}"""
                    .formatted(complaintId, wave, i, customerId, i, wave, customerId, now,
                            now.plus(Duration.ofDays(1)));
            two.events.send("complaints.received", customerId, UUID.randomUUID().toString(), "tikun.complaint.received",
                    json);
            complaintIds.add(complaintId);
        }
        return complaintIds;
    }

    private static String awaitCaseOf(String complaintId, ServiceProcess routing) {
        return await().atMost(WAIT).until(() -> given().auth().oauth2(two.manager)
                .queryParam("complaintId", complaintId).get(routing.url() + "/api/v1/cases")
                .then().statusCode(200).extract().jsonPath(), json -> json.getList("$").size() == 1)
                .getString("[0].id");
    }

    /** Waits until every case reached the MEDIUM ceiling, reading each from the instances in turn. */
    private static List<JsonPath> awaitClimbedToTheCeiling(List<String> complaintIds, List<ServiceProcess> readers,
            Duration timeout) {
        List<JsonPath> cases = new ArrayList<>();
        for (int i = 0; i < complaintIds.size(); i++) {
            ServiceProcess reader = readers.get(i % readers.size());
            String caseId = awaitCaseOf(complaintIds.get(i), reader);
            cases.add(await().atMost(timeout).until(() -> caseView(reader, caseId),
                    view -> "SERVICE_MANAGER".equals(view.getString("level"))));
        }
        return cases;
    }

    private static JsonPath caseView(ServiceProcess routing, String caseId) {
        return given().auth().oauth2(two.manager).get(routing.url() + "/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * Waits for every alert to be sent and every event published (what a killed instance had claimed goes
     * out when its claim lapses), listens a while longer, then checks that each case has exactly one step
     * per rung, one ESCALATED event per rung on cases.updated (one event id each; see
     * TwoInstanceStack#eventIds), and the manager exactly one mail per rung. Returns how many records
     * repeated an event id already delivered.
     */
    private static long assertEachRungOnce(List<JsonPath> cases) {
        List<String> caseIds = cases.stream().map(view -> view.getString("id")).toList();
        ServiceProcess survivor = routingB;
        for (String caseId : caseIds) {
            await().atMost(WAIT).until(() -> caseView(survivor, caseId).getList(EMAIL_ALERT_STATES, String.class),
                    states -> states.size() == 2 && states.stream().allMatch("SENT"::equals));
            for (String rung : RUNGS.subList(1, RUNGS.size())) {
                two.published.await(r -> isEscalation(r, caseId, rung), WAIT);
            }
        }
        List<ConsumerRecord<String, String>> escalated = two.published.all(
                r -> "tikun.case.escalated".equals(KafkaTopicReader.header(r, "ce_type")), QUIET);
        List<CapturedMail> mails = two.stack.mail().messages();
        for (String caseId : caseIds) {
            JsonPath view = caseView(survivor, caseId);
            String reference = view.getString("reference");
            // The first step is the placement on the initial rung when the case opened (from nothing).
            assertThat(view.getList("escalations.from", String.class)).as("rungs left by %s", reference)
                    .containsExactly(null, RUNGS.get(0), RUNGS.get(1));
            assertThat(view.getList("escalations.to", String.class)).as("rungs reached by %s", reference)
                    .containsExactly(RUNGS.get(0), RUNGS.get(1), RUNGS.get(2));
            for (String rung : RUNGS.subList(1, RUNGS.size())) {
                assertThat(TwoInstanceStack.eventIds(escalated.stream().filter(r -> isEscalation(r, caseId, rung))
                        .toList())).as("events of %s escalated to %s", reference, rung).hasSize(1);
            }
            assertThat(TwoInstanceStack.eventIds(escalated.stream().filter(r -> r.value().contains(caseId)).toList()))
                    .as("escalated events of %s", reference).hasSize(2);
            for (String rung : RUNGS.subList(1, RUNGS.size())) {
                assertThat(mails.stream().filter(m -> m.isTo(LocalStack.SERVICE_MANAGER_EMAIL)
                        && m.subject().startsWith("[" + reference + "] Escalated to " + rung + ":")))
                        .as("alerts for %s reaching %s", reference, rung).hasSize(1);
            }
        }
        List<ConsumerRecord<String, String>> ours = escalated.stream()
                .filter(r -> caseIds.stream().anyMatch(id -> r.value().contains(id))).toList();
        return ours.size() - TwoInstanceStack.eventIds(ours).size();
    }

    private static boolean isEscalation(ConsumerRecord<String, String> record, String caseId, String rung) {
        if (!"tikun.case.escalated".equals(KafkaTopicReader.header(record, "ce_type"))) {
            return false;
        }
        JsonPath event = JsonPath.from(record.value());
        return caseId.equals(event.getString("caseId")) && rung.equals(event.getString("level"));
    }

    /**
     * How late each rung was climbed: the first against the case's first-response deadline, the second
     * against the re-check the first one scheduled ({@code re-escalate-after} later).
     */
    private static List<Duration> escalationDelays(List<JsonPath> cases) {
        List<Duration> delays = new ArrayList<>();
        for (JsonPath view : cases) {
            Instant due = Instant.parse(view.getString("firstResponseDueAt"));
            Instant first = Instant.parse(view.getString("escalations[" + FIRST_TIMED_STEP + "].at"));
            Instant second = Instant.parse(view.getString("escalations[" + (FIRST_TIMED_STEP + 1) + "].at"));
            delays.add(Duration.between(due, first));
            delays.add(Duration.between(first.plus(RE_ESCALATE_AFTER), second));
        }
        return delays;
    }

    private static void report(String run, List<JsonPath> cases, List<Duration> delays, long redeliveries) {
        long mailsToManager = two.stack.mail().messages().stream()
                .filter(m -> m.isTo(LocalStack.SERVICE_MANAGER_EMAIL) && m.subject().contains("Escalated to")).count();
        System.out.printf("%n[two routing instances] %s: %d cases, %d escalations, deadline -> escalation delay ms: %s;"
                + " escalation mails to the manager so far: %d; repeated deliveries of an event id: %d;"
                + " escalation batches logged: %s %d, %s %d%n", run, cases.size(), delays.size(),
                TwoInstanceStack.summary(delays), mailsToManager, redeliveries, routingA.instance(),
                TwoInstanceStack.logLines(routingA, ESCALATION_LOGGED), routingB.instance(),
                TwoInstanceStack.logLines(routingB, ESCALATION_LOGGED));
    }
}
