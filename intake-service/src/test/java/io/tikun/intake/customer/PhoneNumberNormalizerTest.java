package io.tikun.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberNormalizerTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer("IL");

    @Test
    void writesEveryNotationOfOneIsraeliMobileAsTheSameE164() {
        for (String written : new String[] { "054-1234567", "0541234567", "+972 54-123-4567", "+972541234567",
                "00972 54 123 4567", "(054) 123 4567" }) {
            assertThat(normalizer.e164(written)).as(written).contains("+972541234567");
        }
    }

    @Test
    void keepsForeignNumbersWithTheirCountryCode() {
        assertThat(normalizer.e164("+1 (650) 253-0000")).contains("+16502530000");
    }

    @Test
    void refusesWhatIsNotAValidPhoneNumber() {
        assertThat(normalizer.e164("not a number")).isEmpty();
        assertThat(normalizer.e164("123")).isEmpty();
        assertThat(normalizer.e164("  ")).isEmpty();
        assertThat(normalizer.e164(null)).isEmpty();
    }
}
