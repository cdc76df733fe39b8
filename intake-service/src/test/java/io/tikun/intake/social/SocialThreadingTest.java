package io.tikun.intake.social;

import static io.tikun.intake.social.SocialPayloads.deliverMeta;
import static io.tikun.intake.social.SocialPayloads.deliverX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.complaint.ComplaintRepository.ComplaintThread;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.KafkaTopicReader;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class SocialThreadingTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);
    private static final int CONCURRENT_DELIVERIES = 6;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ComplaintRepository complaints;

    private KafkaTopicReader topic;

    @BeforeEach
    void openTopic() {
        topic = new KafkaTopicReader(bootstrapServers, "complaints.received", "complaints.received.urgent");
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    static String fresh() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
    }

    private static JsonPath item(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath().setRootPath("complaints[0]");
    }

    private ComplaintThread thread(String complaintId) {
        return complaints.findById(complaintId).chain(c -> complaints.threadsOf(c.customer().id())).await().indefinitely()
                .stream().filter(t -> t.complaint().id().equals(complaintId)).findFirst().orElseThrow();
    }

    private List<ConsumerRecord<String, String>> messageAddedEvents(String complaintId, Duration window) {
        return topic.all(r -> "tikun.complaint.message-added".equals(KafkaTopicReader.header(r, "ce_type"))
                && r.value().contains(complaintId), window);
    }

    @Test
    void addsAFurtherMessengerMessageFromTheSameSenderToTheOpenComplaintAndAnnouncesIt() {
        String psid = fresh();
        JsonPath first = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + fresh(), "My order never arrived.",
                1763866800456L)));
        JsonPath second = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + fresh(),
                "Two days and still no answer.", 1763953200000L)));

        assertThat(first.getBoolean("created")).isTrue();
        assertThat(second.getBoolean("created")).isFalse();
        assertThat(second.getBoolean("threaded")).isTrue();
        assertThat(second.getString("complaintId")).isEqualTo(first.getString("complaintId"));
        assertThat(second.getString("reference")).isEqualTo(first.getString("reference"));
        ComplaintThread thread = thread(first.getString("complaintId"));
        assertThat(thread.messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("Two days and still no answer."));

        ConsumerRecord<String, String> added = topic.await(
                r -> "tikun.complaint.message-added".equals(KafkaTopicReader.header(r, "ce_type"))
                        && r.value().contains(first.getString("complaintId")),
                KAFKA_WAIT);
        assertThat(added.value()).contains("Two days and still no answer.").contains("\"channel\":\"meta\"");
        assertThat(added.key()).isEqualTo(thread.complaint().customer().id());
    }

    @Test
    void addsAFacebookReplyByTheSameAuthorToTheirComplaintButGivesAnotherPersonsReplyItsOwn() {
        String post = SocialPayloads.PAGE + "_" + fresh();
        String dana = fresh();
        String comment = fresh() + "_" + fresh();
        JsonPath original = item(deliverMeta(SocialPayloads.facebookComment(post, comment, null, dana, "Dana Levi",
                "The air conditioner broke after a week.")));
        JsonPath danaAgain = item(deliverMeta(SocialPayloads.facebookComment(post, fresh() + "_" + fresh(), comment,
                dana, "Dana Levi", "And nobody answers the phone.")));
        JsonPath someoneElse = item(deliverMeta(SocialPayloads.facebookComment(post, fresh() + "_" + fresh(), comment,
                fresh(), "Avi Cohen", "Same here, mine broke too.")));

        assertThat(danaAgain.getString("complaintId")).isEqualTo(original.getString("complaintId"));
        assertThat(danaAgain.getBoolean("threaded")).isTrue();
        assertThat(someoneElse.getBoolean("created")).isTrue();
        assertThat(someoneElse.getString("complaintId")).isNotEqualTo(original.getString("complaintId"));
    }

    @Test
    void threadsAnXReplyToTheComplaintTweetAndToOurOwnAnswer() {
        String user = fresh();
        String tweet = fresh();
        JsonPath original = item(deliverX(SocialPayloads.tweet(tweet, null, user, "miri" + user,
                "@TikunDemo Third week without hot water.")));
        JsonPath reply = item(deliverX(SocialPayloads.tweet(fresh(), tweet, user, "miri" + user,
                "@TikunDemo Still nothing.")));
        String ours = fresh();
        deliverX(SocialPayloads.ourReply(ours, tweet, user)).then().statusCode(200);
        JsonPath answerToUs = item(deliverX(SocialPayloads.tweet(fresh(), ours, user, "miri" + user,
                "@TikunDemo You said that yesterday.")));

        assertThat(reply.getString("complaintId")).isEqualTo(original.getString("complaintId"));
        assertThat(answerToUs.getString("complaintId")).isEqualTo(original.getString("complaintId"));
        assertThat(answerToUs.getBoolean("threaded")).isTrue();
        assertThat(thread(original.getString("complaintId")).messages()).extracting(m -> m.body())
                .containsExactly("@TikunDemo Still nothing.", "@TikunDemo You said that yesterday.");
    }

    @Test
    void threadsDirectMessagesPerConversationOnXWhatsAppAndInstagram() {
        String sender = fresh();
        JsonPath dm = item(deliverX(SocialPayloads.xDirectMessage(fresh(), sender, "I was charged twice.")));
        JsonPath dmAgain = item(deliverX(SocialPayloads.xDirectMessage(fresh(), sender, "Please refund.")));
        assertThat(dmAgain.getString("complaintId")).isEqualTo(dm.getString("complaintId"));

        String phone = "9725" + fresh().substring(0, 8);
        JsonPath wa = item(deliverMeta(SocialPayloads.whatsApp("106540352242922", phone, "wamid." + fresh(),
                "The invoice is wrong.")));
        JsonPath waAgain = item(deliverMeta(SocialPayloads.whatsApp("106540352242922", phone, "wamid." + fresh(),
                "Any news?")));
        JsonPath waOtherNumber = item(deliverMeta(SocialPayloads.whatsApp("999000111222333", phone,
                "wamid." + fresh(), "Writing to your other number.")));
        assertThat(waAgain.getString("complaintId")).isEqualTo(wa.getString("complaintId"));
        assertThat(waOtherNumber.getBoolean("created")).isTrue();

        String igsid = fresh();
        JsonPath ig = item(deliverMeta(SocialPayloads.instagramDm("17841400123456789", igsid, "aWd" + fresh(),
                "The parcel never came.")));
        JsonPath igAgain = item(deliverMeta(SocialPayloads.instagramDm("17841400123456789", igsid, "aWd" + fresh(),
                "Hello?")));
        assertThat(igAgain.getString("complaintId")).isEqualTo(ig.getString("complaintId"));
    }

    @Test
    void addsAFollowUpDeliveredSeveralTimesAtOnceExactlyOnce() throws Exception {
        String psid = fresh();
        String complaintId = item(deliverMeta(SocialPayloads.messenger(psid, "m_" + fresh(), "Broken fridge.",
                1763866800456L))).getString("complaintId");
        String followUp = SocialPayloads.messenger(psid, "m_" + fresh(), "Hello? Anyone?", 1763866900000L);

        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_DELIVERIES);
        try {
            List<CompletableFuture<JsonPath>> deliveries = IntStream.range(0, CONCURRENT_DELIVERIES)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> item(deliverMeta(followUp)), pool)).toList();
            for (CompletableFuture<JsonPath> delivery : deliveries) {
                assertThat(delivery.get().getString("complaintId")).isEqualTo(complaintId);
            }
        } finally {
            pool.shutdown();
        }
        item(deliverMeta(followUp));

        assertThat(thread(complaintId).messages()).hasSize(1);
        assertThat(messageAddedEvents(complaintId, Duration.ofSeconds(3))).hasSize(1);
    }
}
