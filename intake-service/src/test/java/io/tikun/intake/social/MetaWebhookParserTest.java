package io.tikun.intake.social;

import static io.tikun.intake.social.SocialFixtures.fixture;
import static io.tikun.intake.social.SocialFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class MetaWebhookParserTest {

    private static final String PAGE_ID = "104938475610293";
    private static final String IG_ACCOUNT_ID = "17841400123456789";

    private final MetaWebhookParser parser = new MetaWebhookParser(new ObjectMapper());

    @Test
    void parsesNewFacebookPageCommentsAndSkipsRemovalsReactionsAndThePagesOwnReply() {
        List<SocialMessage> messages = parser.parse(fixture("facebook-page-comment.json"));

        assertThat(messages).containsExactly(
                new SocialMessage(Network.META_FACEBOOK, null, "fb:889900112233_5566778899",
                        "fb:post:104938475610293_889900112233", null,
                        new SocialAuthor("7203948571029384", null, "דנה לוי", null, null),
                        "המזגן שקניתי אצלכם התקלקל אחרי שבוע ואף אחד לא עונה לי 😡", true, null,
                        Instant.parse("2025-11-23T03:00:00Z"), null, "/entry/0/changes/0/value"),
                new SocialMessage(Network.META_FACEBOOK, null, "fb:889900112233_5566778999",
                        "fb:post:104938475610293_889900112233", "fb:889900112233_5566778899",
                        new SocialAuthor("6100223344556677", null, "Avi Cohen", null, null),
                        "Same here, mine broke too.", true, null, Instant.parse("2025-11-23T03:00:30Z"), null,
                        "/entry/0/changes/4/value"));
    }

    @Test
    void parsesMessengerTextAsPrivateMessageInPageSenderThread() {
        List<SocialMessage> messages = parser.parse(fixture("messenger-text.json"));

        assertThat(messages).containsExactly(new SocialMessage(Network.META_MESSENGER, null,
                "messenger:m_AbCdEf-1234567890_xyz", "messenger:" + PAGE_ID + ":25123456789012345", null,
                new SocialAuthor("25123456789012345", null, null, null, null),
                "ההזמנה שלי TK-000042 לא הגיעה. My order never arrived!", false, null,
                Instant.parse("2025-11-23T03:00:00.456Z"), null, "/entry/0/messaging/0"));
    }

    @Test
    void ignoresMessengerEchoDeliveryAndReadEvents() {
        assertThat(parser.parse(fixture("messenger-echo.json"))).isEmpty();
    }

    @Test
    void describesAttachmentOnlyMessengerMessageByItsTypes() {
        String body = """
                {"object":"page","entry":[{"id":"1","time":1763866800000,"messaging":[{
                  "sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1763866800000,
                  "message":{"mid":"m_1","reply_to":{"mid":"m_0"},"attachments":[
                    {"type":"image","payload":{"url":"https://lookaside.fbsbx.com/x.jpg"}},
                    {"type":"audio","payload":{"url":"https://lookaside.fbsbx.com/y.mp4"}}]}}]}]}
                """;

        SocialMessage message = parser.parse(utf8(body)).get(0);

        assertThat(message.text()).isEqualTo("[image] [audio]");
        assertThat(message.inReplyToId()).isEqualTo("messenger:m_0");
    }

    @Test
    void parsesInstagramCommentUsingTheEntryTime() {
        List<SocialMessage> messages = parser.parse(fixture("instagram-comment.json"));

        assertThat(messages).containsExactly(new SocialMessage(Network.META_INSTAGRAM, null,
                "ig:18012345678901234", "ig:media:17999888777666555", "ig:18012345678900000",
                new SocialAuthor("17841455566677788", "noa.b", null, null, null),
                "Still waiting for my refund 🙄 #disappointed", true, null, Instant.parse("2025-11-23T03:00:00Z"),
                null, "/entry/0/changes/0/value"));
    }

    @Test
    void readsLiveCommentWithEntryTimeGivenInMilliseconds() {
        String body = """
                {"object":"instagram","entry":[{"id":"17841400123456789","time":1763866800250,"changes":[{
                  "field":"live_comments","value":{"from":{"id":"5","username":"noa.b"},
                  "media":{"id":"6"},"id":"7","text":"where is my order?"}}]}]}
                """;

        assertThat(parser.parse(utf8(body)).get(0).sentAt()).isEqualTo(Instant.parse("2025-11-23T03:00:00.250Z"));
    }

    @Test
    void ignoresInstagramCommentsTheAccountWroteItself() {
        String body = """
                {"object":"instagram","entry":[{"id":"17841400123456789","time":1763866800,"changes":[{
                  "field":"comments","value":{"from":{"id":"17841400123456789","username":"tikundemo"},
                  "media":{"id":"17999888777666555"},"id":"18012345678909999","text":"Thanks, we sent a DM"}}]}]}
                """;

        assertThat(parser.parse(utf8(body))).isEmpty();
    }

    @Test
    void parsesInstagramDirectMessageWithArabicTextAndSkipsUnsendAndReaction() {
        List<SocialMessage> messages = parser.parse(fixture("instagram-dm.json"));

        assertThat(messages).containsExactly(new SocialMessage(Network.META_INSTAGRAM_DM, null,
                "igdm:aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAw", "igdm:" + IG_ACCOUNT_ID + ":1234567890123456",
                null, new SocialAuthor("1234567890123456", null, null, null, null),
                "طلبت المنتج قبل أسبوعين ولم يصل حتى الآن", false, null, Instant.parse("2025-11-23T03:00:00.789Z"),
                null, "/entry/0/messaging/0"));
    }

    @Test
    void parsesWhatsAppTextWithContactNameAndPhone() {
        List<SocialMessage> messages = parser.parse(fixture("whatsapp-text.json"));

        assertThat(messages).containsExactly(new SocialMessage(Network.META_WHATSAPP, null,
                "wa:wamid.HBgMOTcyNTQxMjM0NTY3FQIAEhggQTFCMkMzRDRFNUY2", "wa:106540352242922:972541234567", null,
                new SocialAuthor("972541234567", null, "سارة حداد", null, "+972541234567"),
                "الفاتورة خاطئة، تم خصم المبلغ مرتين 💳💳", false, null, Instant.parse("2025-11-23T03:00:00Z"), null,
                "/entry/0/changes/0/value/messages/0"));
    }

    @Test
    void parsesWhatsAppImageAsPlaceholderWithMediaIdAndCaptionAndSkipsReaction() {
        List<SocialMessage> messages = parser.parse(fixture("whatsapp-image.json"));

        assertThat(messages).containsExactly(new SocialMessage(Network.META_WHATSAPP, null,
                "wa:wamid.HBgMOTcyNTI5ODc2NTQzFQIAEhgUM0VCMEQ1RjlBNzY1NDMyMTBGRUQA", "wa:106540352242922:972529876543",
                "wa:wamid.HBgMOTcyNTI5ODc2NTQzFQIAERgSQUJDREVGMDEyMzQ1Njc4OQA=",
                new SocialAuthor("972529876543", null, "Yossi Mizrahi", null, "+972529876543"),
                "[image media:1479537139650973] זה מה שהגיע – שבור", false, null,
                Instant.parse("2025-11-23T03:00:05Z"), null, "/entry/0/changes/0/value/messages/0"));
    }

    @Test
    void ignoresWhatsAppStatusesCallback() {
        assertThat(parser.parse(fixture("whatsapp-statuses.json"))).isEmpty();
    }

    @Test
    void describesOtherWhatsAppMessageTypes() {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","metadata":{"phone_number_id":"9","display_phone_number":"15550000000"},
                  "messages":[
                    {"from":"972500000001","id":"wamid.a","timestamp":"1763866800","type":"audio",
                     "audio":{"id":"555","mime_type":"audio/ogg; codecs=opus","voice":true}},
                    {"from":"972500000001","id":"wamid.b","timestamp":"1763866801","type":"location",
                     "location":{"latitude":32.0853,"longitude":34.7818}},
                    {"from":"972500000001","id":"wamid.c","timestamp":"1763866802","type":"interactive",
                     "interactive":{"type":"button_reply","button_reply":{"id":"yes","title":"Yes, call me"}}},
                    {"from":"972500000001","id":"wamid.d","timestamp":"1763866803","type":"unsupported",
                     "errors":[{"code":131051,"title":"Message type unknown"}]}]}}]}]}
                """;

        assertThat(parser.parse(utf8(body))).extracting(SocialMessage::text).containsExactly("[audio media:555]",
                "[location 32.0853,34.7818]", "Yes, call me", "[unsupported]");
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"object\":\"page\",\"entry\":[")))
                .isInstanceOf(SocialWebhookException.class).hasMessageStartingWith("body is not valid JSON at line 1");
    }

    @Test
    void rejectsEmptyBodyAndNonObjectJson() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(SocialWebhookException.class)
                .hasMessage("body is empty");
        assertThatThrownBy(() -> parser.parse(utf8("[{\"object\":\"page\"}]")))
                .isInstanceOf(SocialWebhookException.class).hasMessage("body must be a JSON object");
    }

    @Test
    void rejectsPayloadWithoutObjectOrEntries() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"entry\":[]}"))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/object must be a non-empty string");
        assertThatThrownBy(() -> parser.parse(utf8("{\"object\":\"page\",\"entry\":{}}")))
                .isInstanceOf(SocialWebhookException.class).hasMessage("/entry must be an array");
    }

    @Test
    void rejectsUnsupportedMetaObject() {
        assertThatThrownBy(() -> parser.parse(utf8("{\"object\":\"user\",\"entry\":[{\"id\":\"1\"}]}")))
                .isInstanceOf(SocialWebhookException.class).hasMessage("unsupported Meta webhook object 'user'");
        assertThatThrownBy(() -> parser.parse(utf8("{\"object\":\"permissions\",\"entry\":[]}")))
                .isInstanceOf(SocialWebhookException.class).hasMessageContaining("'permissions'");
    }

    @Test
    void rejectsCommentWithoutAuthorNamingTheField() {
        String body = """
                {"object":"page","entry":[{"id":"1","time":1,"changes":[{"field":"feed","value":{
                  "item":"comment","verb":"add","comment_id":"2_3","post_id":"1_2","created_time":1763866800,
                  "message":"no author"}}]}]}
                """;

        assertThatThrownBy(() -> parser.parse(utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/entry/0/changes/0/value/from must be an object");
    }

    @Test
    void rejectsMessengerMessageWithNonNumericTimestamp() {
        String body = """
                {"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"2"},
                  "recipient":{"id":"1"},"timestamp":"yesterday","message":{"mid":"m","text":"hi"}}]}]}
                """;

        assertThatThrownBy(() -> parser.parse(utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/entry/0/messaging/0/timestamp must be a unix time (whole number)");
    }

    /** Found by {@code SocialWebhookFuzzTest}: a time past year 9999 threw a DateTimeException (a 500). */
    @Test
    void rejectsWhatsAppTimestampBeyondTheCalendarAsAShapeError() {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                  "messages":[{"from":"972500000001","id":"wamid.a","timestamp":"9223372036854775807","type":"text",
                  "text":{"body":"hi"}}]}}]}]}
                """;

        assertThatThrownBy(() -> parser.parse(utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/entry/0/changes/0/value/messages/0/timestamp must be a unix time between 1970 and 9999");
    }

    @Test
    void rejectsMessengerTimestampBeforeNineteenSeventy() {
        String body = """
                {"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"2"},
                  "recipient":{"id":"1"},"timestamp":-5,"message":{"mid":"m","text":"hi"}}]}]}
                """;

        assertThatThrownBy(() -> parser.parse(utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/entry/0/messaging/0/timestamp must be a unix time between 1970 and 9999");
    }

    @Test
    void rejectsWhatsAppTextMessageWithoutBody() {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                  "messages":[{"from":"972500000001","id":"wamid.a","timestamp":"1763866800","type":"text",
                  "text":{}}]}}]}]}
                """;

        assertThatThrownBy(() -> parser.parse(utf8(body))).isInstanceOf(SocialWebhookException.class)
                .hasMessage("/entry/0/changes/0/value/messages/0/text/body must be a non-empty string");
    }

    /** Found by {@code SocialWebhookFuzzTest}: {@code Set.contains(null)} threw a NullPointerException (a 500). */
    @Test
    void skipsAnInstagramChangeWithoutAFieldInsteadOfFailing() throws Exception {
        byte[] body;
        try (var in = getClass().getResourceAsStream("/fuzz/findings/meta-instagram-change-without-field.json")) {
            body = in.readAllBytes();
        }

        assertThat(parser.parse(body)).isEmpty();
    }
}
