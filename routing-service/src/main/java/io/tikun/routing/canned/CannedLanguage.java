package io.tikun.routing.canned;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages customers are answered in; a canned response has a body in at least one. */
public enum CannedLanguage {
    HE,
    EN,
    AR,
    RU;

    /** The code used in JSON and on complaints: {@code he}, {@code en}, {@code ar}, {@code ru}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of {@code code} ({@code he}, {@code he-IL}, {@code EN}...), if it is one of ours. */
    public static Optional<CannedLanguage> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String primary = code.strip().split("[-_]", 2)[0];
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(primary)).findFirst();
    }
}
