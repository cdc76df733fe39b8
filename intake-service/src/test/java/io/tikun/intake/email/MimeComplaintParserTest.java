package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MimeComplaintParserTest {

    private static final String FIXTURES = "/email/";
    private static final int MIN_FIXTURES = 25;
    private static final long SMALL_ATTACHMENT_CAP = 1024;
    /** SHA-256 of the fixture attachments, computed with sha256sum from the bytes encoded into the .eml files. */
    private static final String RECEIPT_PDF_SHA256 = "5720db78aad4d195de658c315587241b1f2de193e51a0de5c5f994cf31eff5bc";
    private static final long RECEIPT_PDF_BYTES = 218;
    private static final String PIXEL_PNG_SHA256 = "b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640";
    private static final long PIXEL_PNG_BYTES = 69;
    private static final String CONTROLLER_LOG_SHA256 = "dfff795a6b8cdf421e2e0815987ba9eed246a3474ee26aeff7e70f0f2e5cc16b";
    private static final long CONTROLLER_LOG_BYTES = 2048;

    private final MimeComplaintParser parser = new MimeComplaintParser(new QuotedTextStripper(),
            new AutomatedMailDetector());

    static byte[] fixture(String name) {
        try (InputStream in = MimeComplaintParserTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParsedEmail parse(String name) throws MalformedEmailException {
        return parser.parse(fixture(name));
    }

    static Stream<String> allFixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(MimeComplaintParserTest.class.getResource(FIXTURES).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList()
                    .stream();
        }
    }

    @Test
    void corpusHasAtLeastTwentyFiveFixtures() throws Exception {
        assertThat(allFixtures().count()).isGreaterThanOrEqualTo(MIN_FIXTURES);
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void everyFixtureParsesToCleanTextWithoutQuotedLines(String name) throws Exception {
        ParsedEmail email = parse(name);

        assertThat(email.messageId()).isNotBlank();
        assertThat(email.from()).isNotNull();
        assertThat(email.from().address()).contains("@");
        assertThat(email.sentAt()).isNotNull();
        assertThat(email.cleanText()).isNotBlank().doesNotContain("\r").doesNotContain("\u200f");
        assertThat(email.cleanText().lines()).noneMatch(line -> line.startsWith(">"));
        assertThat(email.cleanText().length()).isLessThanOrEqualTo(email.originalText().length());
        assertThat(email.charset()).isNotBlank();
    }

    // ---- Gmail ----

    @Test
    void stripsGmailQuotedHistoryAndPrefersPlainAlternative() throws Exception {
        ParsedEmail email = parse("gmail-reply-qp.eml");

        assertThat(email.messageId()).isEqualTo("CAOw9vZ1xQ+dana-3@mail.gmail.com");
        assertThat(email.inReplyTo()).isEqualTo("CAF=support-2@mail.tikun.io");
        assertThat(email.references()).containsExactly("CAF=support-1@mail.tikun.io", "CAF=support-2@mail.tikun.io");
        assertThat(email.from()).isEqualTo(new EmailAddress("Dana Levi", "dana.levi@gmail.com"));
        assertThat(email.to()).containsExactly(new EmailAddress("Tikun Support", "support@tikun.io"));
        assertThat(email.subject()).isEqualTo("Re: Visit scheduled - case TK-000042");
        assertThat(email.sentAt()).isEqualTo(Instant.parse("2026-11-12T14:42:07Z"));
        assertThat(email.bodyFromHtml()).isFalse();
        assertThat(email.charset()).isEqualTo("UTF-8");
        assertThat(email.cleanText()).isEqualTo("""
                Hi,

                The technician never came today either. This is the third time I took a day off work for nothing.
                I want a refund of the visit fee – ₪250 – by Friday.

                Dana""");
        assertThat(email.originalText()).contains("> A technician will visit you on Thursday");
        assertThat(email.automated().kind()).isEqualTo(AutomatedKind.NONE);
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void stripsGmailAttributionWrappedOverTwoLines() throws Exception {
        ParsedEmail email = parse("gmail-wrapped-attribution.eml");

        assertThat(email.cleanText())
                .isEqualTo("The fridge arrived with a dented door. Please send someone to replace it.");
        assertThat(email.from()).isEqualTo(new EmailAddress("Yossi Cohen", "yossi.cohen@gmail.com"));
        assertThat(email.inReplyTo()).isEqualTo("CAF=support-7@mail.tikun.io");
    }

    // ---- Outlook ----

    @Test
    void convertsOutlookHtmlOnlyBodyAndStripsOriginalMessage() throws Exception {
        ParsedEmail email = parse("outlook-original-message.eml");

        assertThat(email.bodyFromHtml()).isTrue();
        assertThat(email.charset()).isEqualTo("windows-1252");
        assertThat(email.from()).isEqualTo(new EmailAddress("Renée Martin", "renee.martin@acme.example"));
        assertThat(email.subject()).isEqualTo("RE: Invoice 2026-1182");
        assertThat(email.sentAt()).isEqualTo(Instant.parse("2026-11-10T08:12:32Z"));
        assertThat(email.cleanText()).startsWith("Hello,\n\nWe were charged twice for invoice 2026-1182 (€1,240.00")
                .contains("Renée Martin").doesNotContain("Original Message").doesNotContain("Please find attached")
                .doesNotContain("MsoNormal").doesNotContain("font-family");
        assertThat(email.originalText()).contains("-----Original Message-----");
    }

    @Test
    void stripsOutlookFromSentBlockAndListsInlineLogo() throws Exception {
        ParsedEmail email = parse("outlook-from-block-related.eml");

        assertThat(email.cleanText()).isEqualTo("""
                Your answer is not acceptable. The contract says the installation is free, and I will not pay 400 NIS.

                Avi Mizrahi""");
        assertThat(email.references()).containsExactly("support-install-0@tikun.io", "support-install-1@tikun.io");
        assertThat(email.bodyFromHtml()).isTrue();
        assertThat(email.attachments()).containsExactly(new AttachmentInfo("image001.png", "image/png",
                PIXEL_PNG_BYTES, PIXEL_PNG_SHA256, true, false));
    }

    @Test
    void stripsOutlookMobileSignatureAndUnderscoreSeparator() throws Exception {
        ParsedEmail email = parse("outlook-ios-separator.eml");

        assertThat(email.cleanText()).isEqualTo("Still nothing in my account. Please check again.");
        assertThat(email.originalText()).contains("The refund was issued on November 16.");
    }

    // ---- Apple ----

    @Test
    void joinsFormatFlowedLinesAndDropsSentFromMyIphone() throws Exception {
        ParsedEmail email = parse("apple-iphone-flowed.eml");

        assertThat(email.cleanText()).isEqualTo("I waited at home from 8 until 2 and nobody showed up. "
                + "Nobody called either. I expect a call from a manager today.");
        assertThat(email.messageId()).isEqualTo("4F3B2C1A-9D8E-4B7F-A6C5-1E2D3F4A5B6C@icloud.com");
        assertThat(email.charset()).isEqualTo("US-ASCII");
    }

    @Test
    void walksNestedMixedAlternativeRelatedTree() throws Exception {
        ParsedEmail email = parse("apple-nested-mixed-related.eml");

        assertThat(email.cleanText()).isEqualTo(
                "The blender motor burned out after 5 weeks. The warranty card and the invoice are attached.");
        assertThat(email.bodyFromHtml()).isFalse();
        assertThat(email.attachments()).containsExactly(new AttachmentInfo("receipt.pdf", "application/pdf",
                RECEIPT_PDF_BYTES, RECEIPT_PDF_SHA256, false, false));
    }

    // ---- Hebrew and other scripts ----

    @Test
    void decodesHebrewUtf8Base64BodyAndEncodedWordSubject() throws Exception {
        ParsedEmail email = parse("hebrew-utf8-base64.eml");

        assertThat(email.subject()).isEqualTo("המזגן מטפטף - אין מענה");
        assertThat(email.from()).isEqualTo(new EmailAddress("רונית אזולאי", "ronit.azulay@gmail.com"));
        assertThat(email.to()).containsExactly(new EmailAddress(null, "service@tikun.io"));
        assertThat(email.cleanText()).startsWith("שלום,\n\nהמזגן שהותקן אצלי לפני שבוע מטפטף מים על הרצפה.")
                .contains("אם זה לא יטופל עד מחר אני מבטלת את העסקה.").endsWith("תודה,\nרונית");
    }

    @Test
    void decodesHebrewWindows1255QuotedPrintableBodyAndQSubject() throws Exception {
        ParsedEmail email = parse("hebrew-windows1255-qp.eml");

        assertThat(email.charset()).isEqualTo("windows-1255");
        assertThat(email.subject()).isEqualTo("חיוב כפול בחשבונית");
        assertThat(email.from()).isEqualTo(new EmailAddress("משה פרץ", "moshe.peretz@walla.co.il"));
        assertThat(email.messageId()).isEqualTo("000101db3a2b$1c2d3e40$54b6bac0$@walla.co.il");
        assertThat(email.cleanText()).contains("החשבונית של חודש אוקטובר כוללת חיוב כפול על התקנה.")
                .endsWith("משה");
    }

    @Test
    void decodesIso88598VisualHebrewAsIs() throws Exception {
        ParsedEmail email = parse("hebrew-iso-8859-8-visual.eml");

        assertThat(email.charset()).isEqualTo("ISO-8859-8");
        assertThat(email.subject()).isEqualTo("הזמנה 5521");
        // visual order is kept as the bytes say; reordering is a display concern
        assertThat(email.cleanText()).isEqualTo("Shalom,\nאל ןיידע הרזחהה\nההזמנה 5521 לא הגיעה.");
    }

    @Test
    void stripsHebrewGmailReplyWithMeetAttributionAndBidiMarks() throws Exception {
        ParsedEmail email = parse("hebrew-gmail-reply.eml");

        assertThat(email.subject()).isEqualTo("Re: החזר כספי");
        assertThat(email.from()).isEqualTo(new EmailAddress("שירה לוי", "shira.levi@gmail.com"));
        assertThat(email.cleanText()).isEqualTo("עדיין לא קיבלתי את ההחזר כספי. זה כבר חודש.");
        assertThat(email.originalText()).contains("ההחזר יבוצע תוך 14 יום");
    }

    @Test
    void stripsHebrewGmailReplyWithKatavAttribution() throws Exception {
        ParsedEmail email = parse("hebrew-gmail-katav.eml");

        assertThat(email.subject()).isEqualTo("Re: ביקור טכנאי");
        assertThat(email.cleanText()).isEqualTo("הטכנאי הגיע אבל לא הביא את החלק החסר. אני לא מוכן לחכות עוד שבוע.");
    }

    @Test
    void stripsHebrewOutlookMeetBlockFromHtml() throws Exception {
        ParsedEmail email = parse("hebrew-outlook-reply.eml");

        assertThat(email.bodyFromHtml()).isTrue();
        assertThat(email.charset()).isEqualTo("windows-1255");
        assertThat(email.subject()).isEqualTo("RE: עדכון משלוח");
        assertThat(email.from()).isEqualTo(new EmailAddress("אורית", "orit@example.co.il"));
        assertThat(email.to()).containsExactly(new EmailAddress("שירות לקוחות", "support@tikun.io"));
        assertThat(email.cleanText()).isEqualTo("זו הפעם השלישית שהמשלוח מתעכב. אני דורשת פיצוי.\n\nבברכה,\nאורית");
    }

    @Test
    void stripsHebrewIphoneSignatureAndQuotedReply() throws Exception {
        ParsedEmail email = parse("hebrew-iphone-signature.eml");

        assertThat(email.subject()).isEqualTo("Re: תיקון הדוד");
        assertThat(email.cleanText()).isEqualTo("הדוד שוב לא עובד אחרי התיקון.");
    }

    @Test
    void decodesArabicQuotedPrintableBody() throws Exception {
        ParsedEmail email = parse("arabic-body.eml");

        assertThat(email.subject()).isEqualTo("إصلاح الثلاجة");
        assertThat(email.from()).isEqualTo(new EmailAddress("سامي خوري", "sami.khoury@gmail.com"));
        assertThat(email.cleanText()).contains("طلبت إصلاح الثلاجة قبل أسبوعين ولم يتصل بي أحد حتى الآن.")
                .endsWith("سامي");
    }

    @Test
    void decodesRussianKoi8rBodyAndSubject() throws Exception {
        ParsedEmail email = parse("russian-koi8r.eml");

        assertThat(email.charset()).isEqualTo("KOI8-R");
        assertThat(email.subject()).isEqualTo("Посудомоечная машина не работает");
        assertThat(email.from()).isEqualTo(new EmailAddress("Ирина Смирнова", "irina.smirnova@mail.example.ru"));
        assertThat(email.cleanText()).contains("Посудомоечная машина не работает с момента установки.");
    }

    @Test
    void keepsEmojiAndRemovesInvisibleRtlMarksFromCleanText() throws Exception {
        ParsedEmail email = parse("emoji-rtl-marks.eml");

        assertThat(email.subject()).isEqualTo("שירות נורא 😡");
        assertThat(email.cleanText())
                .isEqualTo("השירות שלכם פשוט נורא 😡😡\nחיכיתי 3 שעות על הקו 📞 ואף אחד לא ענה.\nOrder #A-7781 👎");
        assertThat(email.originalText()).contains("\u200f");
    }

    // ---- HTML ----

    @Test
    void dropsScriptsAndDecodesEntitiesInHtmlOnlyBody() throws Exception {
        ParsedEmail email = parse("html-with-script.eml");

        assertThat(email.bodyFromHtml()).isTrue();
        assertThat(email.cleanText()).isEqualTo("""
                My bill shows a "premium" package & I never ordered it.
                Items charged:
                Premium <TV> package
                Router rental
                - October: ₪89
                - November: ₪89
                Please cancel it.
                Oren""");
        assertThat(email.originalText()).doesNotContain("document.cookie").doesNotContain("alert(")
                .doesNotContain("font-family").doesNotContain("Enable JavaScript");
    }

    @Test
    void convertsNewsletterHtmlAndFlagsItAsBulk() throws Exception {
        ParsedEmail email = parse("newsletter-html-bulk.eml");

        assertThat(email.bodyFromHtml()).isTrue();
        assertThat(email.cleanText()).contains("Save 20% on air conditioners & heaters this week only.")
                .contains("- Split AC 1.5HP – ₪2,490").doesNotContain("<").doesNotContain(".btn");
        assertThat(email.automated().kind()).isEqualTo(AutomatedKind.BULK);
        assertThat(email.automated().evidence()).contains("Precedence: bulk")
                .anyMatch(e -> e.startsWith("List-Unsubscribe: <https://shop.example/unsub?u=8812>"));
    }

    // ---- forwards ----

    @Test
    void keepsInlineForwardedComplaintWhenTheNoteIsShort() throws Exception {
        ParsedEmail email = parse("forward-inline-gmail.eml");

        assertThat(email.forwarded()).isTrue();
        assertThat(email.cleanText()).isEqualTo("""
                FYI, see below.

                The staff at branch 12 refused to accept my return even though I had the receipt.
                The manager shouted at me in front of other customers.

                Noa""");
        assertThat(email.cleanText()).doesNotContain("Forwarded message").doesNotContain("branch12@tikun.io");
    }

    @Test
    void keepsOnlyTheCustomersWordsWhenTheyWroteALotAboveTheForward() throws Exception {
        ParsedEmail email = parse("forward-inline-long-note.eml");

        assertThat(email.forwarded()).isTrue();
        assertThat(email.cleanText()).startsWith("I am forwarding your own message")
                .endsWith("I want the refund today or I will file a complaint.")
                .doesNotContain("Your refund will be processed");
        assertThat(email.originalText()).contains("Your refund will be processed within 7 business days.");
    }

    @Test
    void keepsForwardedRfc822MessageAsTheComplaint() throws Exception {
        ParsedEmail email = parse("forward-rfc822-attachment.eml");

        assertThat(email.forwarded()).isTrue();
        assertThat(email.cleanText()).isEqualTo("""
                See attached, no answer for 3 days.

                The washing machine you repaired last week is leaking again. The floor is flooded.
                This is a safety issue - water is reaching the electrical socket.""");
        assertThat(email.originalText()).contains("Subject: Washing machine leaking again");
        assertThat(email.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("Washing machine leaking again.eml");
            assertThat(attachment.contentType()).isEqualTo("message/rfc822");
            assertThat(attachment.sizeBytes()).isPositive();
            assertThat(attachment.sha256Hex()).hasSize(64);
        });
    }

    // ---- automated mail ----

    @Test
    void detectsAutoSubmittedAutoReply() throws Exception {
        ParsedEmail email = parse("auto-reply-auto-submitted.eml");

        assertThat(email.automated().kind()).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(email.automated().evidence()).contains("Auto-Submitted: auto-replied",
                "Subject: Automatic reply: Your case TK-000042");
        assertThat(email.inReplyTo()).isEqualTo("case-42-update@tikun.io");
    }

    @Test
    void detectsXAutoreplyHeader() throws Exception {
        ParsedEmail email = parse("auto-reply-x-autoreply.eml");

        assertThat(email.automated()).isEqualTo(new AutomatedSignal(AutomatedKind.AUTO_REPLY, List.of("X-Autoreply: yes")));
        assertThat(email.from()).isEqualTo(new EmailAddress(null, "yossi@smallbiz.example"));
    }

    @Test
    void detectsHebrewOutOfOfficeFromSubjectTogetherWithExchangeHeader() throws Exception {
        ParsedEmail email = parse("out-of-office-hebrew.eml");

        assertThat(email.subject()).isEqualTo("תשובה אוטומטית: עדכון לגבי הפנייה שלך");
        assertThat(email.automated().kind()).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(email.automated().evidence()).contains("X-Auto-Response-Suppress: All",
                "Subject: תשובה אוטומטית: עדכון לגבי הפנייה שלך");
        assertThat(email.cleanText()).isEqualTo("אני מחוץ למשרד עד ה-20 לחודש. לעניינים דחופים פנו לאבי.");
    }

    @Test
    void detectsDeliveryStatusBounce() throws Exception {
        ParsedEmail email = parse("dsn-bounce.eml");

        assertThat(email.automated().kind()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(email.automated().evidence()).contains("part Content-Type: message/delivery-status",
                "From: MAILER-DAEMON@mx1.tikun.io")
                .anyMatch(e -> e.startsWith("Content-Type: multipart/report; report-type=delivery-status"));
        assertThat(email.sentAt()).isEqualTo(Instant.parse("2026-11-13T10:00:00Z"));
        assertThat(email.cleanText()).startsWith("This is the mail system at host mx1.tikun.io.")
                .doesNotContain("Final-Recipient");
        assertThat(email.attachments()).extracting(AttachmentInfo::contentType)
                .containsExactly("message/delivery-status", "text/rfc822-headers");
    }

    @Test
    void detectsMailingListTrafficAsBulkAndStripsListFooter() throws Exception {
        ParsedEmail email = parse("mailing-list.eml");

        assertThat(email.automated().kind()).isEqualTo(AutomatedKind.BULK);
        assertThat(email.automated().evidence()).contains("Precedence: list")
                .anyMatch(e -> e.startsWith("List-Id: Tikun customers forum"));
        assertThat(email.cleanText())
                .isEqualTo("Is anyone else still waiting for the firmware update that was promised in October?");
    }

    // ---- attachments ----

    @Test
    void listsPdfAndImageAttachmentsWithSizeAndSha256() throws Exception {
        ParsedEmail email = parse("attachments-pdf-image.eml");

        assertThat(email.cleanText()).isEqualTo("The TV arrived with a cracked screen. Photo and receipt attached.");
        assertThat(email.attachments()).containsExactly(
                new AttachmentInfo("receipt.pdf", "application/pdf", RECEIPT_PDF_BYTES, RECEIPT_PDF_SHA256, false,
                        false),
                new AttachmentInfo("מסך שבור.png", "image/png", PIXEL_PNG_BYTES, PIXEL_PNG_SHA256, false, false));
    }

    @Test
    void flagsAttachmentAboveTheCapButStillListsIt() throws Exception {
        MimeComplaintParser capped = new MimeComplaintParser(
                new EmailLimits(SMALL_ATTACHMENT_CAP, EmailLimits.DEFAULT_MAX_PARTS, EmailLimits.DEFAULT_MAX_TEXT_CHARS),
                new QuotedTextStripper(), new AutomatedMailDetector());

        ParsedEmail email = capped.parse(fixture("attachment-over-cap.eml"));

        assertThat(email.attachments()).containsExactly(
                new AttachmentInfo("controller.log.gz", "application/octet-stream", CONTROLLER_LOG_BYTES,
                        CONTROLLER_LOG_SHA256, false, true),
                new AttachmentInfo("receipt.pdf", "application/pdf", RECEIPT_PDF_BYTES, RECEIPT_PDF_SHA256, false,
                        false));
        assertThat(email.cleanText()).isEqualTo("The controller keeps rebooting. Log dump and receipt attached.");
    }

    @Test
    void keepsAttachmentUnderTheDefaultCap() throws Exception {
        ParsedEmail email = parse("attachment-over-cap.eml");

        assertThat(email.attachments()).noneMatch(AttachmentInfo::overCap);
    }

    // ---- robustness ----

    @Test
    void readsBareLfLineEndings() throws Exception {
        ParsedEmail email = parse("bare-lf.eml");

        assertThat(email.subject()).isEqualTo("Bare LF mail from a script");
        assertThat(email.cleanText())
                .isEqualTo("The boiler makes a loud bang every time it starts.\nI am afraid it will explode.");
    }

    @Test
    void fallsBackToUtf8ForUndeclaredCharsetIncludingRawUtf8Subject() throws Exception {
        ParsedEmail email = parse("missing-charset-utf8.eml");

        assertThat(email.charset()).isEqualTo("UTF-8");
        assertThat(email.subject()).isEqualTo("המקרר לא מקרר");
        assertThat(email.cleanText()).isEqualTo("המקרר לא מקרר כבר יומיים והאוכל התקלקל.");
    }

    @Test
    void fallsBackToWindows1252ForUnknownCharsetWithNonUtf8Bytes() throws Exception {
        ParsedEmail email = parse("unknown-charset-latin.eml");

        assertThat(email.charset()).isEqualTo("windows-1252");
        assertThat(email.cleanText()).isEqualTo("La factura está mal. No pagaré el recargo de envío.");
    }

    @Test
    void stripsRfc3676SignatureFromFixture() throws Exception {
        ParsedEmail email = parse("signature-delimiter.eml");

        assertThat(email.cleanText()).isEqualTo("You delivered a grey sofa; I ordered a blue one (order 99120).");
        assertThat(email.originalText()).contains("Paz Design Studio");
    }
}
