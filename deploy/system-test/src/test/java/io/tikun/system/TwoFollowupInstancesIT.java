package io.tikun.system;

import static io.restassured.RestAssured.given;
import static io.tikun.system.DoubledStack.DUE_SOON_BEFORE;
import static io.tikun.system.DoubledStack.GRACE_PERIOD;
import static io.tikun.system.DoubledStack.STAFF_DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;
import io.tikun.stack.ServiceProcess;

/**
 * Two followup-service JVMs on one PostgreSQL database, one Kafka broker and one consumer group, with
 * a due-soon warning and a grace period of seconds: every promise nobody claims done is published
 * due soon, overdue and broken exactly once, its owner is reminded once and the service manager told
 * once; when one instance is killed the other moves every remaining promise on.
 * <p>
 * The follow-ups are those of the {@link DoubledStack}, whose promise timers ({@link DoubledStack#DUE_SOON_BEFORE},
 * {@link DoubledStack#GRACE_PERIOD}), passes and claims this test relies on; it looks only at its own promises, their
 * events and the mails about them (the service manager's mailbox also gets routing's alerts).
 */
@ExtendWith(DoubledStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoFollowupInstancesIT {

    private static final int PROMISES_PER_WAVE = 6;
    private static final Duration DUE_IN = Duration.ofSeconds(10);
    private static final List<String> CHANGES = List.of("due-soon", "overdue", "broken");
    /** A sanity bound on how late a step may come after its moment; the measured numbers are printed. */
    private static final Duration ON_TIME = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long to keep listening after the last expected event, to see that nothing comes twice. */
    private static final Duration QUIET = Duration.ofSeconds(8);
    /** What DeadlineJob logs for each pass that moved something. */
    private static final String PASS_LOGGED = "Deadline pass:";

    private static TwoInstanceStack two;
    private static ServiceProcess followupA;
    private static ServiceProcess followupB;

    @BeforeAll
    static void takeTwoFollowupInstances() {
        two = TwoInstanceStack.of(LocalStack.FOLLOWUP, "commitments.updated");
        followupA = two.first;
        followupB = two.second;
    }

    @AfterAll
    static void stopReading() {
        if (two != null) {
            two.close();
        }
    }

    @Test
    @Order(1)
    void everyUnkeptPromiseIsPublishedDueSoonOverdueAndBrokenOnceAndMailedOnceWithTwoInstancesRunning() {
        List<Promise> promises = makePromises("wave1");
        awaitBroken(promises, List.of(followupA, followupB));

        Delays delays = assertEachChangeOnce(promises, false);
        report("two instances", promises, delays);
        assertThat(delays.changed()).allSatisfy(delay -> assertThat(delay).isLessThan(ON_TIME));
    }

    @Test
    @Order(2)
    void whenOneInstanceIsKilledTheOtherMovesEveryRemainingPromiseOn() {
        List<Promise> promises = makePromises("wave2");
        // Every promise is tracked before the crash: this test is about the jobs, not Kafka rebalancing.
        promises.forEach(p -> awaitStatus(p, followupB, List.of("OPEN", "DUE_SOON")));
        await().atMost(WAIT).until(() -> promises.stream()
                .anyMatch(p -> "DUE_SOON".equals(commitment(followupB, p.commitmentId()).getString("status"))));

        followupA.kill();
        Instant killedAt = Instant.now();

        awaitBroken(promises, List.of(followupB));
        Delays delays = assertEachChangeOnce(promises, true);
        report("after killing " + followupA.instance() + " at " + killedAt, promises, delays);
        // Recorded on time by whichever instance; an event the killed one had claimed is published late.
        assertThat(delays.changed()).allSatisfy(delay -> assertThat(delay).isLessThan(ON_TIME));
    }

    record Promise(String commitmentId, String reference, String owner, Instant dueAt) {
    }

    /** Publishes promises the way routing does on commitments.made, each due {@link #DUE_IN} from now. */
    private static List<Promise> makePromises(String wave) {
        List<Promise> promises = new ArrayList<>();
        for (int i = 0; i < PROMISES_PER_WAVE; i++) {
            Instant now = Instant.now();
            Promise p = new Promise(UUID.randomUUID().toString(), "TK-" + wave + "-" + i, "owner-" + wave + "-" + i,
                    now.plus(DUE_IN).truncatedTo(ChronoUnit.MILLIS));
            String customerId = UUID.randomUUID().toString();
            String json = """
                    {"commitmentId":"%s","caseId":"%s","complaintId":"%s","reference":"%s",
                     "customer":{"id":"%s","name":"Customer %d of %s","email":"customer-%s@example.com"},
                     "what":"A technician comes and replaces the heater","owner":"%s","dueAt":"%s",
                     "madeBy":"manager","madeAt":"%s"}"""
                    .formatted(p.commitmentId(), UUID.randomUUID(), UUID.randomUUID(), p.reference(), customerId, i,
                            wave, customerId, p.owner(), p.dueAt(), now);
            two.events.send("commitments.made", customerId, UUID.randomUUID().toString(), "tikun.commitment.made",
                    json);
            promises.add(p);
        }
        return promises;
    }

    private static void awaitBroken(List<Promise> promises, List<ServiceProcess> readers) {
        for (int i = 0; i < promises.size(); i++) {
            awaitStatus(promises.get(i), readers.get(i % readers.size()), List.of("BROKEN"));
        }
    }

    private static void awaitStatus(Promise promise, ServiceProcess reader, List<String> statuses) {
        await().atMost(WAIT).until(() -> {
            var response = given().auth().oauth2(two.agent)
                    .get(reader.url() + "/api/v1/commitments/" + promise.commitmentId());
            return response.statusCode() == 200 && statuses.contains(response.jsonPath().getString("status"));
        });
    }

    private static JsonPath commitment(ServiceProcess followup, String commitmentId) {
        return given().auth().oauth2(two.agent).get(followup.url() + "/api/v1/commitments/" + commitmentId)
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * How late the changes came after their moments, as recorded (occurredAt) and as published (Kafka
     * timestamp of the first delivery), and how many records repeated an event already delivered.
     */
    record Delays(List<Duration> changed, List<Duration> published, long redeliveries) {
    }

    /**
     * Waits for every change event and e-mail (one left claimed by a killed instance comes when the claim
     * lapses), listens a while longer, then checks that each promise has exactly one due-soon, one overdue
     * and one broken event on commitments.updated (one event id each; see TwoInstanceStack#eventIds), its
     * owner exactly one reminder and the service manager exactly one "broken" mail.
     */
    private static Delays assertEachChangeOnce(List<Promise> promises, boolean instanceKilled) {
        for (Promise p : promises) {
            CHANGES.forEach(change -> two.published.await(r -> is(r.value(), p, change), WAIT));
            two.stack.mail().await(m -> isDueSoonReminder(m, p), WAIT);
            two.stack.mail().await(m -> isBrokenNotice(m, p), WAIT);
        }
        List<ConsumerRecord<String, String>> records = two.published.all(r -> true, QUIET);
        List<CapturedMail> mails = two.stack.mail().messages();
        List<Duration> changed = new ArrayList<>();
        List<Duration> published = new ArrayList<>();
        for (Promise p : promises) {
            for (String change : CHANGES) {
                List<ConsumerRecord<String, String>> ofChange = records.stream().filter(r -> is(r.value(), p, change))
                        .toList();
                assertThat(TwoInstanceStack.eventIds(ofChange)).as("%s events of %s", change, p.reference())
                        .hasSize(1);
                Instant moment = momentOf(change, p);
                changed.add(Duration.between(moment,
                        Instant.parse(JsonPath.from(ofChange.get(0).value()).getString("occurredAt"))));
                published.add(Duration.between(moment, Instant.ofEpochMilli(ofChange.get(0).timestamp())));
            }
            assertOneMail(mails.stream().filter(m -> isDueSoonReminder(m, p)).toList(), instanceKilled,
                    "due-soon reminders for " + p.reference());
            assertOneMail(mails.stream().filter(m -> isBrokenNotice(m, p)).toList(), instanceKilled,
                    "broken notices about " + p.reference());
        }
        List<ConsumerRecord<String, String>> ours = records.stream()
                .filter(r -> promises.stream().anyMatch(p -> r.value().contains(p.commitmentId()))).toList();
        return new Delays(changed, published, ours.size() - TwoInstanceStack.eventIds(ours).size());
    }

    /**
     * One e-mail: one Message-ID, and one copy unless an instance was killed between sending it and
     * recording it, which leaves a copy to be re-sent under the same Message-ID (one message to the
     * recipient's mail client).
     */
    private static void assertOneMail(List<CapturedMail> copies, boolean instanceKilled, String what) {
        assertThat(copies.stream().map(m -> m.header("Message-ID")).distinct()).as("distinct " + what).hasSize(1);
        assertThat(copies).as(what).hasSizeBetween(1, instanceKilled ? 2 : 1);
    }

    private static boolean is(String event, Promise p, String change) {
        JsonPath json = JsonPath.from(event);
        return p.commitmentId().equals(json.getString("commitmentId")) && change.equals(json.getString("change"));
    }

    private static boolean isDueSoonReminder(CapturedMail mail, Promise p) {
        return mail.isTo(p.owner() + "@" + STAFF_DOMAIN) && mail.subject().equals("Promise due soon: " + p.reference());
    }

    private static boolean isBrokenNotice(CapturedMail mail, Promise p) {
        return mail.isTo(LocalStack.SERVICE_MANAGER_EMAIL) && mail.subject().equals("Promise broken: " + p.reference());
    }

    private static Instant momentOf(String change, Promise p) {
        return switch (change) {
            case "due-soon" -> p.dueAt().minus(DUE_SOON_BEFORE);
            case "overdue" -> p.dueAt();
            case "broken" -> p.dueAt().plus(GRACE_PERIOD);
            default -> throw new IllegalArgumentException(change);
        };
    }

    private static void report(String run, List<Promise> promises, Delays delays) {
        System.out.printf("%n[two followup instances] %s: %d promises, %d timed changes; moment -> change recorded,"
                + " delay ms: %s; moment -> event on Kafka, delay ms: %s; repeated deliveries of an event id: %d;"
                + " deadline passes logged: %s %d, %s %d%n", run, promises.size(), delays.changed().size(),
                TwoInstanceStack.summary(delays.changed()), TwoInstanceStack.summary(delays.published()),
                delays.redeliveries(), followupA.instance(),
                TwoInstanceStack.logLines(followupA, PASS_LOGGED), followupB.instance(),
                TwoInstanceStack.logLines(followupB, PASS_LOGGED));
    }
}
