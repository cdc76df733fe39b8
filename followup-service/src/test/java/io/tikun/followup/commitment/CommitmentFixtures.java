package io.tikun.followup.commitment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tikun.followup.message.CustomerMessageRequests;
import io.tikun.followup.message.RequestedMessages;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTopicReader;

/** Commitments made as routing announces them, and the calls agents make on them, for @QuarkusTests. */
public final class CommitmentFixtures {

    public static final Duration WAIT = Duration.ofSeconds(20);
    public static final String PROBLEM = "application/problem+json";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:8083/verify\\?token=([A-Za-z0-9_.-]+)");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A commitment tracked by followup. */
    public record Promise(UUID id, UUID caseId, String customerId, String owner, String email) {

        /** The address staff mail to the owner goes to ({@code tikun.followup.mail.staff-domain} is tikun.local). */
        public String ownerAddress() {
            return owner + "@tikun.local";
        }
    }

    private CommitmentFixtures() {
    }

    public static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    public static String agentToken() {
        return token("yossi", "agent");
    }

    /** Announces a commitment on {@code commitments.made} and waits until followup tracks it. */
    public static Promise promise(String bootstrapServers, String owner, UUID caseId, Instant dueAt) {
        return promise(bootstrapServers, owner, caseId, dueAt, "cmp-1", "cust-" + UUID.randomUUID(), "Dana Levi",
                "A technician replaces the heater");
    }

    /**
     * Announces a commitment to this customer on this complaint, with the promise in the agent's words, due in two
     * days, and waits until followup tracks it.
     */
    public static Promise promise(String bootstrapServers, String complaintId, String customerId, String customerName,
            String what) {
        return promise(bootstrapServers, "owner-" + UUID.randomUUID(), UUID.randomUUID(),
                Instant.now().plus(Duration.ofDays(2)), complaintId, customerId, customerName, what);
    }

    private static Promise promise(String bootstrapServers, String owner, UUID caseId, Instant dueAt,
            String complaintId, String customerId, String customerName, String what) {
        UUID id = UUID.randomUUID();
        String email = "customer-" + id + "@example.co.il";
        String json = """
                {"commitmentId":"%s","caseId":"%s","complaintId":%s,"reference":"TK-000042",
                 "customer":{"id":%s,"name":%s,"email":"%s","phone":"+972521234567"},
                 "what":%s,"owner":"%s","dueAt":"%s","madeBy":"manager","madeAt":"%s"}"""
                .formatted(id, caseId, quote(complaintId), quote(customerId), quote(customerName), email, quote(what),
                        owner, dueAt, Instant.now());
        try (CloudEventSender sender = new CloudEventSender(bootstrapServers)) {
            sender.send("commitments.made", customerId, UUID.randomUUID().toString(), "tikun.commitment.made", json);
        }
        await().atMost(WAIT).until(() -> given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + id)
                .statusCode() == 200);
        return new Promise(id, caseId, customerId, owner, email);
    }

    public static Promise promise(String bootstrapServers, String owner, Instant dueAt) {
        return promise(bootstrapServers, owner, UUID.randomUUID(), dueAt);
    }

    /** The owner claims the promise kept (only the owner, a manager or an admin may). */
    public static ValidatableResponse claimDone(Promise promise, String note) {
        return claimDone(promise.id(), note, token(promise.owner(), "agent"));
    }

    public static ValidatableResponse claimDone(UUID id, String note, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"note\":" + quote(note) + "}")
                .post("/api/v1/commitments/" + id + "/claim-done").then();
    }

    public static JsonPath commitment(UUID id) {
        return given().auth().oauth2(agentToken()).get("/api/v1/commitments/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** The question follow-up asked intake to put to the customer after the promise's {@code claim}-th claim. */
    public static RequestedMessages.Requested question(String bootstrapServers, UUID id, int claim) {
        return RequestedMessages.awaitOnce(bootstrapServers, CustomerMessageRequests.verifyId(id, claim));
    }

    /** The token of the link after {@code label} in a message to the customer. */
    public static String linkAfter(String text, String label) {
        Matcher link = LINK.matcher(text.substring(text.indexOf(label)));
        assertThat(link.find()).as("a link after '%s' in %s", label, text).isTrue();
        return link.group(1);
    }

    public static boolean isEvent(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, UUID id,
            String change) {
        return record.value().contains(id.toString())
                && ("tikun.commitment." + change).equals(KafkaTopicReader.header(record, "ce_type"));
    }

    public static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
