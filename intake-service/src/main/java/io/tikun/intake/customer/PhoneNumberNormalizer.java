package io.tikun.intake.customer;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.tikun.intake.IntakeConfig;

/** Writes phone numbers as E.164 ({@code +972541234567}), so one number in any notation is one identifier. */
@ApplicationScoped
public class PhoneNumberNormalizer {

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    @Inject
    public PhoneNumberNormalizer(IntakeConfig config) {
        this(config.phone().defaultRegion());
    }

    PhoneNumberNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * The number in E.164, or empty when it cannot be a phone number. "Possible" (right length for
     * its country) rather than "valid" (in a range libphonenumber's metadata knows as assigned): a
     * customer's real number in a newly opened range must still identify them.
     */
    public Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            var number = phones.parse(raw.strip(), defaultRegion);
            return phones.isPossibleNumber(number)
                    ? Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
