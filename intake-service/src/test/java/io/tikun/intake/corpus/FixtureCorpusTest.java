package io.tikun.intake.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.client.model.Filters;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tikun.intake.complaint.ComplaintRepository;
import io.tikun.intake.complaint.ComplaintRepository.ComplaintThread;
import io.tikun.intake.complaint.FollowUpMessage;
import io.tikun.intake.store.IntakeStore;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;

/**
 * Every fixture under src/test/resources/email and src/test/resources/social, delivered through the real endpoints
 * (over the MongoDB-protocol server and Kafka), with what it must become: text, customer, thread, severity and reasons,
 * language; automated mail as its ignored kind; social payloads also forged and unsigned (401, nothing stored).
 */
@QuarkusTest
@TestProfile(FixtureCorpusProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class FixtureCorpusTest {

    private static final String META_SECRET = "test-meta-app-secret";
    private static final String X_SECRET = "test-x-consumer-secret";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-Id:\\s*<([^>]+)>");
    private static final Pattern IN_REPLY_TO = Pattern.compile("(?im)^In-Reply-To:\\s*<([^>]+)>");
    private static final Set<String> NONE = Set.of();

    @Inject
    ComplaintRepository complaints;

    @Inject
    IntakeStore store;

    /** What an e-mail fixture must become; {@code ignoredAs} set for automated mail, which becomes no complaint. */
    record Mail(String fixture, String ignoredAs, String name, String email, String text, String severity,
            Set<String> reasons, String language) {

        static Mail complaint(String fixture, String name, String email, String text, String severity,
                Set<String> reasons, String language) {
            return new Mail(fixture, null, name, email, text, severity, reasons, language);
        }

        static Mail ignored(String fixture, String kind) {
            return new Mail(fixture, kind, null, null, null, null, NONE, null);
        }

        @Override
        public String toString() {
            return fixture;
        }
    }

    /** One customer message a social fixture carries, as its complaint must show it. */
    record Post(String providerMessageId, String name, String phone, String text, boolean publicPost, Long reach,
            String severity, Set<String> reasons, String language) {
    }

    /** A social fixture, the endpoint it is delivered to, and the complaints it must become (none: nothing to hear). */
    record Social(String fixture, String network, List<Post> posts) {

        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Mail> mails() {
        return Stream.of(
                Mail.complaint("apple-iphone-flowed.eml", "Michal Ben-David", "michal.bd@icloud.com",
                        "I waited at home from 8 until 2 and nobody showed up.", "LOW", NONE, "en"),
                Mail.complaint("apple-nested-mixed-related.eml", "Efrat Navon", "efrat.navon@me.com",
                        "The blender motor burned out after 5 weeks.", "CRITICAL", Set.of("SAFETY"), "en"),
                Mail.complaint("arabic-body.eml", "سامي خوري", "sami.khoury@gmail.com",
                        "طلبت إصلاح الثلاجة قبل أسبوعين ولم يتصل بي أحد حتى الآن.", "MEDIUM", Set.of("LONG_WAIT"), "ar"),
                Mail.complaint("attachment-over-cap.eml", "Ofer Segal", "ofer.segal@gmail.com",
                        "The controller keeps rebooting. Log dump and receipt attached.", "LOW", NONE, "en"),
                Mail.complaint("attachments-pdf-image.eml", "Tamar Golan", "tamar.golan@gmail.com",
                        "The TV arrived with a cracked screen. Photo and receipt attached.", "LOW", NONE, "en"),
                Mail.ignored("auto-reply-auto-submitted.eml", "AUTO_REPLY"),
                Mail.ignored("auto-reply-x-autoreply.eml", "AUTO_REPLY"),
                Mail.complaint("bare-lf.eml", "Uri Peled", "uri.peled@example.net",
                        "The boiler makes a loud bang every time it starts.\nI am afraid it will explode.", "LOW", NONE,
                        "en"),
                Mail.ignored("dsn-bounce.eml", "BOUNCE"),
                Mail.complaint("emoji-rtl-marks.eml", "Keren", "keren.m@gmail.com",
                        "השירות שלכם פשוט נורא 😡😡", "LOW", NONE, "he"),
                Mail.complaint("forward-inline-gmail.eml", "Noa Shapiro", "noa.shapiro@gmail.com",
                        "The staff at branch 12 refused to accept my return even though I had the receipt.", "LOW",
                        NONE, "en"),
                Mail.complaint("forward-inline-long-note.eml", "Gil Amar", "gil.amar@gmail.com",
                        "I am forwarding your own message, in which you promised the refund within 7 business days.",
                        "MEDIUM", Set.of("LONG_WAIT", "REPEATED_FAILURE"), "en"),
                Mail.complaint("forward-rfc822-attachment.eml", "Lior Gal", "lior.gal@example.net",
                        "The washing machine you repaired last week is leaking again.", "MEDIUM", Set.of("REPEATED_FAILURE"),
                        "en"),
                Mail.complaint("gmail-reply-qp.eml", "Dana Levi", "dana.levi@gmail.com",
                        "The technician never came today either.", "MEDIUM", Set.of("REPEATED_FAILURE"), "en"),
                Mail.complaint("gmail-wrapped-attribution.eml", "Yossi Cohen", "yossi.cohen@gmail.com",
                        "The fridge arrived with a dented door. Please send someone to replace it.", "LOW", NONE, "en"),
                Mail.complaint("hebrew-gmail-katav.eml", "Amir Haddad", "amir.haddad@gmail.com",
                        "הטכנאי הגיע אבל לא הביא את החלק החסר.", "LOW", NONE, "he"),
                Mail.complaint("hebrew-gmail-reply.eml", "שירה לוי", "shira.levi@gmail.com",
                        "עדיין לא קיבלתי את ההחזר כספי. זה כבר חודש.", "MEDIUM", Set.of("FINANCIAL_HARM", "LONG_WAIT"), "he"),
                Mail.complaint("hebrew-iphone-signature.eml", "Dov Aharoni", "dov.aharoni@icloud.com",
                        "הדוד שוב לא עובד אחרי התיקון.", "MEDIUM", Set.of("REPEATED_FAILURE"), "he"),
                Mail.complaint("hebrew-iso-8859-8-visual.eml", "Eli Katz", "eli.katz@netvision.example",
                        "ההזמנה 5521 לא הגיעה.", "LOW", NONE, "he"),
                Mail.complaint("hebrew-outlook-reply.eml", "אורית", "orit@example.co.il",
                        "זו הפעם השלישית שהמשלוח מתעכב. אני דורשת פיצוי.", "MEDIUM", Set.of("REPEATED_FAILURE"), "he"),
                Mail.complaint("hebrew-utf8-base64.eml", "רונית אזולאי", "ronit.azulay@gmail.com",
                        "אם זה לא יטופל עד מחר אני מבטלת את העסקה.", "HIGH", Set.of("CHURN_INTENT", "REPEATED_FAILURE"),
                        "he"),
                Mail.complaint("hebrew-windows1255-qp.eml", "משה פרץ", "moshe.peretz@walla.co.il",
                        "החשבונית של חודש אוקטובר כוללת חיוב כפול על התקנה.", "MEDIUM", Set.of("FINANCIAL_HARM"), "he"),
                Mail.complaint("html-with-script.eml", "Oren Biton", "oren.biton@example.org",
                        "My bill shows a \"premium\" package & I never ordered it.", "HIGH",
                        Set.of("CHURN_INTENT", "FINANCIAL_HARM"), "en"),
                Mail.ignored("mailing-list.eml", "BULK"),
                Mail.complaint("missing-charset-utf8.eml", "Lea Dror", "lea.dror@example.co.il",
                        "המקרר לא מקרר כבר יומיים והאוכל התקלקל.", "LOW", NONE, "he"),
                Mail.ignored("newsletter-html-bulk.eml", "BULK"),
                Mail.ignored("out-of-office-hebrew.eml", "AUTO_REPLY"),
                Mail.complaint("outlook-from-block-related.eml", "Avi Mizrahi", "avi@mizrahi-logistics.example",
                        "Your answer is not acceptable.", "LOW", NONE, "en"),
                Mail.complaint("outlook-ios-separator.eml", "Ben Ohana", "ben.ohana@outlook.com",
                        "Still nothing in my account. Please check again.", "LOW", NONE, "en"),
                Mail.complaint("outlook-original-message.eml", "Renée Martin", "renee.martin@acme.example",
                        "We were charged twice for invoice 2026-1182", "MEDIUM", Set.of("FINANCIAL_HARM"), "en"),
                Mail.complaint("russian-koi8r.eml", "Ирина Смирнова", "irina.smirnova@mail.example.ru",
                        "Посудомоечная машина не работает с момента установки.", "LOW", NONE, "ru"),
                Mail.complaint("signature-delimiter.eml", "Rina Paz", "rina@paz-design.example",
                        "You delivered a grey sofa; I ordered a blue one (order 99120).", "LOW", NONE, "en"),
                // Spanish is outside the detected languages (Hebrew, English, Arabic, Russian): the nearest is named.
                Mail.complaint("unknown-charset-latin.eml", "Jose Garcia", "jose@example.es",
                        "La factura está mal. No pagaré el recargo de envío.", "LOW", NONE, "en"));
    }

    static Stream<Social> socials() {
        return Stream.of(
                new Social("facebook-page-comment.json", "meta", List.of(
                        new Post("fb:889900112233_5566778899", "דנה לוי", null,
                                "המזגן שקניתי אצלכם התקלקל אחרי שבוע ואף אחד לא עונה לי 😡", true, null, "MEDIUM",
                                Set.of("PUBLIC_EXPOSURE"), "he"),
                        // Another person answering Dana's comment has a complaint of their own, not a place in hers.
                        new Post("fb:889900112233_5566778999", "Avi Cohen", null, "Same here, mine broke too.", true,
                                null, "MEDIUM", Set.of("PUBLIC_EXPOSURE"), "en"))),
                new Social("instagram-comment.json", "meta", List.of(new Post("ig:18012345678901234", "noa.b", null,
                        "Still waiting for my refund 🙄 #disappointed", true, null, "MEDIUM",
                        Set.of("PUBLIC_EXPOSURE", "FINANCIAL_HARM"),
                        "en"))),
                new Social("instagram-dm.json", "meta", List.of(new Post(
                        "igdm:aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAw", "1234567890123456", null,
                        "طلبت المنتج قبل أسبوعين ولم يصل حتى الآن", false, null, "MEDIUM", Set.of("LONG_WAIT"), "ar"))),
                new Social("messenger-echo.json", "meta", List.of()),
                new Social("messenger-text.json", "meta", List.of(new Post("messenger:m_AbCdEf-1234567890_xyz",
                        "25123456789012345", null, "ההזמנה שלי TK-000042 לא הגיעה. My order never arrived!", false, null,
                        "LOW", NONE, "en"))),
                new Social("whatsapp-image.json", "meta", List.of(new Post(
                        "wa:wamid.HBgMOTcyNTI5ODc2NTQzFQIAEhgUM0VCMEQ1RjlBNzY1NDMyMTBGRUQA", "Yossi Mizrahi",
                        "+972529876543", "[image media:1479537139650973] זה מה שהגיע – שבור", false, null, "LOW", NONE,
                        "he"))),
                new Social("whatsapp-statuses.json", "meta", List.of()),
                new Social("whatsapp-text.json", "meta", List.of(new Post(
                        "wa:wamid.HBgMOTcyNTQxMjM0NTY3FQIAEhggQTFCMkMzRDRFNUY2", "سارة حداد", "+972541234567",
                        "الفاتورة خاطئة، تم خصم المبلغ مرتين 💳💳", false, null, "MEDIUM", Set.of("FINANCIAL_HARM"),
                        "ar"))),
                new Social("x-dm.json", "x", List.of(new Post("xdm:1992345678905550001", "Ronit Ben-David", null,
                        "שלום, חויבתי פעמיים על אותה הזמנה. Please refund 🙏", false, null, "MEDIUM",
                        Set.of("FINANCIAL_HARM"), "he"))),
                new Social("x-mention.json", "x", List.of(new Post("x:1992345678901234567", "Miri Katz 🌻", null,
                        "@TikunDemo Third week without hot water. Your technician came twice, took photos, left, and "
                                + "nobody calls back. This is not service, this is a joke 🥶🚿 #TikunFail",
                        true, 48_210L, "HIGH", Set.of("PUBLIC_EXPOSURE", "WIDE_REACH", "LONG_WAIT"), "en"))),
                new Social("x-own-tweet.json", "x", List.of()));
    }

    static List<String> fixtureNames(String folder, String suffix) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(FixtureCorpusTest.class.getResource(folder).toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyFixtureHasAnExpectedResult() throws Exception {
        assertThat(fixtureNames("/email/", ".eml")).hasSizeGreaterThanOrEqualTo(25)
                .containsExactlyElementsOf(mails().map(Mail::fixture).sorted().toList());
        assertThat(fixtureNames("/social/", ".json")).filteredOn(n -> !n.startsWith("generic"))
                .containsExactlyElementsOf(socials().map(Social::fixture).sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void eachMailBecomesTheComplaintItDescribes(Mail expected) {
        byte[] raw = fixture("/email/" + expected.fixture());
        Response delivered = deliverMail(raw);

        if (expected.ignoredAs() != null) {
            delivered.then().statusCode(200);
            assertThat(delivered.jsonPath().getString("outcome")).isEqualTo("IGNORED");
            assertThat(delivered.jsonPath().getString("complaintId")).isNull();
            Document ignored = store.collection("ignored_mail")
                    .find(Filters.eq("_id", delivered.jsonPath().getString("ignoredAs"))).collect().first().await()
                    .indefinitely();
            assertThat(ignored.getString("kind")).isEqualTo(expected.ignoredAs());
            return;
        }
        delivered.then().statusCode(202);
        JsonPath complaint = view(delivered.jsonPath().getString("complaintId"));
        assertThat(complaint.getString("channel")).isEqualTo("email");
        assertThat(complaint.getString("body")).contains(expected.text()).doesNotContainPattern("(?m)^>");
        assertThat(complaint.getString("customer.name")).isEqualTo(expected.name());
        assertThat(complaint.getString("customer.email")).isEqualTo(expected.email());
        assertThat(complaint.getString("severity")).isEqualTo(expected.severity());
        assertThat(complaint.getList("reasons.signal", String.class)).containsExactlyInAnyOrderElementsOf(
                expected.reasons());
        assertThat(complaint.getString("language")).isEqualTo(expected.language());
        assertThat(deliverMail(raw).jsonPath().getString("complaintId")).as("re-delivery")
                .isEqualTo(complaint.getString("id"));

        Matcher inReplyTo = IN_REPLY_TO.matcher(new String(raw, StandardCharsets.ISO_8859_1));
        if (inReplyTo.find()) {
            assertJoinsTheOriginalDeliveredFirst(raw, inReplyTo.group(1), expected, complaint);
        }
    }

    /**
     * The same reply, under a Message-ID of its own, after the message it answers: it is added to that complaint as a
     * further message with the same clean text, by the same customer, instead of opening a complaint.
     */
    private void assertJoinsTheOriginalDeliveredFirst(byte[] raw, String answered, Mail expected, JsonPath alone) {
        byte[] original = ("From: " + expected.email() + "\r\nTo: support@tikun.io\r\nSubject: First message\r\n"
                + "Date: Mon, 09 Nov 2026 09:00:00 +0200\r\nMessage-ID: <" + answered + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThis is where it started.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String originalId = deliverMail(original).then().statusCode(202).extract().path("complaintId");

        String headers = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher messageId = MESSAGE_ID.matcher(headers);
        assertThat(messageId.find()).isTrue();
        byte[] reply = (headers.substring(0, messageId.start(1)) + "thread." + headers.substring(messageId.start(1)))
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonPath threaded = deliverMail(reply).then().statusCode(200).extract().jsonPath();

        assertThat(threaded.getString("outcome")).isEqualTo("THREADED");
        assertThat(threaded.getString("complaintId")).isEqualTo(originalId);
        ComplaintThread thread = threadOf(originalId);
        assertThat(thread.messages()).extracting(FollowUpMessage::body).containsExactly(alone.getString("body"));
        assertThat(thread.complaint().customer().id()).isEqualTo(alone.getString("customer.id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("socials")
    void eachSocialPayloadIsRefusedUnsignedOrForgedAndBecomesItsComplaintsWhenSigned(Social expected) {
        byte[] body = fixture("/social/" + expected.fixture());
        String endpoint = "/api/v1/channels/" + expected.network();
        String header = "meta".equals(expected.network()) ? "X-Hub-Signature-256" : "x-twitter-webhooks-signature";
        String signature = "meta".equals(expected.network())
                ? "sha256=" + HexFormat.of().formatHex(hmac(META_SECRET, body))
                : "sha256=" + Base64.getEncoder().encodeToString(hmac(X_SECRET, body));
        String forged = "meta".equals(expected.network())
                ? "sha256=" + HexFormat.of().formatHex(hmac("not-the-app-secret", body))
                : "sha256=" + Base64.getEncoder().encodeToString(hmac("not-the-consumer-secret", body));

        given().contentType(JSON).body(body).post(endpoint).then().statusCode(401).contentType(PROBLEM);
        given().header(header, forged).contentType(JSON).body(body).post(endpoint).then().statusCode(401)
                .contentType(PROBLEM);
        for (Post post : expected.posts()) {
            assertThat(complaints.findByIdempotencyKey(post.providerMessageId()).await().indefinitely())
                    .as("stored after a refused delivery").isNull();
        }

        JsonPath delivery = given().header(header, signature).contentType(JSON).body(body).post(endpoint).then()
                .statusCode(200).extract().jsonPath();
        assertThat(delivery.getList("complaints.providerMessageId", String.class))
                .containsExactlyElementsOf(expected.posts().stream().map(Post::providerMessageId).toList());
        assertThat(delivery.getList("complaints.complaintId", String.class)).doesNotHaveDuplicates();
        for (int i = 0; i < expected.posts().size(); i++) {
            Post post = expected.posts().get(i);
            assertThat(delivery.getBoolean("complaints[" + i + "].created")).isTrue();
            JsonPath complaint = view(delivery.getString("complaints[" + i + "].complaintId"));
            assertThat(complaint.getString("channel")).isEqualTo(expected.network());
            assertThat(complaint.getString("body")).isEqualTo(post.text());
            assertThat(complaint.getString("customer.name")).isEqualTo(post.name());
            assertThat(complaint.getString("customer.phone")).isEqualTo(post.phone());
            assertThat(complaint.getBoolean("publicPost")).isEqualTo(post.publicPost());
            assertThat(complaint.get("reach") == null ? null : complaint.getLong("reach")).isEqualTo(post.reach());
            assertThat(complaint.getString("severity")).isEqualTo(post.severity());
            assertThat(complaint.getList("reasons.signal", String.class))
                    .containsExactlyInAnyOrderElementsOf(post.reasons());
            assertThat(complaint.getString("language")).isEqualTo(post.language());
        }

        JsonPath again = given().header(header, signature).contentType(JSON).body(body).post(endpoint).then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getList("complaints.complaintId", String.class))
                .isEqualTo(delivery.getList("complaints.complaintId", String.class));
        assertThat(again.getList("complaints.created", Boolean.class)).doesNotContain(true);
    }

    private ComplaintThread threadOf(String complaintId) {
        return complaints.findById(complaintId).chain(c -> complaints.threadsOf(c.customer().id())).await()
                .indefinitely().stream().filter(t -> t.complaint().id().equals(complaintId)).findFirst().orElseThrow();
    }

    private static Response deliverMail(byte[] raw) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("mail-gateway", Set.of("channel")))
                .contentType("message/rfc822").body(raw).post("/api/v1/channels/email");
    }

    private static JsonPath view(String complaintId) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("agent")))
                .get("/api/v1/complaints/" + complaintId).then().statusCode(200).extract().jsonPath();
    }

    private static byte[] fixture(String path) {
        try (InputStream in = FixtureCorpusTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
