package io.tikun.stack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message the mail sandbox received, reduced to what tests and people look at: its plain text, and its HTML
 * alternative when it has one (else null).
 */
public record CapturedMail(String from, List<String> to, String subject, String text, Instant sentAt,
        Map<String, String> headers, String html) {

    /** A header's value (first occurrence), or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    public boolean isTo(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address));
    }
}
