package io.tikun.stack;

import java.time.Instant;
import java.util.List;

/** One message the mail sandbox received, reduced to what tests and people look at. */
public record CapturedMail(String from, List<String> to, String subject, String text, Instant sentAt) {

    public boolean isTo(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address));
    }
}
