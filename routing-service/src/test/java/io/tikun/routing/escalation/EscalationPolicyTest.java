package io.tikun.routing.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tikun.routing.RoutingTestConfig;

class EscalationPolicyTest {

    private final EscalationPolicy defaults = new EscalationPolicy(RoutingTestConfig.with(Map.of()));

    @Test
    void startsCriticalCasesWithTheServiceManager() {
        assertThat(defaults.initialLevel(Severity.CRITICAL)).isEqualTo(EscalationLevel.SERVICE_MANAGER);
    }

    @Test
    void startsHighCasesWithTheTeamLeadAndLowerOnesAtTheFrontline() {
        assertThat(defaults.initialLevel(Severity.HIGH)).isEqualTo(EscalationLevel.TEAM_LEAD);
        assertThat(defaults.initialLevel(Severity.MEDIUM)).isEqualTo(EscalationLevel.FRONTLINE);
        assertThat(defaults.initialLevel(Severity.LOW)).isEqualTo(EscalationLevel.FRONTLINE);
    }

    @Test
    void alertsTheManagerAtOnceFromHighSeverityUp() {
        assertThat(defaults.alertsManagerAtOnce(Severity.CRITICAL)).isTrue();
        assertThat(defaults.alertsManagerAtOnce(Severity.HIGH)).isTrue();
        assertThat(defaults.alertsManagerAtOnce(Severity.MEDIUM)).isFalse();
    }

    @Test
    void followsConfiguredStartingLevels() {
        EscalationPolicy policy = new EscalationPolicy(RoutingTestConfig.with(Map.of(
                "tikun.routing.escalation.initial-level.critical", "MANAGER_CALLBACK",
                "tikun.routing.escalation.alert-manager-from", "CRITICAL")));

        assertThat(policy.initialLevel(Severity.CRITICAL)).isEqualTo(EscalationLevel.MANAGER_CALLBACK);
        assertThat(policy.alertsManagerAtOnce(Severity.HIGH)).isFalse();
    }
}
