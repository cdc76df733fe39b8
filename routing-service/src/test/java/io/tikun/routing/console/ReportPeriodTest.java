package io.tikun.routing.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

class ReportPeriodTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    /** The English texts as the bundle has them, without a running application. */
    static ConsoleMessages english() {
        return (ConsoleMessages) Proxy.newProxyInstance(ConsoleMessages.class.getClassLoader(),
                new Class<?>[] { ConsoleMessages.class }, (proxy, method, args) -> {
                    String text = method.getAnnotation(Message.class).value();
                    for (Object arg : args == null ? new Object[0] : args) {
                        text = text.replaceFirst("\\{\\w+}", Matcher.quoteReplacement(String.valueOf(arg)));
                    }
                    return text;
                });
    }

    @Test
    void withoutDatesItIsTheLastEightWeeksUpToToday() {
        ReportPeriod period = ReportPeriod.of(null, "", TODAY, JERUSALEM, english());
        assertThat(period.error()).isNull();
        assertThat(period.to()).isEqualTo(TODAY);
        assertThat(period.weeks()).hasSize(8);
        assertThat(period.weeks().get(7).end()).isEqualTo(period.end());
    }

    @Test
    void weeksStartOnTheFirstDayInTheUsersZoneAndTheLastIsCutAtTheEnd() {
        ReportPeriod period = ReportPeriod.of("2026-11-01", "2026-11-10", TODAY, JERUSALEM, english());
        assertThat(period.weeks()).extracting(ReportPeriod.Week::label).containsExactly("2026-11-01", "2026-11-08");
        assertThat(period.start()).isEqualTo(Instant.parse("2026-10-31T22:00:00Z"));
        assertThat(period.weeks().get(1).end()).isEqualTo(Instant.parse("2026-11-10T22:00:00Z"));
    }

    @Test
    void refusesUnreadableReversedAndTooLongPeriodsWithAReason() {
        assertThat(ReportPeriod.of("2026-13-01", "2026-12-01", TODAY, JERUSALEM, english()).error())
                .isEqualTo("Give both dates as year-month-day.");
        assertThat(ReportPeriod.of("2026-12-02", "2026-12-01", TODAY, JERUSALEM, english()).error())
                .isEqualTo("The first day must not be after the last.");
        assertThat(ReportPeriod.of("2025-01-01", "2026-12-01", TODAY, JERUSALEM, english()).error())
                .isEqualTo("Choose at most 26 weeks.");
    }
}
