package io.tikun.intake.social;

import static io.tikun.intake.social.SocialPayloads.deliverMeta;
import static io.tikun.intake.social.SocialPayloads.deliverX;
import static io.tikun.intake.social.SocialThreadingTest.fresh;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class SocialReplyTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);
    private static final int X_REPLY_LIMIT = 280;

    private final ObjectMapper mapper = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTopicReader replies;

    @BeforeEach
    void openTopic() {
        replies = new KafkaTopicReader(bootstrapServers, "social.replies");
    }

    @AfterEach
    void closeTopic() {
        replies.close();
    }

    private static JsonPath item(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath().setRootPath("complaints[0]");
    }

    private ConsumerRecord<String, String> replyFor(String complaintId) {
        return replies.await(r -> r.value().contains(complaintId), KAFKA_WAIT);
    }

    private void assertHonoursItsContract(JsonNode event) throws IOException {
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream("contracts/social.replies.schema.json")) {
            JsonNode contract = mapper.readTree(schema);
            contract.path("required").forEach(field -> assertThat(event.hasNonNull(field.asText()))
                    .as("reply request has required field %s", field.asText()).isTrue());
            assertThat(contract.path("properties").path("visibility").path("enum").toString())
                    .contains(event.path("visibility").asText());
        }
        try (InputStream example = getClass().getClassLoader().getResourceAsStream("contracts/social.replies.example.json")) {
            assertThat(mapper.readTree(example).fieldNames()).toIterable()
                    .containsExactlyInAnyOrderElementsOf(() -> event.fieldNames());
        }
    }

    @Test
    void acknowledgesADirectMessageInTheSameConversationWithTheFullAcknowledgement() throws IOException {
        String psid = fresh();
        String mid = "m_" + fresh();
        JsonPath created = item(deliverMeta(SocialPayloads.messenger(psid, mid, "My order never arrived.",
                1763866800456L)));

        ConsumerRecord<String, String> record = replyFor(created.getString("complaintId"));
        JsonNode event = mapper.readTree(record.value());
        assertThat(KafkaTopicReader.header(record, "ce_type")).isEqualTo("tikun.social.reply-requested");
        assertThat(KafkaTopicReader.header(record, "ce_source")).isEqualTo("/tikun/intake-service");
        assertThat(KafkaTopicReader.header(record, "ce_id")).isNotBlank();
        assertThat(record.key()).isEqualTo(event.path("customerId").asText()).isNotBlank();
        assertThat(event.path("network").asText()).isEqualTo("messenger");
        assertThat(event.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(event.path("accountId").asText()).isEqualTo(SocialPayloads.PAGE);
        assertThat(event.path("recipientId").asText()).isEqualTo(psid);
        assertThat(event.path("replyToMessageId").asText()).isEqualTo(mid);
        assertThat(event.path("conversationId").asText()).isEqualTo(psid);
        assertThat(event.path("reference").asText()).isEqualTo(created.getString("reference"));
        assertThat(event.path("language").asText()).isEqualTo("en");
        assertThat(event.path("text").asText()).contains(created.getString("reference")).contains("What happens next")
                .contains("You will hear from us by").contains("reply in this conversation")
                // a Messenger conversation has no subject line to keep the reference in
                .doesNotContainIgnoringCase("subject");
        assertHonoursItsContract(event);
    }

    @Test
    void answersAPublicTweetWithAShortTextThatNamesNoOneAndRepeatsNothing() throws IOException {
        String user = fresh();
        String tweet = fresh();
        JsonPath created = item(deliverX(SocialPayloads.tweet(tweet, null, user, "miri" + user,
                "@TikunDemo My boiler exploded, my flat is flooded")));

        JsonNode event = mapper.readTree(replyFor(created.getString("complaintId")).value());
        assertThat(event.path("network").asText()).isEqualTo("x");
        assertThat(event.path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(event.path("replyToMessageId").asText()).isEqualTo(tweet);
        assertThat(event.path("recipientId").asText()).isEqualTo(user);
        assertThat(event.path("recipientHandle").asText()).isEqualTo("miri" + user);
        String text = event.path("text").asText();
        assertThat(text).contains(created.getString("reference")).contains("we will get back to you by")
                .doesNotContain("Miri").doesNotContain("boiler").doesNotContain("flooded")
                .doesNotContainIgnoringCase("subject");
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(X_REPLY_LIMIT);
        assertHonoursItsContract(event);
    }

    @Test
    void answersInHebrewWhenTheCustomerWroteHebrew() throws IOException {
        String post = SocialPayloads.PAGE + "_" + fresh();
        JsonPath created = item(deliverMeta(SocialPayloads.facebookComment(post, fresh() + "_" + fresh(), null, fresh(),
                "דנה לוי", "המזגן שקניתי אצלכם התקלקל אחרי שבוע")));

        JsonNode event = mapper.readTree(replyFor(created.getString("complaintId")).value());
        assertThat(event.path("network").asText()).isEqualTo("fb");
        assertThat(event.path("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(event.path("accountId").asText()).isEqualTo(SocialPayloads.PAGE);
        assertThat(event.path("conversationId").asText()).isEqualTo(post);
        assertThat(event.path("language").asText()).isEqualTo("he");
        assertThat(event.path("text").asText()).contains("מספר הפנייה").contains(created.getString("reference"))
                .doesNotContain("דנה").doesNotContain("נושא");
    }

    @Test
    void acknowledgesAHebrewWhatsAppMessageInHebrewAskingToReplyInTheSameConversation() throws IOException {
        String phone = "9725" + fresh().substring(0, 8);
        JsonPath created = item(deliverMeta(SocialPayloads.whatsApp("106540352242922", phone, "wamid." + fresh(),
                "החשבונית שקיבלתי שגויה, חויבתי פעמיים")));

        JsonNode event = mapper.readTree(replyFor(created.getString("complaintId")).value());
        assertThat(event.path("network").asText()).isEqualTo("wa");
        assertThat(event.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(event.path("language").asText()).isEqualTo("he");
        assertThat(event.path("text").asText()).contains(created.getString("reference")).contains("מה הלאה")
                .contains("נחזור אליך עד").contains("להשיב בשיחה הזו").doesNotContain("נושא")
                .doesNotContainIgnoringCase("subject");
        assertHonoursItsContract(event);
    }

    @Test
    void acknowledgesAConversationOnceNotEveryFurtherMessage() {
        String psid = fresh();
        String complaintId = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + fresh(), "Broken.", 1763866800456L)))
                .getString("complaintId");
        item(deliverMeta(SocialPayloads.messenger(psid, "m_" + fresh(), "Still broken.", 1763866900000L)));

        assertThat(replies.all(r -> r.value().contains(complaintId), Duration.ofSeconds(3))).hasSize(1);
    }
}
