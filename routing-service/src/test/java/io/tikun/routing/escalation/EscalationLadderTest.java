package io.tikun.routing.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.tikun.routing.RoutingTestConfig;
import io.tikun.routing.sla.SlaClock;
import io.tikun.routing.sla.SlaConfig;

class EscalationLadderTest {

    private static final Instant NOW = Instant.parse("2026-11-20T23:30:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private final EscalationLadder ladder = ladder(Map.of());

    private static EscalationLadder ladder(Map<String, String> routing) {
        SlaConfig sla = new SmallRyeConfigBuilder().withMapping(SlaConfig.class).build()
                .getConfigMapping(SlaConfig.class);
        return new EscalationLadder(RoutingTestConfig.with(routing), new SlaClock(sla, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void stopsALowCaseAtTheTeamLeadAndAMediumOneAtTheServiceManager() {
        EscalationLadder.Breach low = ladder.onBreach(Severity.LOW, EscalationLevel.FRONTLINE, null, NOW);
        EscalationLadder.Breach lowAgain = ladder.onBreach(Severity.LOW, EscalationLevel.TEAM_LEAD, null, NOW);
        EscalationLadder.Breach medium = ladder.onBreach(Severity.MEDIUM, EscalationLevel.TEAM_LEAD, null, NOW);

        assertThat(low.to()).isEqualTo(EscalationLevel.TEAM_LEAD);
        assertThat(low.nextCheckAt()).isNull();
        assertThat(lowAgain.to()).isEqualTo(EscalationLevel.TEAM_LEAD);
        assertThat(medium.to()).isEqualTo(EscalationLevel.SERVICE_MANAGER);
        assertThat(medium.nextCheckAt()).isNull();
        assertThat(medium.callbackDueAt()).isNull();
    }

    @Test
    void eachRungLeadsToTheNextAndTheTopStaysWhereItIs() {
        assertThat(EscalationLevel.FRONTLINE.next()).isEqualTo(EscalationLevel.TEAM_LEAD);
        assertThat(EscalationLevel.TEAM_LEAD.next()).isEqualTo(EscalationLevel.SERVICE_MANAGER);
        assertThat(EscalationLevel.SERVICE_MANAGER.next()).isEqualTo(EscalationLevel.MANAGER_CALLBACK);
        assertThat(EscalationLevel.MANAGER_CALLBACK.next()).isEqualTo(EscalationLevel.MANAGER_CALLBACK);
        assertThat(EscalationLevel.MANAGER_CALLBACK.isTop()).isTrue();
        assertThat(EscalationLevel.SERVICE_MANAGER.isTop()).isFalse();
    }

    @Test
    void belowTheTopChecksAgainAnHourLaterEvenOutsideOfficeHours() {
        EscalationLadder.Breach breach = ladder.onBreach(Severity.CRITICAL, EscalationLevel.FRONTLINE, null, NOW);

        assertThat(breach.to()).isEqualTo(EscalationLevel.TEAM_LEAD);
        assertThat(breach.nextCheckAt()).isEqualTo(NOW.plus(HOUR));
        assertThat(breach.callbackDueAt()).isNull();
    }

    @Test
    void reachingTheTopOwesTheCustomerACallbackWithinTwoHoursAndEndsTheTimer() {
        EscalationLadder.Breach breach = ladder.onBreach(Severity.CRITICAL, EscalationLevel.SERVICE_MANAGER, null, NOW);

        assertThat(breach.from()).isEqualTo(EscalationLevel.SERVICE_MANAGER);
        assertThat(breach.to()).isEqualTo(EscalationLevel.MANAGER_CALLBACK);
        assertThat(breach.callbackDueAt()).isEqualTo(NOW.plus(TWO_HOURS));
        assertThat(breach.nextCheckAt()).isNull();
    }

    @Test
    void aBreachAtTheTopKeepsTheCallbackAlreadyPromised() {
        Instant promised = NOW.minus(HOUR);

        EscalationLadder.Breach breach = ladder.onBreach(Severity.CRITICAL, EscalationLevel.MANAGER_CALLBACK, promised, NOW);

        assertThat(breach.to()).isEqualTo(EscalationLevel.MANAGER_CALLBACK);
        assertThat(breach.callbackDueAt()).isEqualTo(promised);
        assertThat(breach.nextCheckAt()).isNull();
    }

    @Test
    void aSingleBreachClimbsOneRungButNeverAboveTheSeveritysCeiling() {
        assertThat(ladder.oneRungUp(Severity.MEDIUM, EscalationLevel.FRONTLINE)).isEqualTo(EscalationLevel.TEAM_LEAD);
        assertThat(ladder.oneRungUp(Severity.MEDIUM, EscalationLevel.SERVICE_MANAGER))
                .isEqualTo(EscalationLevel.SERVICE_MANAGER);
        assertThat(ladder.oneRungUp(Severity.LOW, EscalationLevel.TEAM_LEAD)).isEqualTo(EscalationLevel.TEAM_LEAD);
        assertThat(ladder.oneRungUp(Severity.CRITICAL, EscalationLevel.SERVICE_MANAGER))
                .isEqualTo(EscalationLevel.MANAGER_CALLBACK);
        // A broken promise may have taken a case above its ceiling: it stays there.
        assertThat(ladder.oneRungUp(Severity.LOW, EscalationLevel.SERVICE_MANAGER)).isEqualTo(EscalationLevel.SERVICE_MANAGER);
    }

    @Test
    void followsTheConfiguredReEscalationStep() {
        EscalationLadder quick = ladder(Map.of("tikun.routing.escalation.re-escalate-after", "PT15M"));

        assertThat(quick.onBreach(Severity.CRITICAL, EscalationLevel.TEAM_LEAD, null, NOW).nextCheckAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }
}
