package io.tikun.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cuts every fixture at many points, as a broken upload or SMTP session would: only MalformedEmailException may escape. */
class TruncatedInputTest {

    private static final int CUTS_PER_FIXTURE = 23;

    private final MimeComplaintParser parser = new MimeComplaintParser(new QuotedTextStripper(),
            new AutomatedMailDetector());

    static java.util.stream.Stream<String> allFixtures() throws Exception {
        return MimeComplaintParserTest.allFixtures();
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void truncatedFixtureEitherParsesOrIsRejectedWithAReason(String name) {
        byte[] whole = MimeComplaintParserTest.fixture(name);
        IntStream.rangeClosed(1, CUTS_PER_FIXTURE).map(i -> whole.length * i / (CUTS_PER_FIXTURE + 1)).forEach(cut -> {
            byte[] prefix = Arrays.copyOf(whole, cut);
            try {
                ParsedEmail email = parser.parse(prefix);
                assertThat(email.cleanText()).as("%s cut at %d", name, cut).isNotNull();
                assertThat(email.attachments()).isNotNull();
            } catch (MalformedEmailException e) {
                assertThat(e.getMessage()).as("%s cut at %d", name, cut).isNotBlank();
            }
        });
    }
}
