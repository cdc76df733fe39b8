package io.tikun.routing.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.tikun.routing.metrics.RoutingReport;
import io.tikun.routing.metrics.RoutingReportRepository;
import io.tikun.routing.time.MovableClock;

class FirstResponseFiguresTest {

    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Duration WINDOW = Duration.ofDays(30);

    /** Answers each computation with one group whose count is the computation's number, and keeps its period. */
    private static final class CountingReports extends RoutingReportRepository {
        final List<Instant[]> asked = new ArrayList<>();
        boolean failing;

        CountingReports() {
            super(null, "routing");
        }

        @Override
        public Uni<List<RoutingReport.FirstResponse>> firstResponses(Instant from, Instant to) {
            asked.add(new Instant[] { from, to });
            if (failing) {
                return Uni.createFrom().failure(new IllegalStateException("database down"));
            }
            return Uni.createFrom().item(List.of(new RoutingReport.FirstResponse("HIGH", "email", asked.size(), 60, 60, 60)));
        }
    }

    private final CountingReports reports = new CountingReports();
    private final MovableClock clock = new MovableClock();
    private final FirstResponseFigures figures = new FirstResponseFigures(reports, config(), clock);

    private static ConsoleConfig config() {
        return new ConsoleConfig() {
            @Override
            public Duration atRiskWithin() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration statsWindow() {
                return WINDOW;
            }

            @Override
            public Duration statsRefresh() {
                return REFRESH;
            }

            @Override
            public int listLimit() {
                return 50;
            }
        };
    }

    private FirstResponseFigures.Computed current() {
        return figures.current().await().indefinitely();
    }

    @Test
    void theFirstRequestComputesTheWindowEndingNowAndLaterRequestsReuseIt() {
        FirstResponseFigures.Computed first = current();
        Instant[] period = reports.asked.get(0);
        assertThat(Duration.between(period[0], period[1])).isEqualTo(WINDOW);
        assertThat(period[1]).isEqualTo(first.at());

        clock.advance(REFRESH);
        FirstResponseFigures.Computed again = current();

        assertThat(reports.asked).hasSize(1);
        assertThat(again).isSameAs(first);
        assertThat(again.firstResponse().get(0).count()).isEqualTo(1);
    }

    @Test
    void theBackgroundRefreshReplacesTheFiguresRequestsGet() {
        current();
        clock.advance(Duration.ofSeconds(30));
        figures.refresh().await().indefinitely();

        FirstResponseFigures.Computed refreshed = current();

        assertThat(reports.asked).hasSize(2);
        assertThat(refreshed.firstResponse().get(0).count()).isEqualTo(2);
        assertThat(refreshed.at()).isEqualTo(reports.asked.get(1)[1]);
    }

    @Test
    void figuresOlderThanTwoRefreshesAreComputedAgainForTheRequest() {
        current();
        clock.advance(REFRESH.multipliedBy(2));

        FirstResponseFigures.Computed recomputed = current();

        assertThat(reports.asked).hasSize(2);
        assertThat(recomputed.firstResponse().get(0).count()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshKeepsTheFiguresThereWere() {
        FirstResponseFigures.Computed known = current();
        reports.failing = true;
        clock.advance(Duration.ofSeconds(30));

        figures.refresh().await().indefinitely();

        assertThat(reports.asked).hasSize(2);
        assertThat(current()).isSameAs(known);
    }
}
