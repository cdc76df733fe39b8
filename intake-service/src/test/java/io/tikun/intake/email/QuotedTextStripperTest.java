package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextStripperTest {

    private final QuotedTextStripper stripper = new QuotedTextStripper();

    private String own(String text) {
        return stripper.strip(text).ownText();
    }

    @Test
    void removesQuotedLinesAndGmailAttribution() {
        String text = """
                The heater still does not work.

                On Mon, Nov 9, 2026 at 10:00 AM Tikun Support <support@tikun.io> wrote:
                > We fixed the heater.
                > Regards
                """;

        assertThat(own(text)).isEqualTo("The heater still does not work.");
    }

    @Test
    void stripsGmailAttributionSplitAcrossTwoLines() {
        String text = """
                Please call me back.

                On Mon, Nov 9, 2026 at 10:00 AM Tikun Customer Service Department <
                support@tikun.io> wrote:

                We fixed the heater (quoted without markers by a converter).
                """;

        assertThat(own(text)).isEqualTo("Please call me back.");
    }

    @Test
    void stripsAppleAttributionWithoutQuoteMarkers() {
        assertThat(own("Still broken.\n\nOn 9 Nov 2026, at 10:00, Tikun <s@tikun.io> wrote:\n\nOld text"))
                .isEqualTo("Still broken.");
    }

    @Test
    void stripsGmailQuotedHistoryInHebrewWithKatavForm() {
        String text = "הטכנאי לא הגיע.\n\nב-10 בנוב׳ 2026, בשעה 14:02, צוות תיקון <support@tikun.io> כתב/ה:\nהטכנאי יגיע מחר.";

        assertThat(own(text)).isEqualTo("הטכנאי לא הגיע.");
    }

    @Test
    void stripsGmailQuotedHistoryInHebrewWithMeetForm() {
        String text = "עדיין מחכה להחזר.\n\n\u202bב-יום ג׳, 10 בנוב׳ 2026 ב-14:02 מאת \u202aTikun Support\u202c\u200f <support@tikun.io>:\u202c\nההחזר יבוצע.";

        assertThat(own(text)).isEqualTo("עדיין מחכה להחזר.");
    }

    @Test
    void stripsHebrewBetaarichMeetAttribution() {
        String text = "אני רוצה תשובה.\n\nבתאריך יום ב׳, 9 בנוב׳ 2026 ב-10:15 מאת Tikun Support <support@tikun.io>:\nתשובה ישנה";

        assertThat(own(text)).isEqualTo("אני רוצה תשובה.");
    }

    @Test
    void stripsShortHebrewNameWroteLine() {
        assertThat(own("לא מקובל עליי.\n\nדנה כתב:\nטקסט ישן")).isEqualTo("לא מקובל עליי.");
    }

    @Test
    void keepsHebrewSentenceThatMerelyContainsTheWordWrote() {
        String text = "הנציג כתב לי שהטכנאי יגיע ביום שני, אבל הוא לא הגיע.";

        assertThat(own(text)).isEqualTo(text);
    }

    @Test
    void stripsOutlookOriginalMessageSeparator() {
        String text = """
                Please reverse the charge.

                -----Original Message-----
                From: Tikun Billing <billing@tikun.io>
                Sent: Monday, November 9, 2026 11:02 AM
                Subject: Invoice
                """;

        assertThat(own(text)).isEqualTo("Please reverse the charge.");
    }

    @Test
    void stripsOutlookHeaderBlockWithoutSeparator() {
        String text = """
                Not acceptable.

                From: Tikun Support <support@tikun.io>
                Sent: Wednesday, November 11, 2026 3:14 PM
                To: Avi <avi@example.com>
                Subject: RE: fee

                The fee applies.
                """;

        assertThat(own(text)).isEqualTo("Not acceptable.");
    }

    @Test
    void stripsHebrewOutlookHeaderBlock() {
        String text = """
                אני דורשת פיצוי.

                מאת: שירות לקוחות <support@tikun.io>
                נשלח: יום שני 09 נובמבר 2026 10:00
                אל: אורית <orit@example.co.il>
                נושא: עדכון משלוח

                המשלוח יגיע ביום רביעי.
                """;

        assertThat(own(text)).isEqualTo("אני דורשת פיצוי.");
    }

    @Test
    void keepsASingleFromLineThatIsNotAHeaderBlock() {
        String text = "From: my experience, your service is the worst.\nI want a manager.";

        assertThat(own(text)).isEqualTo(text);
    }

    @Test
    void stripsUnderscoreSeparatorAndOutlookMobileSignature() {
        String text = """
                Still nothing.

                Get Outlook for iOS
                ________________________________
                From: Tikun <s@tikun.io>
                Sent: Wednesday, November 18, 2026 4:00 PM
                Subject: Refund
                """;

        assertThat(own(text)).isEqualTo("Still nothing.");
    }

    @Test
    void stripsMobileSignaturesInEnglishAndHebrew() {
        assertThat(own("Call me.\n\nSent from my iPhone")).isEqualTo("Call me.");
        assertThat(own("Call me.\n\nSent from my Android")).isEqualTo("Call me.");
        assertThat(own("תתקשרו אליי.\n\nנשלח מה-iPhone שלי")).isEqualTo("תתקשרו אליי.");
    }

    @Test
    void stripsRfc3676SignatureDelimiterWithAndWithoutTrailingSpace() {
        assertThat(own("Wrong colour.\n\n-- \nRina Paz\n+972-3-555-0100")).isEqualTo("Wrong colour.");
        assertThat(own("Wrong colour.\n--\nRina Paz")).isEqualTo("Wrong colour.");
    }

    @Test
    void keepsInterleavedAnswersButDropsTheQuotedLines() {
        String text = """
                > Did the technician come?
                No, he did not.
                > Do you want a new appointment?
                Yes, on Sunday.
                """;

        assertThat(own(text)).isEqualTo("No, he did not.\nYes, on Sunday.");
    }

    @Test
    void extractsInlineForwardedMessageBody() {
        String text = """
                FYI

                ---------- Forwarded message ---------
                From: Noa <noa@example.com>
                Date: Mon, Nov 9, 2026 at 5:40 PM
                Subject: Complaint
                To: <branch12@tikun.io>


                The staff refused my return.
                """;

        StrippedText stripped = stripper.strip(text);

        assertThat(stripped.ownText()).isEqualTo("FYI");
        assertThat(stripped.forwarded()).isTrue();
        assertThat(stripped.forwardedText()).isEqualTo("The staff refused my return.");
    }

    @Test
    void recognisesAppleAndOutlookForwards() {
        assertThat(stripper.strip("Begin forwarded message:\n\nFrom: a@b.c\nSubject: x\n\nBody here").forwardedText())
                .isEqualTo("Body here");
        String outlookForward = """
                see below
                ________________________________
                From: Dana <dana@example.com>
                Sent: Monday, November 9, 2026 9:00 AM
                To: Support <support@tikun.io>
                Subject: FW: broken oven

                The oven is broken.
                """;
        assertThat(stripper.strip(outlookForward).forwardedText()).isEqualTo("The oven is broken.");
    }

    @Test
    void forwardedBodyHasItsOwnQuotedHistoryRemoved() {
        String text = """
                ---------- Forwarded message ---------
                From: Noa <noa@example.com>
                Subject: Complaint

                Still waiting.

                On Mon, Nov 2, 2026 at 9:00 AM Tikun <s@tikun.io> wrote:
                > We will call you.
                """;

        assertThat(stripper.strip(text).forwardedText()).isEqualTo("Still waiting.");
    }

    @Test
    void normalisesWhitespaceAndInvisibleBidiMarks() {
        String text = "\u200fשלום   עולם\u200f\t \r\n\r\n\r\n\r\n\u00a0Second\u00a0\u00a0line  ";

        assertThat(own(text)).isEqualTo("שלום עולם\n\nSecond line");
    }

    @Test
    void returnsEmptyTextForNullOrBlankInput() {
        assertThat(stripper.strip(null)).isEqualTo(new StrippedText("", ""));
        assertThat(stripper.strip("  \n\n ")).isEqualTo(new StrippedText("", ""));
    }

    @Test
    void keepsEmojiAndOtherScripts() {
        assertThat(own("Terrible 😡 сервис خدمة")).isEqualTo("Terrible 😡 сервис خدمة");
    }

    @Test
    void stripsHebrewAttributionSplitAcrossTwoLines() {
        String text = "המוצר עדיין פגום.\n\nב-10 בנוב׳ 2026, בשעה 14:02, צוות שירות הלקוחות של תיקון <\nsupport@tikun.io> כתב/ה:\nתשובה ישנה";

        assertThat(own(text)).isEqualTo("המוצר עדיין פגום.");
    }
}
