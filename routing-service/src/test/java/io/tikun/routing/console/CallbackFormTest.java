package io.tikun.routing.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tikun.routing.callback.CallbackOutcome;

class CallbackFormTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final ConsoleMessages M = ReportPeriodTest.english();

    private static CallbackForm form(String outcome, String note, String what, String owner, String due, String retry) {
        return new CallbackForm(UUID.randomUUID(), outcome, note, what, owner, due, retry, "", "");
    }

    @Test
    void aResolvedCallNeedsItsRootCauseAndMayCorrectTheCategory() {
        CallbackForm withoutCause = form("REACHED_RESOLVED", "Replaced the heater", "", "", "", "");
        assertThat(withoutCause.check(JERUSALEM, NOW, M).refusal()).isEqualTo("Choose the root cause from the list.");
        CallbackForm.Checked kept = new CallbackForm(UUID.randomUUID(), "REACHED_RESOLVED", "Replaced the heater", "", "",
                "", "", "", "supplier-delay").check(JERUSALEM, NOW, M);
        assertThat(kept.request().rootCause()).isEqualTo("supplier-delay");
        assertThat(kept.request().category()).as("keeps the case's").isNull();
        assertThat(kept.request().note()).isEqualTo("Replaced the heater");
        CallbackForm.Checked corrected = new CallbackForm(UUID.randomUUID(), "REACHED_RESOLVED", "Refunded", "", "", "", "",
                "billing", "billing-system").check(JERUSALEM, NOW, M);
        assertThat(corrected.request().category()).isEqualTo("billing");
    }

    @Test
    void aPromisedFixBecomesACommitmentDueAtTheLocalTimeInTheUsersZone() {
        CallbackForm.Checked checked = form("REACHED_FIX_PROMISED", "", " New heater ", "dana", "2026-12-07T09:30", "")
                .check(JERUSALEM, NOW, M);
        assertThat(checked.refusal()).isNull();
        assertThat(checked.request().outcome()).isEqualTo(CallbackOutcome.REACHED_FIX_PROMISED);
        assertThat(checked.request().note()).isNull();
        assertThat(checked.request().promise().what()).isEqualTo("New heater");
        assertThat(checked.request().promise().dueAt()).isEqualTo(Instant.parse("2026-12-07T07:30:00Z"));
    }

    @Test
    void notReachedCarriesTheRetryTime() {
        CallbackForm.Checked checked = form("NOT_REACHED", "Voicemail", "", "", "", "2026-12-05T14:00")
                .check(JERUSALEM, NOW, M);
        assertThat(checked.request().retryAt()).isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(checked.request().note()).isEqualTo("Voicemail");
    }

    @Test
    void eachOutcomeAsksForWhatItNeeds() {
        assertThat(form(null, "", "", "", "", "").check(JERUSALEM, NOW, M).refusal())
                .isEqualTo("Choose what came of the call.");
        assertThat(form("REACHED_RESOLVED", " ", "", "", "", "").check(JERUSALEM, NOW, M).refusal())
                .isEqualTo("Write how the complaint was resolved.");
        assertThat(form("REACHED_FIX_PROMISED", "", "x", "", "2026-12-07T09:30", "").check(JERUSALEM, NOW, M).refusal())
                .isEqualTo("A promised fix needs what was promised, its owner and a due time.");
        assertThat(form("NOT_REACHED", "", "", "", "", "").check(JERUSALEM, NOW, M).refusal())
                .isEqualTo("Give the time to call again.");
        assertThat(form("NOT_REACHED", "", "", "", "", "2026-12-05T11:00").check(JERUSALEM, NOW, M).refusal())
                .as("11:00 in Jerusalem is 09:00Z, before now").isEqualTo("The time must be a date and time in the future.");
        assertThat(form("NOT_REACHED", "", "", "", "", "tomorrow").check(JERUSALEM, NOW, M).refusal())
                .isEqualTo("The time must be a date and time in the future.");
        assertThat(form("SOMETHING_ELSE", "x", "", "", "", "").check(JERUSALEM, NOW, M).refusal())
                .isEqualTo("Choose what came of the call.");
    }
}
