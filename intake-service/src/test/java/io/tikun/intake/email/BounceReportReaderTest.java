package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tikun.intake.email.BounceReport.Action;
import io.tikun.intake.email.BounceReport.RecipientStatus;

/** Delivery status notifications as Postfix, Exim, Gmail and Office 365 write them. */
class BounceReportReaderTest {

    private final BounceReportReader reader = new BounceReportReader();

    private BounceReport read(String fixture) {
        Optional<BounceReport> report = reader.read(MimeComplaintParserTest.fixture("bounces/" + fixture));
        assertThat(report).as("a report in %s", fixture).isPresent();
        return report.get();
    }

    @ParameterizedTest
    @ValueSource(strings = { "postfix-user-unknown.eml", "postfix-delayed.eml", "exim-two-recipients.eml",
            "gmail-no-such-user.eml", "office365-recipient-not-found.eml" })
    void everyFixtureIsRecognisedAsABounceAndReadsAsOne(String fixture) throws Exception {
        byte[] raw = MimeComplaintParserTest.fixture("bounces/" + fixture);

        ParsedEmail mail = new MimeComplaintParser(new QuotedTextStripper(), new AutomatedMailDetector()).parse(raw);

        assertThat(mail.automated().kind()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(mail.cleanText()).as("the intake refuses a mail without text").isNotBlank();
        assertThat(reader.read(raw)).isPresent();
    }

    @Test
    void readsPostfixsFoldedDiagnosticAndTheMessageIdOfTheReturnedMessage() {
        BounceReport report = read("postfix-user-unknown.eml");

        assertThat(report.originalMessageId()).isEqualTo("msg.routing-reply-7f3c.a1b2c3d4e5f6@tikun.example");
        assertThat(report.recipients()).containsExactly(new RecipientStatus("dana@example.com", "dana@example.com",
                Action.FAILED, "5.1.1",
                "550 5.1.1 <dana@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
                "mx.example.com"));
        RecipientStatus dana = report.permanentFailures().get(0);
        assertThat(dana.reason()).isEqualTo("bounce 5.1.1: 550 5.1.1 <dana@example.com>: Recipient address rejected: "
                + "User unknown in virtual mailbox table");
        assertThat(dana.addresses()).containsExactly("dana@example.com");
    }

    @Test
    void aPostfixDelayWarningIsNoFailureAndNamesTheMailFromItsReturnedHeaders() {
        BounceReport report = read("postfix-delayed.eml");

        assertThat(report.originalMessageId()).isEqualTo("msg.routing-expectation-2d4e.9f8e7d6c5b4a@tikun.example");
        RecipientStatus avi = report.recipients().get(0);
        assertThat(report.recipients()).hasSize(1);
        assertThat(avi.action()).isEqualTo(Action.DELAYED);
        assertThat(avi.status()).isEqualTo("4.4.1");
        assertThat(avi.diagnosticCode()).isEqualTo("connect to mx.example.net[198.51.100.20]:25: Connection timed out");
        assertThat(avi.permanentFailure()).isFalse();
        assertThat(report.permanentFailures()).isEmpty();
    }

    @Test
    void readsEachRecipientOfAnEximBounceWhoseActionComesFirst() {
        BounceReport report = read("exim-two-recipients.eml");

        assertThat(report.originalMessageId()).isEqualTo("msg.followup-survey-91ab.0c1d2e3f4a5b@tikun.example");
        assertThat(report.recipients()).extracting(RecipientStatus::finalRecipient)
                .containsExactly("noam@example.org", "dana@example.com");
        assertThat(report.recipients()).extracting(RecipientStatus::originalRecipient).containsOnlyNulls();
        assertThat(report.permanentFailures()).extracting(RecipientStatus::reason).containsExactly(
                "bounce 5.0.0: 550 5.1.1 <noam@example.org>: The email account that you tried to reach does not exist",
                "bounce 5.0.0: 552 5.2.2 <dana@example.com>: Mailbox full, quota exceeded");
        assertThat(report.recipients()).extracting(RecipientStatus::remoteMta)
                .containsExactly("mx1.example.org", "mx.example.com");
    }

    @Test
    void joinsGmailsMultiLineSmtpReplyIntoOneSentence() {
        BounceReport report = read("gmail-no-such-user.eml");

        assertThat(report.originalMessageId()).isEqualTo("msg.routing-reply-5b6c.77aa88bb99cc@tikun.example");
        RecipientStatus yael = report.recipients().get(0);
        assertThat(yael.finalRecipient()).isEqualTo("yael.mizrahi@gmail.com");
        assertThat(yael.permanentFailure()).isTrue();
        assertThat(yael.reason()).isEqualTo("bounce 5.1.1: 550 5.1.1 The email account that you tried to reach does "
                + "not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. "
                + "For more information, go to https://support.google.com/mail/?p=NoSuchUser "
                + "d2e1a72fcca58-7a1b2c3d4e5sor1234567b3a.87 - gsmtp");
        assertThat(yael.remoteMta()).startsWith("gmail-smtp-in.l.google.com.");
    }

    @Test
    void readsAnOffice365NdrWithOnlyTheReturnedHeadersAndAFoldedMessageId() {
        BounceReport report = read("office365-recipient-not-found.eml");

        assertThat(report.originalMessageId()).isEqualTo("msg.routing-reply-c0ff.ee1234567890@tikun.example");
        assertThat(report.recipients()).containsExactly(new RecipientStatus("noam.peretz@contoso.com", null,
                Action.FAILED, "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient noam.peretz@contoso.com "
                        + "not found by SMTP address lookup",
                null));
        assertThat(report.permanentFailures()).hasSize(1);
    }

    @Test
    void takesGmailsXOriginalMessageIdWhenNoHeadersCameBack() {
        BounceReport report = reader.read(dsn("""
                Reporting-MTA: dns; googlemail.com
                X-Original-Message-ID: <msg.only-named-here@tikun.example>

                Final-Recipient: rfc822; yael@example.com
                Action: failed
                Status: 5.1.1
                """, "")).orElseThrow();

        assertThat(report.originalMessageId()).isEqualTo("msg.only-named-here@tikun.example");
    }

    @Test
    void aRecipientFieldSeenAgainStartsTheNextRecipientWhenTheBlankLineIsMissing() {
        BounceReport report = reader.read(dsn("""
                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; <one@example.com>
                Action: failed
                Status: 5.1.1 (bad destination mailbox address)
                Final-Recipient: rfc822; two@example.com
                Action: delivered
                Status: 2.0.0
                """, returnedHeaders("<ours@tikun.example>"))).orElseThrow();

        assertThat(report.recipients()).extracting(RecipientStatus::finalRecipient, RecipientStatus::action,
                RecipientStatus::status).containsExactly(
                        tuple("one@example.com", Action.FAILED, "5.1.1"),
                        tuple("two@example.com", Action.DELIVERED, "2.0.0"));
        assertThat(report.permanentFailures()).extracting(RecipientStatus::finalRecipient)
                .containsExactly("one@example.com");
    }

    @Test
    void aFailedActionWithATemporaryStatusIsNotPermanent() {
        BounceReport report = reader.read(dsn("""
                Final-Recipient: rfc822; one@example.com
                Action: failed
                Status: 4.2.2
                """, returnedHeaders("<ours@tikun.example>"))).orElseThrow();

        assertThat(report.permanentFailures()).isEmpty();
    }

    @Test
    void boundsAnOverlongDiagnosticInTheReason() {
        BounceReport report = reader.read(dsn("""
                Final-Recipient: rfc822; one@example.com
                Action: failed
                Status: 5.7.1
                Diagnostic-Code: smtp; 550 5.7.1 %s
                """.formatted("blocked ".repeat(200)), returnedHeaders("<ours@tikun.example>"))).orElseThrow();

        String reason = report.permanentFailures().get(0).reason();
        assertThat(reason).startsWith("bounce 5.7.1: 550 5.7.1 blocked blocked").endsWith("…");
        assertThat(reason.length()).isEqualTo(BounceReport.MAX_REASON);
    }

    @Test
    void aMailWithoutADeliveryStatusOrNotAMailAtAllHasNoReport() {
        assertThat(reader.read(MimeComplaintParserTest.fixture("auto-reply-auto-submitted.eml"))).isEmpty();
        assertThat(reader.read("no header here, just text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(reader.read(new byte[0])).isEmpty();
    }

    @Test
    void aReportWithoutReturnedHeadersHasNoOriginalMessageId() {
        BounceReport report = reader.read(dsn("""
                Final-Recipient: rfc822; one@example.com
                Action: failed
                Status: 5.1.1
                """, "")).orElseThrow();

        assertThat(report.originalMessageId()).isNull();
        assertThat(report.recipients()).hasSize(1);
    }

    /** A minimal multipart/report around this delivery status and an optional returned-headers part. */
    private static byte[] dsn(String deliveryStatus, String returnedHeadersPart) {
        return ("""
                From: MAILER-DAEMON@mx.example.com
                To: support@tikun.example
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered.

                --b
                Content-Type: message/delivery-status

                """ + deliveryStatus + "\n" + returnedHeadersPart + "--b--\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String returnedHeaders(String messageId) {
        return """
                --b
                Content-Type: text/rfc822-headers

                From: support@tikun.example
                To: one@example.com
                Message-ID: %s

                """.formatted(messageId);
    }
}
