package io.tikun.routing.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The manager console's texts in English; {@code messages/cs_he.properties} holds the Hebrew ones (ConsoleMessagesTest
 * fails when a key is missing there). The page frame's texts are the workspace's ({@code ws:}).
 */
@MessageBundle(value = "cs", locale = "en")
public interface ConsoleMessages {

    @Message("Manager console")
    String title();

    @Message("Tikun · Manager console")
    String appName();

    @Message("Console sections")
    String sections();

    @Message("Overview")
    String overview();

    @Message("Reports")
    String reports();

    @Message("Agent workspace")
    String workspace();

    @Message("Live escalations")
    String live();

    @Message("New escalations and callback assignments appear here as they happen.")
    String liveHint();

    @Message("connecting…")
    String liveConnecting();

    @Message("live")
    String liveOn();

    @Message("reconnecting…")
    String liveReconnecting();

    @Message("call back by")
    String liveCallbackDue();

    @Message("Nothing escalated yet.")
    String noLive();

    @Message("Callbacks due")
    String callbacks();

    @Message("No callback is owed.")
    String noCallbacks();

    @Message("Due")
    String due();

    @Message("Reference")
    String reference();

    @Message("Customer")
    String customer();

    @Message("Phone")
    String phone();

    @Message("Severity")
    String severity();

    @Message("Calls made")
    String attempts();

    @Message("overdue")
    String overdue();

    @Message("Record the call with {customer}")
    String outcomeLegend(String customer);

    @Message("What came of the call")
    String outcome();

    @Message("Reached, and the complaint is resolved")
    String outcomeResolved();

    @Message("Reached, and a fix was promised")
    String outcomePromised();

    @Message("Not reached")
    String outcomeNotReached();

    @Message("Note (for a resolved complaint: how it was resolved)")
    String note();

    @Message("The promise (for a promised fix)")
    String promise();

    @Message("What was promised, in the customer's words")
    String promiseWhat();

    @Message("Who owns it")
    String promiseOwner();

    @Message("Due by ({zone})")
    String promiseDue(String zone);

    @Message("Call again at ({zone}; when not reached)")
    String retryAt(String zone);

    @Message("Save the outcome")
    String saveOutcome();

    @Message("Choose what came of the call.")
    String needOutcome();

    @Message("Write how the complaint was resolved.")
    String needNote();

    @Message("Choose the root cause from the list.")
    String needRootCause();

    @Message("Category")
    String resolvedCategory();

    @Message("Keep the case's category")
    String keepCategory();

    @Message("Root cause")
    String resolvedRootCause();

    @Message("A promised fix needs what was promised, its owner and a due time.")
    String needPromise();

    @Message("Give the time to call again.")
    String needRetry();

    @Message("The time must be a date and time in the future.")
    String needFuture();

    @Message("The call was recorded.")
    String recorded();

    @Message("This callback changed since you opened the page (someone else recorded a call). Below is its current state; your entries are kept, check them and save again.")
    String callbackChanged();

    @Message("This is not possible now: {reason}")
    String notPossible(String reason);

    @Message("The form expired or did not come from this page; reload the page and try again.")
    String badForm();

    @Message("Cases at risk of breach")
    String atRisk();

    @Message("No unanswered case is close to its first-response deadline.")
    String noAtRisk();

    @Message("First response due")
    String firstResponseDue();

    @Message("breached")
    String breached();

    @Message("Level")
    String level();

    @Message("Channel")
    String channel();

    @Message("Assignee")
    String assignee();

    @Message("nobody")
    String nobody();

    @Message("Only {agent}'s cases")
    String onlyAgent(String agent);

    @Message("Show everyone's")
    String showAll();

    @Message("Team load")
    String teamLoad();

    @Message("Open cases per agent; choose an agent to see their cases at risk.")
    String teamLoadHint();

    @Message("No open case.")
    String noLoad();

    @Message("Agent")
    String agent();

    @Message("Open cases")
    String openCases();

    @Message("Critical or high")
    String urgentCases();

    @Message("First response overdue")
    String overdueCases();

    @Message("unassigned")
    String unassigned();

    @Message("First-response times (last 30 days)")
    String firstResponse();

    @Message("No answered case in the period yet.")
    String noFirstResponse();

    @Message("Figures as of {time}.")
    String figuresAsOf(String time);

    @Message("Answered")
    String answered();

    @Message("Mean (min)")
    String mean();

    @Message("Median (min)")
    String median();

    @Message("90th percentile (min)")
    String p90();

    @Message("Not allowed")
    String forbiddenTitle();

    @Message("You are signed in as {user}, but the manager console is only for managers and admins.")
    String forbiddenText(String user);

    @Message("Period")
    String period();

    @Message("From")
    String from();

    @Message("To (inclusive)")
    String to();

    @Message("Show")
    String show();

    @Message("Dates are days in {zone}; weeks start on the first day chosen.")
    String periodHint(String zone);

    @Message("Give both dates as year-month-day.")
    String badDates();

    @Message("The first day must not be after the last.")
    String datesOrder();

    @Message("Choose at most {weeks} weeks.")
    String tooLong(int weeks);

    @Message("Week of")
    String weekOf();

    @Message("First response by channel, median per week")
    String chartFirstByChannel();

    @Message("First response by severity, median per week")
    String chartFirstBySeverity();

    @Message("First response by agent, median over the period")
    String chartFirstByAgent();

    @Message("Replies to customers by channel, median per week")
    String chartRepliesByChannel();

    @Message("Resolution by channel, median per week")
    String chartResolutionByChannel();

    @Message("Resolution by severity, median per week")
    String chartResolutionBySeverity();

    @Message("Resolution by agent, over the period")
    String chartResolutionByAgent();

    @Message("Median business minutes from the complaint to the case's resolution, for cases resolved each week.")
    String descResolutionWeekly();

    @Message("Median and 90th percentile business minutes from the complaint to the resolution, per assignee.")
    String descResolutionByAgent();

    @Message("Complaints by category per week")
    String chartCategories();

    @Message("Median business minutes from the customer's complaint to the first answer, each week of the period.")
    String descFirstWeekly();

    @Message("Median business minutes from the complaint to the first answer, per agent who gave it.")
    String descFirstByAgent();

    @Message("Median business minutes from a customer's further message to the agent's reply, each week of the period.")
    String descRepliesWeekly();

    @Message("Cases opened each week of the period, by the category intake classified them under.")
    String descCategories();

    @Message("business minutes")
    String minutesUnit();

    @Message("cases")
    String casesUnit();

    @Message("uncategorized")
    String uncategorized();

    @Message("No data in this period.")
    String noData();

    @Message("Each chart has its numbers in the table beside it.")
    String chartsHint();

    @Message("Promises by the week they fell due")
    String chartPromises();

    @Message("Promises made on cases, counted in the week they were due: kept (the customer confirmed), done but not confirmed by the customer, not kept (overdue, disputed or broken), still open.")
    String descPromises();

    @Message("promises")
    String promisesUnit();

    @Message("Kept")
    String promisesKept();

    @Message("Done, not confirmed")
    String promisesDone();

    @Message("Not kept")
    String promisesNotKept();

    @Message("Still open")
    String promisesOpen();

    @Message("Satisfaction, mean answer per week")
    String chartCsatWeekly();

    @Message("The mean of the satisfaction answers (1 to 5) customers gave each week.")
    String descCsatWeekly();

    @Message("score (1–5)")
    String scoreUnit();

    @Message("Mean")
    String meanScore();

    @Message("Satisfaction answers by score")
    String chartCsatScores();

    @Message("How many satisfaction answers in the period gave each score, from 1 (very dissatisfied) to 5 (very satisfied).")
    String descCsatScores();

    @Message("Score")
    String score();

    @Message("answers")
    String answersUnit();

    @Message("Answers")
    String answers();

    @Message("Resolved cases by root cause")
    String chartRootCauses();

    @Message("Resolutions in the period by the root cause the agent gave, the most frequent first.")
    String descRootCauses();

    @Message("Root cause")
    String rootCause();

    @Message("resolutions")
    String resolutionsUnit();

    @Message("Resolutions")
    String resolutions();

    @Message("Customers who said they would leave")
    String chartChurn();

    @Message("In the period: complaints that said the customer would leave, and churn watches decided as stayed or left.")
    String descChurn();

    @Message("Churn watch")
    String churnAxis();

    @Message("Said they would leave")
    String churnOpened();

    @Message("Stayed")
    String churnStayed();

    @Message("Left")
    String churnLeft();

    @Message("customers")
    String customersUnit();

    @Message("Customers")
    String customers();

    @Message("Exit interviews by reason")
    String chartExitReasons();

    @Message("Exit interviews completed in the period by the reason the customer gave, and whether the customer left, was retained or could not be reached.")
    String descExitReasons();

    @Message("interviews")
    String interviewsUnit();

    @Message("Reason")
    String exitReason();

    @Message("Left")
    String exitLeft();

    @Message("Retained")
    String exitRetained();

    @Message("Unreachable")
    String exitUnreachable();

    @Message("No reason given")
    String noReason();

    @Message("Price")
    String exitPrice();

    @Message("Service")
    String exitService();

    @Message("Product")
    String exitProduct();

    @Message("A competitor's offer")
    String exitCompetitor();

    @Message("Moved")
    String exitMoved();

    @Message("Other")
    String exitOther();
}
