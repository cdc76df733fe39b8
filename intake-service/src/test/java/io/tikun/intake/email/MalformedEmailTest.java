package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MalformedEmailTest {

    private static final int HUGE_HEADER_CHARS = 200_000;
    private static final int SMALL_PART_LIMIT = 3;
    private static final int SMALL_TEXT_LIMIT = 20;

    private final MimeComplaintParser parser = new MimeComplaintParser(new QuotedTextStripper(),
            new AutomatedMailDetector());

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedEmailException.class)
                .hasMessage("the message is empty");
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(MalformedEmailException.class)
                .hasMessage("the message is empty");
        assertThatThrownBy(() -> parser.parse(crlf("\n\n   \n"))).isInstanceOf(MalformedEmailException.class)
                .hasMessage("the message is empty");
    }

    @Test
    void rejectsPlainTextThatIsNotMime() {
        assertThatThrownBy(() -> parser.parse(crlf("Hello, I want to complain about my order.\nThanks")))
                .isInstanceOf(MalformedEmailException.class).hasMessageContaining("not an e-mail");
    }

    @Test
    void rejectsBinaryData() {
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(pdf)).isInstanceOf(MalformedEmailException.class)
                .hasMessageContaining("not an e-mail");
    }

    @Test
    void rejectsHeaderShapedTextWithoutAnyMailHeader() {
        assertThatThrownBy(() -> parser.parse(crlf("Foo: bar\nBaz: qux\n\nbody")))
                .isInstanceOf(MalformedEmailException.class).hasMessageContaining("no mail header field");
    }

    @Test
    void rejectsMessageWithNoSenderAndNoBody() {
        assertThatThrownBy(() -> parser.parse(crlf("Subject: hello\nDate: Mon, 9 Nov 2026 10:00:00 +0200\n\n")))
                .isInstanceOf(MalformedEmailException.class)
                .hasMessage("the message has neither a sender (From) nor a body");
    }

    @Test
    void acceptsMessageWithoutFromWhenItHasABody() throws Exception {
        ParsedEmail email = parser.parse(crlf("Subject: hello\n\nMy order is late."));

        assertThat(email.from()).isNull();
        assertThat(email.cleanText()).isEqualTo("My order is late.");
        assertThat(email.sentAt()).isNull();
        assertThat(email.messageId()).isNull();
    }

    @Test
    void readsWhatItCanOfATruncatedMultipartAndSaysItIsDamaged() throws Exception {
        byte[] truncated = crlf("""
                From: a@example.com
                Subject: cut
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                The beginning of my complaint
                --b1
                Content-Type: application/pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                """);

        ParsedEmail email = parser.parse(truncated);

        assertThat(email.damaged()).isTrue();
        assertThat(email.damage()).contains("truncated").contains("b1");
        assertThat(email.cleanText()).isEqualTo("The beginning of my complaint");
        assertThat(email.from().address()).isEqualTo("a@example.com");
    }

    @Test
    void aClosedMultipartIsNotDamaged() throws Exception {
        ParsedEmail email = parser.parse(crlf("""
                From: a@example.com
                Subject: whole
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                My whole complaint
                --b1--
                """));

        assertThat(email.damaged()).isFalse();
        assertThat(email.cleanText()).isEqualTo("My whole complaint");
    }

    @Test
    void rejectsMultipartWithoutBoundary() {
        byte[] noBoundary = crlf("""
                From: a@example.com
                Subject: no boundary
                Content-Type: multipart/mixed

                --x
                Content-Type: text/plain

                text
                --x--
                """);

        assertThatThrownBy(() -> parser.parse(noBoundary)).isInstanceOf(MalformedEmailException.class)
                .hasMessageContaining("boundary");
    }

    @Test
    void rejectsMoreMimePartsThanTheLimit() {
        MimeComplaintParser strict = new MimeComplaintParser(new EmailLimits(EmailLimits.DEFAULT_MAX_ATTACHMENT_BYTES,
                SMALL_PART_LIMIT, EmailLimits.DEFAULT_MAX_TEXT_CHARS), new QuotedTextStripper(),
                new AutomatedMailDetector());
        StringBuilder mail = new StringBuilder(
                "From: a@example.com\nSubject: many\nContent-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < SMALL_PART_LIMIT + 1; i++) {
            mail.append("--p\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        mail.append("--p--\n");

        assertThatThrownBy(() -> strict.parse(crlf(mail.toString()))).isInstanceOf(MalformedEmailException.class)
                .hasMessageContaining("MIME parts").hasMessageContaining("limit of " + SMALL_PART_LIMIT);
    }

    @Test
    void truncatesTextAboveTheLimitAndSaysSo() throws Exception {
        MimeComplaintParser strict = new MimeComplaintParser(new EmailLimits(EmailLimits.DEFAULT_MAX_ATTACHMENT_BYTES,
                EmailLimits.DEFAULT_MAX_PARTS, SMALL_TEXT_LIMIT), new QuotedTextStripper(), new AutomatedMailDetector());

        ParsedEmail email = strict.parse(crlf("From: a@example.com\n\nThis complaint is much longer than twenty characters."));

        assertThat(email.textTruncated()).isTrue();
        assertThat(email.cleanText()).hasSize(SMALL_TEXT_LIMIT);
        assertThat(email.originalText()).hasSize(SMALL_TEXT_LIMIT);
    }

    @Test
    void readsVeryLongFoldedHeaderLines() throws Exception {
        StringBuilder references = new StringBuilder("References:");
        int count = 0;
        while (references.length() < HUGE_HEADER_CHARS) {
            references.append(" <ref-").append(count++).append("@example.com>");
        }
        StringBuilder longSubject = new StringBuilder("Subject: ");
        while (longSubject.length() < HUGE_HEADER_CHARS) {
            longSubject.append("very ");
        }
        String mail = "From: a@example.com\n" + references + "\n" + longSubject + "\n\nBody";

        ParsedEmail email = parser.parse(crlf(mail));

        assertThat(email.references()).hasSize(count).startsWith("ref-0@example.com");
        assertThat(email.subject()).startsWith("very very").hasSizeGreaterThan(HUGE_HEADER_CHARS / 2);
        assertThat(email.cleanText()).isEqualTo("Body");
    }

    @Test
    void keepsUnparseableDateAsNull() throws Exception {
        ParsedEmail email = parser.parse(crlf("From: a@example.com\nDate: yesterday-ish\n\nBody"));

        assertThat(email.sentAt()).isNull();
    }

    @Test
    void readsDateWithoutWeekdayAndWithZoneComment() throws Exception {
        ParsedEmail email = parser.parse(crlf("From: a@example.com\nDate: 9 Nov 2026 10:00:00 +0200 (IST)\n\nBody"));

        assertThat(email.sentAt()).isEqualTo(java.time.Instant.parse("2026-11-09T08:00:00Z"));
    }

    @Test
    void decodesUndeclared8BitLatinBodyWithoutThrowing() throws Exception {
        byte[] head = crlf("From: a@example.com\nSubject: latin\n\n");
        byte[] body = "Caf\u00e9 cr\u00e8me froid".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mail = new byte[head.length + body.length];
        System.arraycopy(head, 0, mail, 0, head.length);
        System.arraycopy(body, 0, mail, head.length, body.length);

        ParsedEmail email = parser.parse(mail);

        assertThat(email.charset()).isEqualTo("windows-1252");
        assertThat(email.cleanText()).isEqualTo("Café crème froid");
    }

    @Test
    void survivesBrokenEncodedWordsAndBase64() throws Exception {
        ParsedEmail email = parser.parse(crlf("""
                From: =?utf-8?B?not-base64!!?= <a@example.com>
                Subject: =?x-unknown?Q?hello?= world
                Content-Transfer-Encoding: base64
                Content-Type: text/plain; charset=utf-8

                SGVsbG8gd29ybGQ@@@===
                """));

        assertThat(email.from().address()).isEqualTo("a@example.com");
        assertThat(email.subject()).endsWith("world");
        assertThat(email.cleanText()).startsWith("Hello world");
    }

    @Test
    void skipsLeadingBlankLinesAndMboxSeparator() throws Exception {
        ParsedEmail email = parser.parse(crlf("""

                From dana@example.com Mon Nov  9 10:00:00 2026
                From: Dana <dana@example.com>
                Subject: exported from mbox

                My order is late."""));

        assertThat(email.from()).isEqualTo(new EmailAddress("Dana", "dana@example.com"));
        assertThat(email.subject()).isEqualTo("exported from mbox");
        assertThat(email.cleanText()).isEqualTo("My order is late.");
    }
}
