package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerPreviewTest {

    @Test
    void theAlphabetOfMostLettersWinsAndPlaceholdersDigitsAndPunctuationDoNotCount() {
        assertThat(WritingScript.mostOf("שלום {customerName}, order 12345 arrives")).contains(WritingScript.LATIN);
        assertThat(WritingScript.mostOf("שלום {customerName}, ההזמנה 12345 תגיע מחר")).contains(WritingScript.HEBREW);
        assertThat(WritingScript.mostOf("مرحبا، سنتصل بك")).contains(WritingScript.ARABIC);
        assertThat(WritingScript.mostOf("Здравствуйте, мы перезвоним")).contains(WritingScript.CYRILLIC);
        assertThat(WritingScript.mostOf("12345 {reference} !?")).isEmpty();
    }

    @Test
    void aCustomersLanguageMapsToItsAlphabetAndUnknownLanguagesToLatin() {
        assertThat(WritingScript.of("he")).isEqualTo(WritingScript.HEBREW);
        assertThat(WritingScript.of("ar")).isEqualTo(WritingScript.ARABIC);
        assertThat(WritingScript.of("ru")).isEqualTo(WritingScript.CYRILLIC);
        assertThat(WritingScript.of("fr")).isEqualTo(WritingScript.LATIN);
        assertThat(WritingScript.of(null)).isEqualTo(WritingScript.LATIN);
    }

    @Test
    void anEnglishReplyToAHebrewCustomerIsFlaggedAndItsKnownPlaceholdersListedOnce() {
        CustomerPreview preview = CustomerPreview.reply("Hi {customerName}, ref {reference}, {customerName} {unknown}", "he");
        assertThat(preview.otherAlphabet()).isTrue();
        assertThat(preview.dir()).isEqualTo("rtl");
        assertThat(preview.unfilled()).containsExactly("{customerName}", "{reference}");
        assertThat(preview.unfilledList()).isEqualTo("{customerName}, {reference}");
        assertThat(preview.isReply()).isTrue();
    }

    @Test
    void aReplyInTheCustomersAlphabetIsNotFlagged() {
        CustomerPreview preview = CustomerPreview.reply("Bonjour, nous vous rappelons demain.", "fr");
        assertThat(preview.otherAlphabet()).isFalse();
        assertThat(preview.dir()).isEqualTo("ltr");
        assertThat(preview.unfilled()).isEmpty();
    }

    @Test
    void theThankYouIsJudgedByTheAgentsResolutionNotByTheTemplateAroundIt() {
        String hebrewTemplate = "שלום דנה, תודה שסיפרת לנו. מה עשינו: Replaced the oven";
        CustomerPreview english = CustomerPreview.thankYou(hebrewTemplate, "he", "Replaced the oven");
        assertThat(english.otherAlphabet()).isTrue();
        assertThat(english.isThankYou()).isTrue();
        assertThat(english.text()).isEqualTo(hebrewTemplate);
        assertThat(CustomerPreview.thankYou("שלום דנה. מה עשינו: החלפנו את התנור", "he", "החלפנו את התנור")
                .otherAlphabet()).isFalse();
    }

    @Test
    void aWebComplaintIsAnsweredByEmailAndTheOthersOnTheirOwnChannel() {
        CustomerPreview preview = CustomerPreview.reply("Hello", "en");
        assertThat(preview.sentOn("web")).isEqualTo("email");
        assertThat(preview.sentOn("email")).isEqualTo("email");
        assertThat(preview.sentOn("meta")).isEqualTo("meta");
    }
}
