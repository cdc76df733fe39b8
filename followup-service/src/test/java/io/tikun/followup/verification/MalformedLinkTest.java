package io.tikun.followup.verification;

import static io.tikun.followup.verification.LinkFixtures.COMMITMENT;
import static io.tikun.followup.verification.LinkFixtures.EXPIRY;
import static io.tikun.followup.verification.LinkFixtures.NOW;
import static io.tikun.followup.verification.LinkFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedLinkTest {

    private static final int HUNDRED_KB = 100 * 1024;
    private static final int FUZZ_ROUNDS = 20_000;
    private static final long FUZZ_SEED = 20261123L;

    private static final SignedLinkService LINKS = service();
    private static final String TOKEN = LINKS.issue(COMMITMENT, LinkAction.CONFIRM_FIXED, EXPIRY);
    private static final String PAYLOAD = TOKEN.substring(0, TOKEN.indexOf('.'));
    private static final String SIGNATURE = TOKEN.substring(TOKEN.indexOf('.') + 1);

    static Stream<Arguments> malformedTokens() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("a lone dot", "."),
                Arguments.of("blank", "   "),
                Arguments.of("no dot", PAYLOAD + SIGNATURE + "x"),
                Arguments.of("empty payload", "." + SIGNATURE),
                Arguments.of("empty signature", PAYLOAD + "."),
                Arguments.of("two dots", PAYLOAD.substring(1) + ".." + SIGNATURE),
                Arguments.of("three dots", PAYLOAD.substring(2) + "..." + SIGNATURE),
                Arguments.of("dot in the wrong place", PAYLOAD.substring(1) + "." + SIGNATURE + "A"),
                Arguments.of("standard base64 plus", "+" + TOKEN.substring(1)),
                Arguments.of("standard base64 slash", TOKEN.substring(0, TOKEN.length() - 1) + "/"),
                Arguments.of("padding", TOKEN.substring(0, TOKEN.length() - 1) + "="),
                Arguments.of("space", " " + TOKEN.substring(1)),
                Arguments.of("non-ascii letter", "א" + TOKEN.substring(1)),
                Arguments.of("percent-encoded", "%41" + TOKEN.substring(3)),
                Arguments.of("a JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"),
                Arguments.of("one character too many", TOKEN + "A"),
                Arguments.of("one character too few", TOKEN.substring(1)),
                Arguments.of("surrounding whitespace", " " + TOKEN + "\n"),
                Arguments.of("token twice", TOKEN + "." + TOKEN),
                Arguments.of("100 KB of letters", "A".repeat(HUNDRED_KB)),
                Arguments.of("100 KB shaped like a token", "A".repeat(HUNDRED_KB) + "." + SIGNATURE),
                Arguments.of("100 KB of dots", ".".repeat(HUNDRED_KB)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTokens")
    void refusesInputThatIsNotATokenAsMalformed(String description, String input) {
        LinkVerification verification = LINKS.verify(input, COMMITMENT, NOW);

        assertThat(verification.outcome()).isEqualTo(LinkOutcome.MALFORMED);
        assertThat(verification.claims()).isEmpty();
    }

    @Test
    void neverThrowsAndNeverAcceptsRandomGarbage() {
        Random random = new Random(FUZZ_SEED);
        String characters = "ABCXYZabcxyz0129-_.+/= %\u0000\u05d0\uD83D\uDE00";
        for (int round = 0; round < FUZZ_ROUNDS; round++) {
            int length = random.nextInt(2 * SignedLinkService.TOKEN_LENGTH);
            StringBuilder garbage = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                garbage.append(characters.charAt(random.nextInt(characters.length())));
            }
            String input = garbage.toString();

            assertThatCode(() -> assertThat(LINKS.verify(input, null, NOW).isValid()).isFalse())
                    .as(input).doesNotThrowAnyException();
        }
    }

    @Test
    void neverThrowsAndNeverAcceptsAMutatedToken() {
        Random random = new Random(FUZZ_SEED);
        for (int round = 0; round < FUZZ_ROUNDS; round++) {
            StringBuilder mutated = new StringBuilder(TOKEN);
            int position = random.nextInt(mutated.length());
            char replacement = (char) random.nextInt(Character.MAX_VALUE);
            switch (random.nextInt(3)) {
                case 0 -> mutated.setCharAt(position, replacement);
                case 1 -> mutated.insert(position, replacement);
                default -> mutated.deleteCharAt(position);
            }
            String input = mutated.toString();
            if (input.equals(TOKEN)) {
                continue;
            }

            LinkVerification verification = LINKS.verify(input, null, NOW);

            assertThat(verification.outcome()).as(input).isIn(LinkOutcome.MALFORMED, LinkOutcome.TAMPERED);
        }
    }
}
