package io.tikun.intake.social;

import static io.tikun.intake.social.SocialFixtures.fixture;
import static io.tikun.intake.social.SocialFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class GenericWebhookParserTest {

    private final GenericWebhookParser parser = new GenericWebhookParser(new ObjectMapper());

    @Test
    void parsesGenericWebhookKeepingHebrewArabicAndEmojiExactly() {
        assertThat(parser.parse("tiktok", fixture("generic-webhook.json"))).containsExactly(new SocialMessage(
                Network.GENERIC, "tiktok", "tiktok:7301", "tiktok:thread-42", "tiktok:7299",
                new SocialAuthor("u-981", "dana.levi", "Dana Levi", 1200L, null), "השירות שלכם מזעזע 🤬 سأشتكي للشرطة",
                true, 1200L, Instant.parse("2025-11-23T03:00:00Z"), "https://community.example.com/t/thread-42/7301",
                ""));
    }

    @Test
    void givesPrivateGenericMessageNoReach() {
        String body = """
                {"messageId":"1","conversationId":"c","author":{"id":"a","followers":90000},"text":"",
                 "public":false,"sentAt":"2025-11-23T03:00:00Z"}
                """;

        SocialMessage message = parser.parse("forum", utf8(body)).get(0);

        assertThat(message.isPublic()).isFalse();
        assertThat(message.reach()).isNull();
        assertThat(message.author().followers()).isEqualTo(90000L);
        assertThat(message.text()).isEmpty();
        assertThat(message.inReplyToId()).isNull();
        assertThat(message.networkName()).isEqualTo("forum");
    }

    @Test
    void rejectsGenericMessageWithoutMessageId() {
        String body = """
                {"conversationId":"c","author":{"id":"a"},"text":"t","public":true,"sentAt":"2025-11-23T03:00:00Z"}
                """;

        assertThatThrownBy(() -> parser.parse("forum", utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/messageId must be a non-empty string");
    }

    @Test
    void rejectsSentAtWithoutOffset() {
        String body = """
                {"messageId":"1","conversationId":"c","author":{"id":"a"},"text":"t","public":true,
                 "sentAt":"2025-11-23T03:00:00"}
                """;

        assertThatThrownBy(() -> parser.parse("forum", utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessageStartingWith("/sentAt must be an ISO-8601 date-time with an offset");
    }

    @Test
    void rejectsPublicFlagThatIsNotBoolean() {
        String body = """
                {"messageId":"1","conversationId":"c","author":{"id":"a"},"text":"t","public":"yes",
                 "sentAt":"2025-11-23T03:00:00Z"}
                """;

        assertThatThrownBy(() -> parser.parse("forum", utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/public must be true or false");
    }

    @Test
    void rejectsNegativeFollowerCount() {
        String body = """
                {"messageId":"1","conversationId":"c","author":{"id":"a","followers":-5},"text":"t","public":true,
                 "sentAt":"2025-11-23T03:00:00Z"}
                """;

        assertThatThrownBy(() -> parser.parse("forum", utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/author/followers must be a non-negative whole number");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> parser.parse("forum", utf8("not json"))).isInstanceOf(SocialWebhookException.class)
                .hasMessageStartingWith("body is not valid JSON");
    }

    @Test
    void refusesNetworkNamesThatWouldImpersonateBuiltInNetworksOrAreNotLabels() {
        byte[] body = fixture("generic-webhook.json");
        for (String name : new String[] { "x", "xdm", "wa", "fb", "messenger", "ig", "igdm", "TikTok", "tik:tok", "",
                "a".repeat(33) }) {
            assertThatThrownBy(() -> parser.parse(name, body)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> parser.parse(null, body)).isInstanceOf(IllegalArgumentException.class);
    }
}
