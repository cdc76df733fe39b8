package io.tikun.routing.workspace;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The workspace's texts in English; {@code messages/ws_he.properties} holds the Hebrew ones
 * (WorkspaceMessagesTest fails when a key is missing there).
 */
@MessageBundle(value = "ws", locale = "en")
public interface WorkspaceMessages {

    @Message("Tikun · Agent workspace")
    String appName();

    @Message("Skip to content")
    String skipLink();

    @Message("Signed in as {user}")
    String signedInAs(String user);

    @Message("Log out")
    String logOut();

    @Message("Language")
    String language();

    @Message("עברית")
    String switchToHebrew();

    @Message("English")
    String switchToEnglish();

    @Message("Times are shown in {zone}")
    String timesIn(String zone);

    @Message("Inbox")
    String inbox();

    @Message("Queue")
    String queue();

    @Message("Mine")
    String queueMine();

    @Message("Unassigned")
    String queueUnassigned();

    @Message("All cases")
    String queueAll();

    @Message("Filters")
    String filters();

    @Message("Severity")
    String severity();

    @Message("Level")
    String level();

    @Message("Status")
    String status();

    @Message("Channel")
    String channel();

    @Message("Any")
    String any();

    @Message("Open (not resolved)")
    String statusActive();

    @Message("First response overdue")
    String overdueOnly();

    @Message("Waiting on customer")
    String waitingOnly();

    @Message("Apply")
    String apply();

    @Message("Reference")
    String reference();

    @Message("Customer")
    String customer();

    @Message("Subject")
    String subject();

    @Message("Assignee")
    String assignee();

    @Message("Due")
    String due();

    @Message("nobody")
    String nobody();

    @Message("No case matches these filters.")
    String noCases();

    @Message("{total} cases · page {page} of {pages}")
    String pageOf(long total, int page, int pages);

    @Message("More than {total} cases · page {page} of the first {pages}; narrow the filters to see the rest")
    String pageOfMore(long total, int page, int pages);

    @Message("Previous page")
    String previousPage();

    @Message("Next page")
    String nextPage();

    @Message("The list updates by itself when cases change.")
    String liveHint();

    @Message("Live updates: connecting…")
    String liveConnecting();

    @Message("Live updates: on")
    String liveOn();

    @Message("Live updates: off, reload the page to see changes")
    String liveOff();

    @Message("The list was updated.")
    String listUpdated();

    @Message("Keyboard: j or n next case, k previous case, / filters; on a case: r reply, n next case.")
    String shortcutsInbox();

    @Message("Keyboard: r reply, n next case, i inbox.")
    String shortcutsCase();

    @Message("overdue by {time}")
    String overdueBy(String time);

    @Message("{time} left")
    String timeLeft(String time);

    @Message("answered")
    String answered();

    @Message("paused")
    String paused();

    @Message("Case {reference}")
    String caseTitle(String reference);

    @Message("Back to the inbox")
    String backToInbox();

    @Message("Next case")
    String nextCase();

    @Message("Conversation")
    String conversation();

    @Message("Customer")
    String authorCustomer();

    @Message("Agent")
    String authorAgent();

    @Message("Automatic")
    String authorSystem();

    @Message("Internal note")
    String internalNote();

    @Message("Attachments")
    String attachments();

    @Message("(no file name)")
    String unnamedAttachment();

    @Message("Tikun lists attached files without keeping them; the original is in the support mailbox.")
    String attachmentsKeptInMailbox();

    @Message("Delivery: {status}")
    String delivery(String status);

    @Message("Severity and its reasons")
    String severityReasons();

    @Message("SLA clocks")
    String slaClocks();

    @Message("First response")
    String firstResponse();

    @Message("Resolution")
    String resolution();

    @Message("Answered at {time} by {by}")
    String answeredAt(String time, String by);

    @Message("Waiting on the customer since {time}: the clocks stand still.")
    String waitingSince(String time);

    @Message("Manager callback due")
    String callbackDue();

    @Message("Escalation history")
    String escalationHistory();

    @Message("When")
    String when();

    @Message("From")
    String fromLevel();

    @Message("To")
    String toLevel();

    @Message("Why")
    String why();

    @Message("Actions")
    String actions();

    @Message("Claim this case")
    String claim();

    @Message("Reply to the customer")
    String reply();

    @Message("Your reply (sent in the customer's language: {language})")
    String replyLabel(String language);

    @Message("Canned responses")
    String cannedResponses();

    @Message("Insert")
    String insert();

    @Message("No canned response in this language.")
    String noCanned();

    @Message("Send reply")
    String sendReply();

    @Message("Preview")
    String previewButton();

    @Message("Preview the thank-you")
    String previewThankYouButton();

    @Message("The reply as {customer} will receive it")
    String previewReplyHeading(String customer);

    @Message("The thank-you {customer} will receive when you resolve the case")
    String previewThankYouHeading(String customer);

    @Message("In {language}, by {channel}, exactly as shown here. Nothing has been sent yet.")
    String previewIn(String language, String channel);

    @Message("Not written in the customer's language ({language}).")
    String previewOtherAlphabet(String language);

    @Message("Sent as written, not filled in: {placeholders}. Insert a canned response to have them filled.")
    String previewUnfilled(String placeholders);

    @Message("Add an internal note")
    String note();

    @Message("Note (never sent to the customer)")
    String noteLabel();

    @Message("Save note")
    String saveNote();

    @Message("Wait on the customer")
    String waitOnCustomer();

    @Message("Resume the clocks")
    String resume();

    @Message("Resolve")
    String resolve();

    @Message("How it was resolved (quoted in the thank-you)")
    String resolutionLabel();

    @Message("Resolve the case")
    String resolveButton();

    @Message("Category (confirm the suggested one or correct it)")
    String categoryLabel();

    @Message("Root cause")
    String rootCauseLabel();

    @Message("Choose…")
    String chooseOne();

    @Message("Choose the root cause from the list before resolving.")
    String chooseRootCause();

    @Message("Choose the case's category from the list before resolving.")
    String chooseCategory();

    @Message("Suggested by the classifier: {category}")
    String suggestedCategory(String category);

    @Message("Reopen")
    String reopen();

    @Message("Why it is reopened")
    String reopenLabel();

    @Message("Reopen the case")
    String reopenButton();

    @Message("This case changed since you opened it. Below is its current state; your text is kept, check it and send again.")
    String changedSinceOpened();

    @Message("Done.")
    String done();

    @Message("This case is held by another agent; ask a manager to reassign it.")
    String heldByAnother();

    @Message("Please write something first.")
    String emptyText();

    @Message("The form expired or did not come from this page; reload the page and try again.")
    String badForm();

    @Message("Not allowed")
    String forbiddenTitle();

    @Message("You are signed in as {user}, but the workspace is only for agents, managers and admins.")
    String forbiddenText(String user);

    @Message("This action is not possible now: {reason}")
    String notPossible(String reason);

    @Message("Low")
    String severityLow();

    @Message("Medium")
    String severityMedium();

    @Message("High")
    String severityHigh();

    @Message("Critical")
    String severityCritical();

    @Message("Severe case opened")
    String kindSevereCaseOpened();

    @Message("Escalated")
    String kindEscalated();

    @Message("Manager callback owed")
    String kindCallbackAssigned();

    @Message("Message not delivered")
    String kindDeliveryFailed();

    @Message("Complaint hotspot")
    String kindHotspotDetected();

    @Message("Frontline")
    String levelFrontline();

    @Message("Team lead")
    String levelTeamLead();

    @Message("Service manager")
    String levelServiceManager();

    @Message("Manager callback")
    String levelManagerCallback();

    @Message("Open")
    String statusOpen();

    @Message("Responded")
    String statusResponded();

    @Message("Waiting on customer")
    String statusWaiting();

    @Message("Resolved")
    String statusResolved();

    @Message("Opened at the rung its severity sets")
    String reasonOpened();

    @Message("Repeat complaint: one rung higher")
    String reasonRepeatComplaint();

    @Message("First response missed its deadline")
    String reasonFirstResponseMissed();

    @Message("The customer wrote again and was not answered in time")
    String reasonUnansweredCustomerReply();

    @Message("Not resolved by its deadline")
    String reasonResolutionOverdue();

    @Message("A promise was not kept")
    String reasonPromiseNotKept();

    @Message("The detail as the system recorded it, in English")
    String recordedInEnglish();

    @Message("Last resolved as (category · root cause)")
    String lastResolvedAs();

    @Message("Legal threat")
    String signalLegalThreat();

    @Message("Safety hazard")
    String signalSafety();

    @Message("Says they will leave")
    String signalChurnIntent();

    @Message("Addressed to the CEO")
    String signalCeoAddressed();

    @Message("Anger")
    String signalAnger();

    @Message("Threatens to go public")
    String signalPublicExposure();

    @Message("Wide audience")
    String signalWideReach();

    @Message("Complained often lately")
    String signalRepeatComplaints();

    @Message("High-value customer")
    String signalCustomerValue();

    @Message("Financial harm")
    String signalFinancialHarm();

    @Message("The fault came back")
    String signalRepeatedFailure();

    @Message("Long wait")
    String signalLongWait();

    @Message("Warranty not honoured")
    String signalWarrantyNotHonoured();

    @Message("Another signal")
    String signalOther();

    @Message("implies {severity}")
    String implies(String severity);

    @Message("No aggravating signal.")
    String noSignal();

    @Message("My team")
    String queueTeam();

    @Message("Only the cases of customer")
    String onlyCustomer();

    @Message("Every customer")
    String everyCustomer();
}
