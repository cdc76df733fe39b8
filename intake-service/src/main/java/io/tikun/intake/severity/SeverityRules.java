package io.tikun.intake.severity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.tikun.intake.IntakeConfig;

/**
 * The configured thresholds of the signals that do not come from the wording.
 *
 * @param repeatThreshold earlier complaints within {@code repeatWindow} from which {@code REPEAT_COMPLAINTS} fires
 * @param ceoAddresses lower-cased addresses of the chief executive
 */
public record SeverityRules(long wideReach, Duration repeatWindow, int repeatThreshold, Severity repeatImplies,
        Severity goldImplies, Severity vipImplies, Set<String> ceoAddresses, Severity ceoImplies) {

    public SeverityRules {
        ceoAddresses = ceoAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    static SeverityRules from(IntakeConfig.SeverityRules config) {
        return new SeverityRules(config.wideReach(), config.repeat().window(), config.repeat().threshold(),
                config.repeat().implies(), config.valueTiers().gold(), config.valueTiers().vip(),
                Set.copyOf(config.ceoAddresses().orElse(List.of())), config.ceoAddressed());
    }
}
