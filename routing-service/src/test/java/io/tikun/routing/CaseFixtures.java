package io.tikun.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tikun.routing.escalation.EscalationJob;
import io.tikun.routing.escalation.EscalationService;

/** Complaints as intake announces them, and ways to find the cases routing opens for them. */
public final class CaseFixtures {

    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final int REFERENCE_FLOOR = 100_000;
    private static final int REFERENCE_SPAN = 800_000;

    private CaseFixtures() {
    }

    public static String agentToken() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("agent"));
    }

    public static String randomReference() {
        return "TK-" + (REFERENCE_FLOOR + ThreadLocalRandom.current().nextInt(REFERENCE_SPAN));
    }

    public static String complaintJson(String complaintId, String reference, String severity) {
        return complaintJson(complaintId, reference, severity, Instant.now());
    }

    /**
     * A complaint received at {@code now} (the application's clock, when a test moves it), promised an answer within an hour.
     */
    public static String complaintJson(String complaintId, String reference, String severity, Instant now) {
        return """
                {"complaintId":"%s","reference":"%s","channel":"web",
                 "customer":{"id":"cust-%s","name":"Dana Levi","email":"dana@example.com","phone":"+972521234567"},
                 "subject":"Heater caught fire","body":"It burned. I will sue.","severity":"%s",
                 "reasons":[{"signal":"LEGAL_THREAT","implies":"CRITICAL","evidence":"sue"}],
                 "receivedAt":"%s","expectedResponseBy":"%s","language":"en"}"""
                .formatted(complaintId, reference, complaintId, severity, now, now.plusSeconds(3600));
    }

    /**
     * A complaint of {@code customerId} on {@code channel}, received at {@code receivedAt} and promised an answer
     * an hour later; {@code signal} is intake's reason (e.g. {@code REPEAT_COMPLAINTS}), or null for none.
     */
    public static String complaintJson(String complaintId, String customerId, String severity, String channel,
            Instant receivedAt, String signal) {
        String reasons = signal == null ? "[]"
                : "[{\"signal\":\"%s\",\"implies\":\"%s\",\"evidence\":null}]".formatted(signal, severity);
        return """
                {"complaintId":"%s","reference":"%s","channel":"%s",
                 "customer":{"id":"%s","name":"Dana Levi","email":"dana@example.com","phone":"+972521234567"},
                 "subject":"Heater caught fire","body":"It burned again.","severity":"%s",
                 "reasons":%s,"receivedAt":"%s","expectedResponseBy":"%s"}"""
                .formatted(complaintId, randomReference(), channel, customerId, severity, reasons, receivedAt,
                        receivedAt.plusSeconds(3600));
    }

    /** Intake's further message of the customer on a complaint. */
    public static String messageAddedJson(String complaintId, String customerId, String messageId, Instant receivedAt) {
        return """
                {"complaintId":"%s","reference":"TK-000042","customerId":"%s","messageId":"%s","channel":"email",
                 "body":"עברו יומיים ואף אחד לא חזר אליי.","receivedAt":"%s"}"""
                .formatted(complaintId, customerId, messageId, receivedAt);
    }

    /** The case routing opened for the complaint, once it exists, in full (history and notifications). */
    public static JsonPath awaitCase(String complaintId) {
        String id = await().atMost(WAIT).until(() -> given().auth().oauth2(agentToken())
                .queryParam("complaintId", complaintId).get("/api/v1/cases")
                .then().statusCode(200).extract().jsonPath(), json -> json.getList("$").size() == 1)
                .getString("[0].id");
        return given().auth().oauth2(agentToken()).get("/api/v1/cases/" + id).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Runs escalation checks now, as the schedule does every second, until two in a row find nothing due: every deadline
     * passed by the (moved) clock has been acted on, so a test can assert at once that a case climbed no further, rather
     * than watch it through a window of scheduled checks. Two in a row, because a scheduled check running at the same
     * moment holds the cases it claimed until it commits.
     */
    public static void escalationChecksCaughtUp(EscalationJob job) {
        AtomicInteger idleInARow = new AtomicInteger();
        await().atMost(WAIT).until(() -> {
            if (escalateDueOnOwnContext(job).caseIds().isEmpty()) {
                return idleInARow.incrementAndGet() >= 2;
            }
            idleInARow.set(0);
            return false;
        });
    }

    private static EscalationService.Escalations escalateDueOnOwnContext(EscalationJob job) {
        try {
            return VertxContextSupport.subscribeAndAwait(job::escalateDue);
        } catch (Throwable failure) {
            throw new IllegalStateException("an escalation check failed", failure);
        }
    }
}
