package io.tikun.routing.workspace;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import io.tikun.routing.customer.ChurnOutcome;
import io.tikun.routing.customer.ExitOutcome;
import io.tikun.routing.followup.CommitmentStatus;

/**
 * The case page's texts for promises, assigning and the customer panel, in English; {@code messages/cp_he.properties}
 * holds the Hebrew ones (CaseSideMessagesTest fails when a key or parameter is missing there).
 */
@MessageBundle(value = "cp", locale = "en")
public interface CaseSideMessages {

    @Message("Promises to the customer")
    String promises();

    @Message("No promise has been made on this case.")
    String noPromises();

    @Message("What was promised")
    String what();

    @Message("Who is responsible")
    String owner();

    @Message("Due")
    String due();

    @Message("State")
    String state();

    @Message("Last change")
    String lastChange();

    @Message("overdue")
    String overdue();

    @Message("{#when state}{#is OPEN}Open{#is DUE_SOON}Due soon{#is OVERDUE}Overdue{#is CLAIMED_DONE}Reported done{#is VERIFIED}Kept (confirmed by the customer){#is DISPUTED}Disputed by the customer{#is BROKEN}Broken{#is UNCONFIRMED}Not confirmed{#else}{state}{/when}")
    String promiseState(CommitmentStatus state);

    @Message("Make a promise")
    String makePromise();

    @Message("What you promise, in the customer's words")
    String whatLabel();

    @Message("Responsible (user name)")
    String ownerLabel();

    @Message("Due by (your time, {zone})")
    String dueLabel(String zone);

    @Message("Record the promise")
    String promiseButton();

    @Message("Write what was promised.")
    String whatMissing();

    @Message("Name who is responsible for the promise.")
    String ownerMissing();

    @Message("Give the date and time the promise is due, in the future.")
    String dueInvalid();

    @Message("The text is too long ({length} characters, at most {max}).")
    String tooLong(int length, int max);

    @Message("Assign the case")
    String assign();

    @Message("Assign to")
    String assigneeLabel();

    @Message("Assign")
    String assignButton();

    @Message("Only managers and admins assign cases.")
    String managersOnly();

    @Message("Choose who gets the case.")
    String assigneeMissing();

    @Message("About the customer")
    String customerPanel();

    @Message("Earlier cases")
    String pastCases();

    @Message("No earlier cases.")
    String noPastCases();

    @Message("Opened")
    String opened();

    @Message("Channel")
    String channel();

    @Message("About")
    String about();

    @Message("Handled by")
    String handledBy();

    @Message("Solved")
    String solved();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Promises made to the customer")
    String customerPromises();

    @Message("{kept} kept, {notKept} not kept, of {total}")
    String promisesSummary(long kept, long notKept, int total);

    @Message("Satisfaction (CSAT)")
    String csat();

    @Message("No satisfaction answers yet.")
    String noCsat();

    @Message("Average {mean} of 5 from {count} answers")
    String csatMean(String mean, int count);

    @Message("{score} of 5")
    String score(int score);

    @Message("Value tier")
    String valueTier();

    @Message("Unknown")
    String unknown();

    @Message("Said they would leave")
    String saidTheyWouldLeave();

    @Message("Churn watch")
    String churnWatch();

    @Message("{#when outcome}{#is UNKNOWN}Still watching{#is STAYED}Stayed{#is LEFT}Left{#else}{outcome}{/when}")
    String churnOutcome(ChurnOutcome outcome);

    @Message("Exit interview")
    String exitInterview();

    @Message("{#when outcome}{#is RETAINED}Retained{#is LEFT}Left{#is UNREACHABLE}Could not be reached{#else}{outcome}{/when}")
    String exitOutcome(ExitOutcome outcome);

    @Message("All of this customer's cases")
    String allCases();
}
