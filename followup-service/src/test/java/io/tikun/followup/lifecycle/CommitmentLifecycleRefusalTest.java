package io.tikun.followup.lifecycle;

import static io.tikun.followup.commitment.CommitmentStatus.CLAIMED_DONE;
import static io.tikun.followup.commitment.CommitmentStatus.DISPUTED;
import static io.tikun.followup.commitment.CommitmentStatus.OPEN;
import static io.tikun.followup.commitment.CommitmentStatus.OVERDUE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.CLAIMED_AT;
import static io.tikun.followup.lifecycle.LifecycleFixtures.CUSTOMER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.DUE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.GRACE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.LATE;
import static io.tikun.followup.lifecycle.LifecycleFixtures.OWNER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.POLICY;
import static io.tikun.followup.lifecycle.LifecycleFixtures.REMINDER_AFTER;
import static io.tikun.followup.lifecycle.LifecycleFixtures.SYSTEM;
import static io.tikun.followup.lifecycle.LifecycleFixtures.attempt;
import static io.tikun.followup.lifecycle.LifecycleFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.tikun.followup.commitment.CommitmentStatus;

class CommitmentLifecycleRefusalTest {

    /** The only events each status accepts; every other pair must be refused. */
    private static final Map<CommitmentStatus, Set<CommitmentEvent>> LEGAL = Map.of(
            OPEN, EnumSet.of(CommitmentEvent.DUE_SOON_REACHED, CommitmentEvent.DUE_DATE_PASSED,
                    CommitmentEvent.OWNER_CLAIMED_DONE),
            CommitmentStatus.DUE_SOON, EnumSet.of(CommitmentEvent.DUE_DATE_PASSED, CommitmentEvent.OWNER_CLAIMED_DONE),
            OVERDUE, EnumSet.of(CommitmentEvent.GRACE_PERIOD_PASSED, CommitmentEvent.OWNER_CLAIMED_DONE),
            CLAIMED_DONE, EnumSet.of(CommitmentEvent.CUSTOMER_CONFIRMED, CommitmentEvent.CUSTOMER_DENIED,
                    CommitmentEvent.CUSTOMER_SILENT_AFTER_REMINDER),
            DISPUTED, EnumSet.of(CommitmentEvent.REOPENED),
            CommitmentStatus.VERIFIED, EnumSet.noneOf(CommitmentEvent.class),
            CommitmentStatus.BROKEN, EnumSet.noneOf(CommitmentEvent.class),
            CommitmentStatus.UNCONFIRMED, EnumSet.noneOf(CommitmentEvent.class));

    private final CommitmentLifecycle lifecycle = new CommitmentLifecycle(POLICY);

    static Stream<Arguments> everyStatusAndEvent() {
        return Stream.of(CommitmentStatus.values())
                .flatMap(status -> Stream.of(CommitmentEvent.values()).map(event -> Arguments.of(status, event)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndEvent")
    void acceptsExactlyTheLegalPairsAndRefusesAllOthersWithTheirStatusAndEvent(CommitmentStatus status,
            CommitmentEvent event) {
        if (LEGAL.get(status).contains(event)) {
            assertThatCode(() -> attempt(lifecycle, state(status, 1), event)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> attempt(lifecycle, state(status, 1), event))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.from()).isEqualTo(status);
                        assertThat(e.event()).isEqualTo(event);
                        assertThat(e).hasMessageStartingWith(
                                "cannot " + event.verb() + " a commitment that is " + status + "; ");
                    });
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            OPEN         | CUSTOMER_CONFIRMED             | cannot confirm a commitment that is OPEN; the owner must claim it done first
            DUE_SOON     | CUSTOMER_CONFIRMED             | cannot confirm a commitment that is DUE_SOON; the owner must claim it done first
            OVERDUE      | CUSTOMER_DENIED                | cannot dispute a commitment that is OVERDUE; the owner must claim it done first
            OPEN         | CUSTOMER_SILENT_AFTER_REMINDER | cannot mark unconfirmed a commitment that is OPEN; the owner must claim it done first
            DUE_SOON     | DUE_SOON_REACHED               | cannot mark due soon a commitment that is DUE_SOON; it is already due soon
            OVERDUE      | DUE_SOON_REACHED               | cannot mark due soon a commitment that is OVERDUE; it is already overdue
            OVERDUE      | DUE_DATE_PASSED                | cannot mark overdue a commitment that is OVERDUE; it is already overdue
            OPEN         | GRACE_PERIOD_PASSED            | cannot break a commitment that is OPEN; only an OVERDUE commitment breaks when its grace period ends
            DUE_SOON     | GRACE_PERIOD_PASSED            | cannot break a commitment that is DUE_SOON; only an OVERDUE commitment breaks when its grace period ends
            CLAIMED_DONE | DUE_SOON_REACHED               | cannot mark due soon a commitment that is CLAIMED_DONE; it is claimed done and awaits the customer's answer, so its due date no longer applies
            CLAIMED_DONE | DUE_DATE_PASSED                | cannot mark overdue a commitment that is CLAIMED_DONE; it is claimed done and awaits the customer's answer, so its due date no longer applies
            CLAIMED_DONE | GRACE_PERIOD_PASSED            | cannot break a commitment that is CLAIMED_DONE; it is claimed done and awaits the customer's answer, so its due date no longer applies
            CLAIMED_DONE | OWNER_CLAIMED_DONE             | cannot claim done a commitment that is CLAIMED_DONE; it is already claimed done and awaits the customer's answer
            OPEN         | REOPENED                       | cannot reopen a commitment that is OPEN; only a DISPUTED commitment can be reopened
            OVERDUE      | REOPENED                       | cannot reopen a commitment that is OVERDUE; only a DISPUTED commitment can be reopened
            CLAIMED_DONE | REOPENED                       | cannot reopen a commitment that is CLAIMED_DONE; only a DISPUTED commitment can be reopened
            DISPUTED     | OWNER_CLAIMED_DONE             | cannot claim done a commitment that is DISPUTED; the customer disputed it; it must be reopened with a new due date first
            DISPUTED     | CUSTOMER_CONFIRMED             | cannot confirm a commitment that is DISPUTED; the customer disputed it; it must be reopened with a new due date first
            DISPUTED     | DUE_DATE_PASSED                | cannot mark overdue a commitment that is DISPUTED; the customer disputed it; it must be reopened with a new due date first
            VERIFIED     | CUSTOMER_DENIED                | cannot dispute a commitment that is VERIFIED; VERIFIED is final
            BROKEN       | REOPENED                       | cannot reopen a commitment that is BROKEN; BROKEN is final
            BROKEN       | OWNER_CLAIMED_DONE             | cannot claim done a commitment that is BROKEN; BROKEN is final
            UNCONFIRMED  | CUSTOMER_CONFIRMED             | cannot confirm a commitment that is UNCONFIRMED; UNCONFIRMED is final
            """)
    void explainsWhyAnIllegalTransitionIsRefused(CommitmentStatus status, CommitmentEvent event, String message) {
        assertThatThrownBy(() -> attempt(lifecycle, state(status), event))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = { "VERIFIED", "BROKEN", "UNCONFIRMED" })
    void refusesEveryEventOnAFinalStatus(CommitmentStatus status) {
        for (CommitmentEvent event : CommitmentEvent.values()) {
            assertThatThrownBy(() -> attempt(lifecycle, state(status, 1), event))
                    .as(event.name())
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageEndingWith("; " + status + " is final");
        }
    }

    @Test
    void refusesDueSoonBeforeTheWarningTimeStarts() {
        Instant justBefore = DUE.minus(LifecycleFixtures.DUE_SOON_BEFORE).minusSeconds(1);

        assertThatThrownBy(
                () -> lifecycle.apply(state(OPEN), CommitmentEvent.DUE_SOON_REACHED, SYSTEM, null, justBefore))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot mark due soon a commitment that is OPEN; it is due at 2026-12-01T10:00:00Z "
                        + "and becomes due soon only at 2026-11-30T10:00:00Z");
    }

    @Test
    void refusesOverdueBeforeTheDueDate() {
        assertThatThrownBy(() -> lifecycle.apply(state(CommitmentStatus.DUE_SOON), CommitmentEvent.DUE_DATE_PASSED,
                SYSTEM, null, DUE.minusNanos(1)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot mark overdue a commitment that is DUE_SOON; "
                        + "its due date 2026-12-01T10:00:00Z has not passed");
    }

    @Test
    void refusesToBreakBeforeTheGracePeriodEnds() {
        assertThatThrownBy(() -> lifecycle.apply(state(OVERDUE), CommitmentEvent.GRACE_PERIOD_PASSED, SYSTEM, null,
                DUE.plus(GRACE).minusSeconds(1)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot break a commitment that is OVERDUE; its grace period lasts until 2026-12-03T10:00:00Z");
    }

    @Test
    void refusesUnconfirmedWhileTheCustomerStillHasTimeToAnswerTheReminder() {
        Instant beforeLastChance = CLAIMED_AT.plus(REMINDER_AFTER.multipliedBy(2)).minusSeconds(1);

        assertThatThrownBy(() -> lifecycle.apply(state(CLAIMED_DONE), CommitmentEvent.CUSTOMER_SILENT_AFTER_REMINDER,
                SYSTEM, null, beforeLastChance))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot mark unconfirmed a commitment that is CLAIMED_DONE; "
                        + "the customer has until 2026-12-06T10:00:00Z to answer the request and the reminder");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void refusesAClaimWithoutANote(String note) {
        assertThatThrownBy(() -> lifecycle.apply(state(OPEN), CommitmentEvent.OWNER_CLAIMED_DONE, OWNER, note, LATE))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot claim done a commitment that is OPEN; a note saying what was done is required");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "\t" })
    void refusesADenialWithoutTheCustomersComment(String comment) {
        assertThatThrownBy(
                () -> lifecycle.apply(state(CLAIMED_DONE), CommitmentEvent.CUSTOMER_DENIED, CUSTOMER, comment, LATE))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot dispute a commitment that is CLAIMED_DONE; the customer's comment is required");
    }

    @Test
    void refusesToReopenWithoutAReason() {
        assertThatThrownBy(() -> lifecycle.reopen(state(DISPUTED, 1), LATE.plus(Duration.ofDays(1)), OWNER, " ", LATE))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot reopen a commitment that is DISPUTED; a reason is required");
    }

    @Test
    void refusesToReopenWithADueDateThatIsNotInTheFuture() {
        assertThatThrownBy(() -> lifecycle.reopen(state(DISPUTED, 1), LATE, OWNER, "retry", LATE))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot reopen a commitment that is DISPUTED; the new due date 2026-12-31T10:00:00Z "
                        + "must be after 2026-12-31T10:00:00Z");
    }

    @Test
    void refusesReopenedThroughApplyBecauseItNeedsANewDueDate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lifecycle.apply(state(DISPUTED, 1), CommitmentEvent.REOPENED, OWNER, "retry", LATE))
                .withMessageContaining("reopen(");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", " " })
    void refusesAChangeWithoutAnActor(String actor) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> lifecycle.apply(state(OPEN), CommitmentEvent.DUE_DATE_PASSED, actor, null, LATE))
                .withMessage("every change needs an actor");
    }

    @Test
    void checksTheStatusBeforeTheNoteSoTheRefusalNamesTheRealProblem() {
        assertThatThrownBy(
                () -> lifecycle.apply(state(OPEN), CommitmentEvent.CUSTOMER_DENIED, CUSTOMER, null, LATE))
                .hasMessage("cannot dispute a commitment that is OPEN; the owner must claim it done first");
    }
}
