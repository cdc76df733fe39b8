package io.tikun.routing.reports;

import java.time.Instant;
import java.util.List;

/**
 * Response times of answers given in {@code [from, to)}, in business minutes on the severity's calendar, grouped by
 * agent, channel or severity: first responses, and replies to the customer's further messages.
 */
public record ResponseTimeReport(String by, Instant from, Instant to, List<Group> groups) {

    public record Group(String key, ResponseStats firstResponse, ResponseStats replies) {
    }
}
