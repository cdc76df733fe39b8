package io.tikun.intake.social;

import static io.tikun.intake.social.SocialFixtures.fixture;
import static io.tikun.intake.social.SocialFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class XWebhookParserTest {

    private static final String ACCOUNT_ID = "1460000000000000001";

    private final XWebhookParser parser = new XWebhookParser(new ObjectMapper());

    @Test
    void parsesMentionWithFullTextFromExtendedTweet() {
        List<SocialMessage> messages = parser.parse(fixture("x-mention.json"));

        assertThat(messages).containsExactly(new SocialMessage(Network.X, null, "x:1992345678901234567",
                "x:1992000000000000000", "x:1992000000000000000",
                new SocialAuthor("88776655", "mirikatz", "Miri Katz 🌻", 48210L, null),
                "@TikunDemo Third week without hot water. Your technician came twice, took photos, left, and nobody "
                        + "calls back. This is not service, this is a joke 🥶🚿 #TikunFail",
                true, 48210L, Instant.parse("2025-11-23T03:00:00Z"),
                "https://x.com/mirikatz/status/1992345678901234567", "/tweet_create_events/0"));
    }

    @Test
    void parsesShortTweetFromTextAndStartsItsOwnThread() {
        String body = """
                {"for_user_id":"1460000000000000001","tweet_create_events":[{"id_str":"42",
                  "created_at":"Wed Oct 10 20:19:24 +0000 2018","text":"@TikunDemo broken again",
                  "truncated":false,"in_reply_to_status_id_str":null,
                  "user":{"id_str":"7","screen_name":"kobi","name":"Kobi"}}]}
                """;

        SocialMessage message = parser.parse(utf8(body)).get(0);

        assertThat(message.text()).isEqualTo("@TikunDemo broken again");
        assertThat(message.conversationId()).isEqualTo("x:42");
        assertThat(message.inReplyToId()).isNull();
        assertThat(message.reach()).isNull();
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2018-10-10T20:19:24Z"));
    }

    @Test
    void parsesDirectMessageWithSenderDetailsFromUsersMapAndSkipsOwnReply() {
        List<SocialMessage> messages = parser.parse(fixture("x-dm.json"));

        assertThat(messages).containsExactly(new SocialMessage(Network.X, null, "xdm:1992345678905550001",
                "xdm:" + ACCOUNT_ID + ":3001969357", null,
                new SocialAuthor("3001969357", "ronitbd", "Ronit Ben-David", 2210L, null),
                "שלום, חויבתי פעמיים על אותה הזמנה. Please refund 🙏", false, null,
                Instant.parse("2025-11-23T03:00:00.321Z"), null, "/direct_message_events/0"));
    }

    @Test
    void parsesDirectMessageWithoutUsersMapKnowingOnlyTheSenderId() {
        String body = """
                {"for_user_id":"1","direct_message_events":[{"type":"message_create","id":"9",
                  "created_timestamp":"1763866800000","message_create":{"target":{"recipient_id":"1"},
                  "sender_id":"2","message_data":{"text":"hello"}}}]}
                """;

        assertThat(parser.parse(utf8(body)).get(0).author()).isEqualTo(new SocialAuthor("2", null, null, null, null));
    }

    @Test
    void ignoresOwnTweetsRetweetsLikesAndFollows() {
        assertThat(parser.parse(fixture("x-own-tweet.json"))).isEmpty();
    }

    @Test
    void reportsOurOwnReplyToACustomerAsAThreadLinkNotAMessage() {
        ParsedWebhook read = parser.read(fixture("x-own-tweet.json"));

        assertThat(read.messages()).isEmpty();
        assertThat(read.ownReplies()).containsExactly(
                new OwnReply("x:1992345678901239999", "x:1992345678901234567", "x:88776655"));
    }

    @Test
    void rejectsPayloadWithoutForUserId() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"tweet_create_events\":[]}")))
                .isInstanceOf(SocialWebhookException.class).hasMessage("/for_user_id must be a non-empty string");
    }

    @Test
    void rejectsTweetWithUnreadableDate() {
        String body = """
                {"for_user_id":"1","tweet_create_events":[{"id_str":"42","created_at":"2018-10-10T20:19:24Z",
                  "text":"x","user":{"id_str":"7","screen_name":"kobi"}}]}
                """;

        assertThatThrownBy(() -> parser.parse(utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/tweet_create_events/0/created_at is not in X's date format");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"for_user_id\": 1,,}")))
                .isInstanceOf(SocialWebhookException.class).hasMessageStartingWith("body is not valid JSON");
    }
}
