package io.tikun.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The relay drain's results: per phase, how soon and how fast the backlog's events and mails went out. */
final class RelayDrainReport {

    private RelayDrainReport() {
    }

    /** How far one kind of output (events or mails) has got since the relaying instance was launched. */
    static final class Progress {
        private final Instant launched;
        private final long expected;
        private Instant first;
        private Instant last;
        private long count;

        Progress(Instant launched, long expected) {
            this.launched = launched;
            this.expected = expected;
        }

        /** {@code count} out so far at {@code at}. */
        void seen(long count, Instant at) {
            if (count > this.count && first == null) {
                first = at;
            }
            if (count > this.count) {
                last = at;
            }
            this.count = count;
        }

        boolean done() {
            return count >= expected;
        }

        long count() {
            return count;
        }

        /** From the launch to the first one seen, or null when none was. */
        Duration toFirst() {
            return first == null ? null : Duration.between(launched, first);
        }

        /** From the first one seen to the last, or null when none was. */
        Duration span() {
            return first == null ? null : Duration.between(first, last);
        }

        /** Per second over the span (after the first reading that saw any), or 0 when the span is empty. */
        double rate() {
            Duration span = span();
            return span == null || span.isZero() ? 0 : count / (span.toMillis() / 1000.0);
        }
    }

    /** One relay setting's backlog and how it drained. */
    record Phase(int relayConcurrency, int accepted, int refused, long leakedEvents, long leakedMails, Duration started,
            Progress events, Progress mails) {
    }

    static String render(int backlog, int loops, Duration poll, List<Phase> phases) {
        StringBuilder out = new StringBuilder(String.format(
                """
                        One intake with inline sending off (inline-in-flight 0, urgent-in-flight 0: every event and acknowledgement
                        left in the outbox) and its relay once an hour accepted a backlog of %d ordinary web complaints (%d closed
                        loops); then a second intake instance, relaying every second at the phase's relay-concurrency, was
                        launched on it. Events = records on complaints.received and .urgent (end offsets), mails = the sandbox's
                        messages (each complaint's acknowledgement), both read every %d ms; "first → last" is the span between the
                        readings that first and last saw one more; the rate is the count over that span. Kafka, the
                        MongoDB-protocol server, GreenMail and Keycloak on this machine; phases in the table's order, each on a
                        backlog of its own.

                        | relay-concurrency | backlog accepted (refused) | published before the relay | instance ready after s | launch → first event s | events: first → last s | events/s | mails: first → last s | mails/s | all out |
                        |---|---|---|---|---|---|---|---|---|---|
                        """,
                backlog, loops, poll.toMillis()));
        for (Phase p : phases) {
            out.append(
                    String.format("| %d | %d (%d) | %d events, %d mails | %.1f | %s | %s | **%.0f** | %s | **%.0f** | %s |%n",
                            p.relayConcurrency(), p.accepted(), p.refused(), p.leakedEvents(), p.leakedMails(),
                            p.started().toMillis() / 1000.0, seconds(p.events().toFirst()), seconds(p.events().span()),
                            p.events().rate(), seconds(p.mails().span()), p.mails().rate(),
                            p.events().done() && p.mails().done() ? "yes"
                                    : "**no**: %d events, %d mails".formatted(p.events().count(), p.mails().count())));
        }
        return out.toString();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "–" : String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
