package io.tikun.routing.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProbeReportTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    private static ProbeCase probe(String channel, long ackMillis, Long answerSeconds) {
        return new ProbeCase(channel, T, T.plusMillis(ackMillis), answerSeconds == null ? null : T.plusSeconds(answerSeconds));
    }

    @Test
    void nearestRankPercentilesPerChannelWithUnansweredCountedApart() {
        // web: acknowledgements 0.2, 0.4, 0.1, 1.5, 0.3 s -> sorted 0.1 0.2 0.3 0.4 1.5
        //   p50: rank ceil(0.5*5)=3 -> 0.3; p90: rank ceil(0.9*5)=5 -> 1.5; max 1.5
        // first responses 600, 3600, 1200 s (two unanswered) -> sorted 600 1200 3600
        //   p50: rank ceil(1.5)=2 -> 1200; p90: rank ceil(2.7)=3 -> 3600; max 3600
        // webhook: one probe, 0.05 s, unanswered
        ProbeReport report = ProbeReport.of(FROM, TO, List.of(probe("web", 200, 600L), probe("web", 400, null),
                probe("web", 100, 3600L), probe("webhook", 50, null), probe("web", 1500, 1200L),
                probe("web", 300, null)));

        assertThat(report.channels()).extracting(ProbeReport.ChannelProbes::channel).containsExactly("web", "webhook");
        ProbeReport.ChannelProbes web = report.channels().get(0);
        assertThat(web.count()).isEqualTo(5);
        assertThat(web.acknowledgement()).isEqualTo(new ProbeReport.Stats(5, 0.3, 1.5, 1.5));
        assertThat(web.firstResponse()).isEqualTo(new ProbeReport.Stats(3, 1200.0, 3600.0, 3600.0));
        assertThat(web.unanswered()).isEqualTo(2);
        ProbeReport.ChannelProbes webhook = report.channels().get(1);
        assertThat(webhook.acknowledgement()).isEqualTo(new ProbeReport.Stats(1, 0.05, 0.05, 0.05));
        assertThat(webhook.firstResponse()).isEqualTo(new ProbeReport.Stats(0, null, null, null));
        assertThat(webhook.unanswered()).isEqualTo(1);
    }

    @Test
    void tenProbesPutTheNinetiethPercentileOnTheNinthValue() {
        // acknowledgements 1..10 s: p50 rank 5 -> 5 s, p90 rank 9 -> 9 s
        List<ProbeCase> cases = java.util.stream.LongStream.rangeClosed(1, 10)
                .mapToObj(s -> probe("web", s * 1000, s * 60)).toList();

        ProbeReport.ChannelProbes web = ProbeReport.of(FROM, TO, cases).channels().get(0);

        assertThat(web.acknowledgement()).isEqualTo(new ProbeReport.Stats(10, 5.0, 9.0, 10.0));
        assertThat(web.firstResponse()).isEqualTo(new ProbeReport.Stats(10, 300.0, 540.0, 600.0));
    }

    @Test
    void anAnswerStampedBeforeTheSendingCountsAsZeroNotNegative() {
        ProbeCase skewed = new ProbeCase("web", T, T.minusMillis(30), T.minusMillis(10));

        ProbeReport.ChannelProbes web = ProbeReport.of(FROM, TO, List.of(skewed)).channels().get(0);

        assertThat(web.acknowledgement().maxSeconds()).isEqualTo(0.0);
        assertThat(web.firstResponse().maxSeconds()).isEqualTo(0.0);
    }

    @Test
    void csvHasOneRowPerChannelWithEmptyCellsForNothingMeasured() {
        String csv = ProbeReport.of(FROM, TO, List.of(probe("webhook", 250, null))).toCsv();

        assertThat(csv.split("\r\n")).containsExactly(
                "channel,count,ack_measured,ack_p50_s,ack_p90_s,ack_max_s,first_response_measured,"
                        + "first_response_p50_s,first_response_p90_s,first_response_max_s,unanswered",
                "webhook,1,1,0.250,0.250,0.250,0,,,,1");
    }
}
