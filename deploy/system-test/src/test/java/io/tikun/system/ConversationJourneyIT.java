package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;
import io.tikun.stack.testing.HeadlessChromium;

/**
 * A whole conversation in Hebrew over the real broker, stores and mail sandbox: the customer writes on the web, the
 * agent answers by mail, the customer answers that mail by SMTP, and everything the customer is told (replies, the
 * summary of what was promised, the thanks and the survey) reaches the customer's mailbox in one thread.
 */
@ExtendWith(SharedStack.class)
class ConversationJourneyIT {

    private static final Duration WAIT = ComplaintJourney.WAIT;

    private static LocalStack stack;
    private static ComplaintJourney journey;

    @BeforeAll
    static void startTikun() {
        stack = SharedStack.stack();
        journey = new ComplaintJourney(stack);
    }

    @Test
    void hebrewWebComplaintIsAnsweredThreadedAndEveryCustomerMessageArrives() throws MessagingException, IOException {
        String email = "dana+" + UUID.randomUUID() + "@example.com";
        JsonPath receipt = given().auth().oauth2(journey.tokens().channel()).contentType(ContentType.JSON)
                .body(Map.of("channel", "web",
                        "customer", Map.of("name", "דנה לוי", "email", email),
                        "subject", "המקרר לא מקרר",
                        "body", "שלום, המקרר שקניתי לפני חודשיים הפסיק לקרר והאוכל התקלקל. אני מבקשת טכנאי בהקדם."))
                .post(stack.intake().url() + "/api/v1/complaints")
                .then().statusCode(202).extract().jsonPath();
        String complaintId = receipt.getString("id");
        String reference = receipt.getString("reference");
        String caseId = journey.awaitOpenedCase(complaintId).getString("id");

        String agent = journey.tokens().user("agent");
        given().auth().oauth2(agent).post(stack.routing().url() + "/api/v1/cases/" + caseId + "/claim")
                .then().statusCode(200);

        reply(agent, caseId, "שלום דנה, אני מצטערת על התקלה. טכנאי יתקשר אלייך היום לתיאום ביקור.");
        CapturedMail firstReply = awaitMail(email, "טכנאי יתקשר אלייך");
        assertThat(firstReply.subject()).contains("[" + reference + "]").startsWith("Re:");
        assertThat(firstReply.header("Reply-To")).contains(LocalStack.SUPPORT_MAILBOX);
        assertThat(firstReply.header("Auto-Submitted")).as("an agent's own words are not an automatic mail").isNull();
        assertThat(firstReply.header("Message-ID")).isNotBlank();
        readsRightToLeftInABrowser(firstReply, "טכנאי יתקשר אלייך", "customer-reply-he");
        await().atMost(WAIT).until(() -> messageStatus(caseId, "AGENT_REPLY"), status -> status.contains("SENT"));
        assertThat(journey.caseView(caseId).getString("firstRespondedAt")).isNotNull();

        String answerId = "<answer-" + UUID.randomUUID() + "@example.com>";
        byte[] photo = new byte[2500];
        new java.util.Random(42).nextBytes(photo);
        answerBySmtp(email, "Re: " + firstReply.subject(), firstReply.header("Message-ID"), answerId,
                "תודה, אבל אף אחד לא התקשר. מתי הטכנאי יגיע?", photo);
        await().atMost(Duration.ofSeconds(60)).until(() -> journey.caseView(caseId).getString("replyDueAt") != null);
        // The photo the customer attached is listed on their message in routing's case (intake keeps no content).
        JsonPath answered = journey.caseView(caseId);
        assertThat(answered.getString("messages.find { it.kind == 'CUSTOMER_MESSAGE' }.attachments[0].name"))
                .isEqualTo("מקרר.jpg");
        assertThat(answered.getLong("messages.find { it.kind == 'CUSTOMER_MESSAGE' }.attachments[0].size"))
                .isEqualTo(2500L);
        assertThat(answered.getString("messages.find { it.kind == 'CUSTOMER_MESSAGE' }.attachments[0].sha256"))
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256(photo)));

        reply(agent, caseId, "הטכנאי יגיע מחר בין 8 ל-12.");
        CapturedMail secondReply = awaitMail(email, "הטכנאי יגיע מחר");
        assertThat(secondReply.header("In-Reply-To")).as("the reply answers the customer's last mail").contains(answerId);
        assertThat(secondReply.subject()).contains("[" + reference + "]");
        await().atMost(WAIT).until(() -> journey.caseView(caseId).getString("replyDueAt") == null);

        journey.makeCommitment(caseId, "להחליף את המדחס במקרר", "agent", Instant.now().plus(Duration.ofDays(2)));
        CapturedMail summary = awaitMail(email, "להחליף את המדחס במקרר");
        assertThat(summary.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(summary.subject()).contains("[" + reference + "]");

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("resolution", "הטכנאי החליף את המדחס והמקרר מקרר שוב.", "category", "product_defect",
                        "rootCause", "product-defect"))
                .post(stack.routing().url() + "/api/v1/cases/" + caseId + "/resolve")
                .then().statusCode(200);
        CapturedMail thanks = awaitMail(email, "הטכנאי החליף את המדחס");
        assertThat(thanks.text()).contains(reference);
        CapturedMail survey = stack.mail().await(m -> m.isTo(email) && m.subject().contains("[" + reference + "]")
                && m.text().contains("/csat"), WAIT);
        assertThat(survey.header("Reply-To")).contains(LocalStack.SUPPORT_MAILBOX);

        List<Map<String, Object>> conversation = await().atMost(WAIT).until(
                () -> complaint(complaintId).getList("conversation"), entries -> entries.size() >= 7);
        List<String> directions = conversation.stream().map(entry -> String.valueOf(entry.get("direction"))).toList();
        List<String> kinds = conversation.stream().map(entry -> String.valueOf(entry.get("kind"))).toList();
        assertThat(directions.subList(0, 4)).containsExactly("INBOUND", "OUTBOUND", "INBOUND", "OUTBOUND");
        assertThat(kinds).contains("AGENT_REPLY", "EXPECTATION_SUMMARY", "THANK_YOU", "SURVEY");
        assertThat(kinds.indexOf("EXPECTATION_SUMMARY")).isLessThan(kinds.indexOf("THANK_YOU"));
        List<String> times = conversation.stream().map(entry -> String.valueOf(entry.get("at"))).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
        long mailsToCustomer = stack.mail().messages().stream().filter(m -> m.isTo(email)).count();
        // The acknowledgement, two replies, the summary, the thanks and the survey: each once.
        assertThat(mailsToCustomer).isEqualTo(6);
    }

    /**
     * The mail's HTML alternative as a mail program shows it: opened from a file in headless Chromium (at a phone's
     * width), its text laid out right to left; the screenshot is kept under target/screenshots for people to look at.
     */
    private static void readsRightToLeftInABrowser(CapturedMail mail, String words, String name) throws IOException {
        assertThat(mail.html()).as("an HTML alternative").isNotNull().contains(words);
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Path page = screenshots.resolve(name + ".html");
        Files.writeString(page, mail.html());
        try (HeadlessChromium chromium = HeadlessChromium.start("he")) {
            WebDriver browser = chromium.driver();
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(page.toUri().toString());
            WebElement paragraph = browser.findElements(By.xpath("//*[contains(text(), '" + words + "')]")).stream()
                    .findFirst().orElseThrow(() -> new AssertionError("'" + words + "' is not shown"));
            assertThat(paragraph.getCssValue("direction")).isEqualTo("rtl");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth;");
            assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);
            Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    private static void reply(String token, String caseId, String text) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", text))
                .post(stack.routing().url() + "/api/v1/cases/" + caseId + "/replies")
                .then().statusCode(200);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CapturedMail awaitMail(String email, String words) {
        return stack.mail().await(m -> m.isTo(email) && m.text().contains(words), WAIT);
    }

    private static List<String> messageStatus(String caseId, String kind) {
        return journey.caseView(caseId).getList("messages.findAll { it.kind == '" + kind + "' }.deliveryStatus");
    }

    private static JsonPath complaint(String complaintId) {
        return given().auth().oauth2(journey.tokens().user("agent"))
                .get(stack.intake().url() + "/api/v1/complaints/" + complaintId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The customer answers our mail from their own mail program, through SMTP, to the support mailbox. */
    private static void answerBySmtp(String from, String subject, String inReplyTo, String messageId, String text,
            byte[] photo) throws MessagingException, java.io.UnsupportedEncodingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(stack.mail().smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(LocalStack.SUPPORT_MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setHeader("In-Reply-To", inReplyTo);
        message.setHeader("References", inReplyTo);
        jakarta.mail.internet.MimeBodyPart words = new jakarta.mail.internet.MimeBodyPart();
        words.setText(text, "UTF-8");
        jakarta.mail.internet.MimeBodyPart picture = new jakarta.mail.internet.MimeBodyPart();
        picture.setDataHandler(new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(photo, "image/jpeg")));
        picture.setFileName(jakarta.mail.internet.MimeUtility.encodeText("מקרר.jpg", "UTF-8", "B"));
        picture.setDisposition(jakarta.mail.Part.ATTACHMENT);
        message.setContent(new jakarta.mail.internet.MimeMultipart(words, picture));
        Transport.send(message);
    }
}
