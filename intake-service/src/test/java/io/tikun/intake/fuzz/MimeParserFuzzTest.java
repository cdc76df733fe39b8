package io.tikun.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tikun.intake.email.AttachmentInfo;
import io.tikun.intake.email.AutomatedMailDetector;
import io.tikun.intake.email.EmailLimits;
import io.tikun.intake.email.MalformedEmailException;
import io.tikun.intake.email.MimeComplaintParser;
import io.tikun.intake.email.ParsedEmail;
import io.tikun.intake.email.QuotedTextStripper;

/**
 * Fuzzes the e-mail parser with arbitrary bytes, seeded from the real MIME fixtures (in
 * {@code MimeParserFuzzTestInputs}): it must parse or refuse with {@link MalformedEmailException}, never fail otherwise.
 */
class MimeParserFuzzTest {

    /** Small caps so that fuzzed inputs can reach them; the invariants below check they hold. */
    private static final EmailLimits LIMITS = new EmailLimits(4096, 20, 2000);

    private final MimeComplaintParser parser = new MimeComplaintParser(LIMITS, new QuotedTextStripper(),
            new AutomatedMailDetector());

    @FuzzTest(maxDuration = "20s")
    void refusesOrParsesAnyBytes(byte[] raw) {
        ParsedEmail email;
        try {
            email = parser.parse(raw);
        } catch (MalformedEmailException refused) {
            // the documented refusal: the caller quarantines the message and answers 422
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(email.cleanText()).isNotNull().hasSizeLessThanOrEqualTo(LIMITS.maxTextChars());
        assertThat(email.originalText()).isNotNull().hasSizeLessThanOrEqualTo(LIMITS.maxTextChars());
        assertThat(email.attachments()).hasSizeLessThanOrEqualTo(LIMITS.maxParts());
        assertThat(email.references()).doesNotContainNull();
        assertThat(email.to()).doesNotContainNull();
        assertThat(email.cc()).doesNotContainNull();
        assertThat(email.automated()).isNotNull();
        if (email.from() == null) {
            // a message without a sender is only kept when it says something
            assertThat(!email.originalText().isBlank() || !email.attachments().isEmpty())
                    .as("a message without From has text or attachments").isTrue();
        }
        for (AttachmentInfo attachment : email.attachments()) {
            assertThat(attachment.sizeBytes()).isNotNegative();
            if (!attachment.overCap()) {
                assertThat(attachment.sizeBytes()).isLessThanOrEqualTo(LIMITS.maxAttachmentBytes());
            }
        }
    }
}
