package io.tikun.routing.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tikun.routing.escalation.Severity;

/**
 * SLA targets and the business calendar they are counted in ({@code tikun.routing.sla.*}).
 *
 * <p>
 * Targets are grouped by aspect, one key per severity ({@code first-response.high}), like
 * {@code tikun.routing.escalation.initial-level.*}: each severity has its own default, which one shared
 * per-severity group could not express. Durations are ISO-8601 so the mapping also works on a bare
 * SmallRye config in unit tests. Business hours are real elapsed time inside opening hours, so a DST day
 * may hold one hour more or less of them.
 */
@ConfigMapping(prefix = "tikun.routing.sla")
public interface SlaConfig {

    /** Zone whose wall clock the opening hours, working days and holidays are read in. */
    @WithDefault("Asia/Jerusalem")
    ZoneId timeZone();

    /** The Israeli working week. */
    @WithDefault("SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY")
    Set<DayOfWeek> workingDays();

    @WithDefault("08:00")
    LocalTime opening();

    @WithDefault("18:00")
    LocalTime closing();

    /** Closed days on otherwise working days; operators maintain the list every year. */
    Optional<List<LocalDate>> holidays();

    /** Days that close at {@link #halfDayClosing()}, typically holiday eves. */
    Optional<List<LocalDate>> halfDays();

    @WithDefault("13:00")
    LocalTime halfDayClosing();

    /** Time from opening a case to the first answer to the customer. */
    FirstResponse firstResponse();

    /** Time from opening a case to its resolution. */
    Resolution resolution();

    /** Severities whose clocks run on every hour of every day instead of business hours. */
    AroundTheClock aroundTheClock();

    /** Time within which the service manager personally calls the customer back; always around the clock. */
    @WithDefault("PT2H")
    Duration managerCallback();

    /** Defaults from ARCHITECTURE.md: 72, 24 and 4 business hours, one hour around the clock. */
    interface FirstResponse {
        @WithDefault("PT72H")
        Duration low();

        @WithDefault("PT24H")
        Duration medium();

        @WithDefault("PT4H")
        Duration high();

        @WithDefault("PT1H")
        Duration critical();

        default Duration of(Severity severity) {
            return SeverityTargets.pick(severity, low(), medium(), high(), critical());
        }
    }

    /**
     * Defaults in ten-hour business days: 15 days for LOW, 5 for MEDIUM, 2 for HIGH; CRITICAL one day
     * around the clock.
     */
    interface Resolution {
        @WithDefault("PT150H")
        Duration low();

        @WithDefault("PT50H")
        Duration medium();

        @WithDefault("PT20H")
        Duration high();

        @WithDefault("PT24H")
        Duration critical();

        default Duration of(Severity severity) {
            return SeverityTargets.pick(severity, low(), medium(), high(), critical());
        }
    }

    interface AroundTheClock {
        @WithDefault("false")
        boolean low();

        @WithDefault("false")
        boolean medium();

        @WithDefault("false")
        boolean high();

        @WithDefault("true")
        boolean critical();

        default boolean of(Severity severity) {
            return SeverityTargets.pick(severity, low(), medium(), high(), critical());
        }
    }
}
