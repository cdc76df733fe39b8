package io.tikun.intake.complaint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/** Language detection and the customer-side severity signals, end to end through the channels. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ComplaintSignalsTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);
    private static final int CONCURRENT_DELIVERIES = 6;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    private static String channel() {
        return OidcWiremockTestResource.getAccessToken("web-channel", Set.of("channel"));
    }

    private static Response submit(String email, String subject, String body) {
        return given().auth().oauth2(channel()).contentType(ContentType.JSON)
                .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana\",\"email\":\"" + email + "\"},\"subject\":\""
                        + subject + "\",\"body\":\"" + body + "\"}")
                .post("/api/v1/complaints");
    }

    private static String uniqueEmail() {
        return "signals+" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void storesReturnsAndPublishesTheDetectedLanguage() throws Exception {
        String id = submit(uniqueEmail(), "חשבונית שגויה", "חויבתי פעמיים על אותה הזמנה").then().statusCode(202)
                .extract().path("id");

        given().auth().oauth2(channel()).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("language", equalTo("he"));
        try (KafkaTopicReader topic = new KafkaTopicReader(bootstrapServers, "complaints.received",
                "complaints.received.urgent")) {
            ConsumerRecord<String, String> record = topic.await(r -> r.value().contains(id), KAFKA_WAIT);
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.path("language").asText()).isEqualTo("he");
        }
    }

    @Test
    void detectsEachSupportedLanguageAndLeavesEmojiUndetermined() {
        String[][] cases = { { "Refund", "My refund never arrived", "en" },
                { "Счёт", "Деньги списали дважды, верните их", "ru" },
                { "فاتورة", "تم خصم المبلغ مرتين من بطاقتي", "ar" },
                { "😡", "😡😡😡 💳💳", "und" } };
        for (String[] c : cases) {
            String id = submit(uniqueEmail(), c[0], c[1]).then().statusCode(202).extract().path("id");
            given().auth().oauth2(channel()).get("/api/v1/complaints/" + id).then().statusCode(200)
                    .body("language", equalTo(c[2]));
        }
    }

    @Test
    void raisesTheThirdComplaintOfOneCustomerWithinThirtyDays() {
        String email = uniqueEmail();
        submit(email, "Late", "My parcel is late").then().statusCode(202)
                .body("reasons.signal", not(hasItem("REPEAT_COMPLAINTS")));
        submit(email, "Late", "Still late").then().statusCode(202)
                .body("reasons.signal", not(hasItem("REPEAT_COMPLAINTS")));

        submit(email, "Late", "Where is it?").then().statusCode(202)
                .body("severity", equalTo("HIGH"))
                .body("reasons.signal", hasItem("REPEAT_COMPLAINTS"))
                .body("reasons.evidence", hasItem("2 earlier complaints within 30 days"));
    }

    @Test
    void countsAComplaintDeliveredSeveralTimesAtOnceAsOneEarlierComplaint() throws Exception {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        ExecutorService deliveries = Executors.newFixedThreadPool(CONCURRENT_DELIVERIES);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_DELIVERIES; i++) {
                statuses.add(deliveries.submit(() -> given().auth().oauth2(channel()).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key)
                        .body("{\"channel\":\"web\",\"customer\":{\"name\":\"Dana\",\"email\":\"" + email
                                + "\"},\"subject\":\"Late\",\"body\":\"My parcel is late\"}")
                        .post("/api/v1/complaints").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isIn(200, 202);
            }
        } finally {
            deliveries.shutdown();
        }

        // One complaint was stored, so the next is the customer's second: no repeat signal yet.
        submit(email, "Late", "Still late").then().statusCode(202)
                .body("reasons.signal", not(hasItem("REPEAT_COMPLAINTS")));
        submit(email, "Late", "Where is it?").then().statusCode(202)
                .body("reasons.evidence", hasItem("2 earlier complaints within 30 days"));
    }

    @Test
    void raisesAMailCopiedToTheChiefExecutive() {
        byte[] mail = ("From: Dana Levi <" + uniqueEmail() + ">\r\nTo: support@tikun.test\r\nCc: CEO@tikun.test\r\n"
                + "Subject: Parcel\r\nDate: Mon, 23 Nov 2026 09:00:00 +0200\r\nMessage-ID: <" + UUID.randomUUID()
                + "@mail>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nMy parcel is late.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String id = given().auth().oauth2(channel()).contentType("message/rfc822").body(mail)
                .post("/api/v1/channels/email").then().statusCode(202).extract().path("complaintId");

        given().auth().oauth2(channel()).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("severity", equalTo("HIGH"))
                .body("reasons.signal", hasItem("CEO_ADDRESSED"))
                .body("reasons.evidence", hasItem("sent to CEO@tikun.test"))
                .body("language", equalTo("en"));
    }

    @Test
    void raisesAComplaintNamingTheChiefExecutiveInHebrew() {
        submit(uniqueEmail(), "פנייה", "אני מעביר את זה למנכ\\\"ל").then().statusCode(202)
                .body("severity", equalTo("HIGH"))
                .body("reasons.signal", hasItem("CEO_ADDRESSED"));
    }
}
