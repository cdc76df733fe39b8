package io.tikun.intake.outbound.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.intake.OptionalConsumersProfile;
import io.tikun.intake.events.SocialReplyRequested;
import io.tikun.intake.events.SocialReplyRequested.Visibility;
import io.tikun.stack.testing.CloudEventSender;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;
import io.vertx.core.json.JsonObject;

/** The acknowledgements requested on {@code social.replies} reach the networks, once each. */
@QuarkusTest
@TestProfile(OptionalConsumersProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
@QuarkusTestResource(RecordingProviderResource.class)
class SocialAcknowledgementSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PRIVATE_TEXT = "Hello Miri, we received your message (TK-000057). We will answer by Sunday.";
    private static final String PUBLIC_TEXT = "Thank you, we are on it. Your reference is TK-000058. Please send us a direct message.";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    RecordingProviderResource.Provider provider;
    private CloudEventSender events;

    @BeforeEach
    void open() {
        provider.forget();
        events = new CloudEventSender(bootstrapServers);
    }

    @AfterEach
    void close() {
        events.close();
    }

    private void request(String customerId, SocialReplyRequested reply) throws Exception {
        events.send(SocialReplyRequested.TOPIC, customerId, UUID.randomUUID().toString(), SocialReplyRequested.TYPE,
                mapper.writeValueAsString(reply));
    }

    private static SocialReplyRequested directMessage(String customerId, String recipient, String text) {
        return new SocialReplyRequested(UUID.randomUUID().toString(), "TK-000057", customerId, "xdm", Visibility.PRIVATE,
                "1460000000000000001", recipient, "mirikatz", "dm-1", "1460000000000000001:" + recipient, "en", text,
                Instant.now());
    }

    private List<RecordingProviderResource.Provider.Request> sentTo(String path) {
        return provider.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void aPrivateAcknowledgementIsSentOnceAlthoughTheRequestArrivesTwice() throws Exception {
        String customer = UUID.randomUUID().toString();
        SocialReplyRequested reply = directMessage(customer, "88776655", PRIVATE_TEXT);
        SocialReplyRequested later = directMessage(customer, "99887766", "a later acknowledgement");

        request(customer, reply);
        request(customer, reply);
        request(customer, later); // same key, same partition: once it is sent, the duplicate before it was handled

        await().atMost(WAIT).until(() -> !sentTo("/2/dm_conversations/with/99887766/messages").isEmpty());
        assertThat(sentTo("/2/dm_conversations/with/88776655/messages")).singleElement().satisfies(r -> {
            assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer test-x-user-token");
            assertThat(new JsonObject(r.body())).isEqualTo(new JsonObject().put("text", PRIVATE_TEXT));
        });
    }

    @Test
    void aPublicAcknowledgementIsTweetedUnderTheMentionAfterTheProviderRecovers() throws Exception {
        String customer = UUID.randomUUID().toString();
        provider.thenAnswer(503);
        SocialReplyRequested reply = new SocialReplyRequested(UUID.randomUUID().toString(), "TK-000058", customer, "x",
                Visibility.PUBLIC, null, "88776655", "mirikatz", "1992345678901234567", "1992000000000000000", "en",
                PUBLIC_TEXT, Instant.now());

        request(customer, reply);

        await().atMost(WAIT).until(() -> sentTo("/2/tweets").size() == 2);
        assertThat(sentTo("/2/tweets")).allSatisfy(r -> assertThat(new JsonObject(r.body()))
                .isEqualTo(new JsonObject().put("text", PUBLIC_TEXT)
                        .put("reply", new JsonObject().put("in_reply_to_tweet_id", "1992345678901234567"))));
        assertThat(provider.requests()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/2/tweets"));
    }
}
