package io.tikun.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.routing.RoutingConfig;
import io.tikun.routing.escalation.Severity;

class SlaConfigTest {

    private final SlaConfig defaults = SlaTestConfig.defaults();

    @Test
    void defaultsToTheIsraeliBusinessCalendarOfTheArchitecture() {
        assertThat(defaults.timeZone()).isEqualTo(ZoneId.of("Asia/Jerusalem"));
        assertThat(defaults.workingDays()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(defaults.opening()).isEqualTo(LocalTime.of(8, 0));
        assertThat(defaults.closing()).isEqualTo(LocalTime.of(18, 0));
        assertThat(defaults.holidays()).isEmpty();
        assertThat(defaults.halfDays()).isEmpty();
        assertThat(defaults.halfDayClosing()).isEqualTo(LocalTime.of(13, 0));
    }

    @Test
    void defaultsToTheFirstResponseTargetsOfTheArchitecture() {
        assertThat(defaults.firstResponse().of(Severity.LOW)).isEqualTo(Duration.ofHours(72));
        assertThat(defaults.firstResponse().of(Severity.MEDIUM)).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.firstResponse().of(Severity.HIGH)).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.firstResponse().of(Severity.CRITICAL)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void runsOnlyCriticalAroundTheClockWithATwoHourManagerCallback() {
        assertThat(defaults.aroundTheClock().of(Severity.CRITICAL)).isTrue();
        assertThat(defaults.aroundTheClock().of(Severity.HIGH)).isFalse();
        assertThat(defaults.aroundTheClock().of(Severity.MEDIUM)).isFalse();
        assertThat(defaults.aroundTheClock().of(Severity.LOW)).isFalse();
        assertThat(defaults.managerCallback()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void defaultsToResolutionInTenHourBusinessDays() {
        assertThat(defaults.resolution().of(Severity.LOW)).isEqualTo(Duration.ofHours(15 * 10));
        assertThat(defaults.resolution().of(Severity.MEDIUM)).isEqualTo(Duration.ofHours(5 * 10));
        assertThat(defaults.resolution().of(Severity.HIGH)).isEqualTo(Duration.ofHours(2 * 10));
        assertThat(defaults.resolution().of(Severity.CRITICAL)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsHolidaysAsACommaSeparatedListOfDates() {
        SlaConfig config = SlaTestConfig.with(Map.of(
                "tikun.routing.sla.holidays", "2026-09-12,2026-09-13,2026-09-21",
                "tikun.routing.sla.working-days", "MONDAY,TUESDAY",
                "tikun.routing.sla.time-zone", "Europe/London",
                "tikun.routing.sla.first-response.high", "PT90M"));

        assertThat(config.holidays()).contains(List.of(LocalDate.parse("2026-09-12"), LocalDate.parse("2026-09-13"),
                LocalDate.parse("2026-09-21")));
        assertThat(config.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.firstResponse().of(Severity.HIGH)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void readsTheShippedApplicationPropertiesAlongsideTheRoutingConfig() throws IOException {
        URL shipped = getClass().getClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(shipped))
                .withMapping(RoutingConfig.class)
                .withMapping(SlaConfig.class)
                .withMapping(io.tikun.routing.console.ConsoleConfig.class)
                .withMapping(io.tikun.routing.retention.RetentionConfig.class)
                .withMapping(io.tikun.routing.canned.CannedConfig.class)
                .withMapping(io.tikun.routing.conversation.ConversationConfig.class)
                .withMapping(io.tikun.routing.workspace.WorkspaceConfig.class)
                .withMapping(io.tikun.routing.intake.IntakeConfig.class)
                .withMapping(io.tikun.routing.cases.CaseListConfig.class)
                .build();

        SlaConfig sla = config.getConfigMapping(SlaConfig.class);
        // The inbox and the API count up to the same cap.
        assertThat(config.getConfigMapping(io.tikun.routing.cases.CaseListConfig.class).countUpTo()).isEqualTo(10_000);
        // The ordinary lane is consumed in batches unless switched off.
        assertThat(config.getConfigMapping(io.tikun.routing.intake.IntakeConfig.class).batch()).isTrue();

        assertThat(config.getConfigMapping(RoutingConfig.class).escalation().alertManagerFrom())
                .isEqualTo(Severity.HIGH);
        assertThat(sla.holidays()).hasValueSatisfying(holidays -> assertThat(holidays)
                .contains(LocalDate.parse("2026-09-21"), LocalDate.parse("2027-04-22")));
        assertThat(sla.halfDays()).hasValueSatisfying(halfDays -> assertThat(halfDays)
                .contains(LocalDate.parse("2026-09-20")));
        // The shipped file must not drift from the code defaults the tests above pin down.
        assertThat(sla.firstResponse().of(Severity.LOW)).isEqualTo(defaults.firstResponse().of(Severity.LOW));
        assertThat(sla.aroundTheClock().of(Severity.CRITICAL)).isTrue();
        assertThat(OfficeHoursCalendar.from(sla).zone()).isEqualTo(ZoneId.of("Asia/Jerusalem"));
    }
}
