package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tikun.stack.CapturedMail;
import io.tikun.stack.LocalStack;
import io.tikun.stack.testing.HeadlessChromium;
import io.tikun.stack.testing.PageNavigation;

/**
 * The agent workspace and the manager console in headless Chromium against the whole packaged system, signed in
 * through Keycloak's own login page (code flow): an agent answers a complaint filed a moment before with a canned
 * response (the mail reaches the customer) and resolves it, a Hebrew case reads right to left, a change made in another
 * session is shown without losing what the agent typed, and a manager records a call. Every page visited is kept as a
 * screenshot and HTML under {@code target/browser-journey} and checked with axe-core: no serious or critical violation.
 */
@ExtendWith(SharedStack.class)
class WorkspaceBrowserJourneyIT {

    private static final String CHANGED_SINCE_OPENED = "This case changed since you opened it. Below is its current state;"
            + " your text is kept, check it and send again.";
    private static final String ACKNOWLEDGEMENT = "Acknowledgement: we are on it";

    private static LocalStack stack;
    private static ComplaintJourney journey;

    @BeforeAll
    static void startTikun() {
        assertThat(HeadlessChromium.installed()).as("chromium and chromium-driver (apt-get install chromium chromium-driver)")
                .isTrue();
        stack = SharedStack.stack();
        journey = new ComplaintJourney(stack);
    }

    @Test
    void agentAnswersAComplaintFromTheInboxWithACannedResponseAndResolvesIt() {
        String email = "noa+" + UUID.randomUUID() + "@example.com";
        try (JourneyBrowser agent = JourneyBrowser.open(stack, "en", "agent")) {
            agent.logIn("agent", "/workspace");
            WebDriver browser = agent.driver();
            WebDriverWait wait = agent.waiting();
            browser.findElement(By.cssSelector("nav.queues a[href='/workspace?queue=unassigned']")).click();
            wait.until(ExpectedConditions.urlContains("queue=unassigned"));
            WebElement live = browser.findElement(By.id("live-state"));
            wait.until(d -> live.getText().equals(live.getAttribute("data-on")));

            // Filed while the inbox is open: the list shows it without a reload.
            JsonPath receipt = fileWebComplaint(email, "Noa Cohen", "The kettle leaks",
                    "The kettle I bought last week leaks from its base and tripped the power twice.");
            String reference = receipt.getString("reference");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-region"), reference));
            agent.keepAndCheck("inbox");

            WebElement link = browser.findElements(By.cssSelector("#queue-region a.case-link")).stream()
                    .filter(a -> a.getText().contains(reference)).findFirst().orElseThrow();
            link.click();
            wait.until(ExpectedConditions.urlContains("/workspace/cases/"));
            String caseId = journey.awaitOpenedCase(receipt.getString("id")).getString("id");
            assertThat(browser.getCurrentUrl()).isEqualTo(stack.routing().url() + "/workspace/cases/" + caseId);
            CaseWebPage page = new CaseWebPage(agent, caseId);
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains(reference).contains("The kettle leaks");
            assertThat(page.conversation()).anySatisfy(m -> assertThat(m).contains("tripped the power twice"));
            agent.keepAndCheck("case");

            page.insertCanned(ACKNOWLEDGEMENT);
            assertThat(page.replyDraft()).startsWith("Hello Noa Cohen, thank you for contacting us.")
                    .contains("reference " + reference);
            String sent = page.replyDraft();
            // Previewed as the customer will read it: the same words, in English, nothing sent yet.
            String previewed = page.preview("reply-form", Map.of());
            assertThat(previewed.strip()).isEqualTo(sent.strip());
            assertThat(browser.findElements(By.cssSelector(".preview-warning"))).isEmpty();
            assertThat(page.replyDraft()).isEqualTo(sent);
            assertThat(page.conversation()).noneSatisfy(m -> assertThat(m).contains("thank you for contacting us"));
            agent.keepAndCheck("case-reply-preview");
            page.sendReply();
            assertThat(page.noticeKind()).isEqualTo("done");
            assertThat(page.notice()).isEqualTo("Done.");

            CapturedMail reply = stack.mail().await(m -> m.isTo(email) && m.text().contains("thank you for contacting us"),
                    JourneyBrowser.WAIT);
            assertThat(reply.to()).containsExactly(email);
            assertThat(reply.subject()).contains("[" + reference + "]");
            assertThat(reply.text()).contains(sent.strip());
            // The mail was sent; once intake's report reached routing the case is answered. Decide on that state,
            // as an agent reloading the page would.
            await().atMost(JourneyBrowser.WAIT)
                    .until(() -> journey.caseView(caseId).getString("firstRespondedAt") != null);
            page.open();
            assertThat(page.conversation()).anySatisfy(m -> assertThat(m).contains("thank you for contacting us"));
            agent.keepAndCheck("case-answered");

            // A promise from the case page reaches follow-up, which tracks it, and the page lists it with its due time.
            String zone = browser.findElement(By.tagName("body")).getAttribute("data-zone");
            LocalDateTime due = LocalDate.now(ZoneId.of(zone)).plusDays(2).atTime(10, 30);
            page.submit("promise-form", Map.of("what", "A technician replaces the kettle's base", "owner", "agent",
                    "dueAt", due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))));
            assertThat(page.noticeKind()).isEqualTo("done");
            WebElement promise = browser.findElement(By.cssSelector("#case-promises tr.promise"));
            assertThat(promise.getText()).contains("A technician replaces the kettle's base").contains("agent");
            JsonPath tracked = journey.awaitTrackedCommitment(caseId);
            assertThat(tracked.getString("what")).isEqualTo("A technician replaces the kettle's base");
            assertThat(tracked.getString("owner")).isEqualTo("agent");
            assertThat(Instant.parse(tracked.getString("dueAt")))
                    .isEqualTo(due.atZone(ZoneId.of(zone)).toInstant());
            assertThat(promise.findElement(By.tagName("time")).getAttribute("datetime"))
                    .isEqualTo(due.atZone(ZoneId.of(zone)).toInstant().toString());
            agent.keepAndCheck("case-promised");

            // The resolution needs both a category and a root cause: with the root cause left out the form will not go.
            WebElement resolveText = page.element("resolve-text");
            resolveText.sendKeys("Replaced the kettle; the customer has the new one.");
            new Select(page.element("resolve-category")).selectByValue("product_defect");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            assertThat(js.executeScript("return document.getElementById('resolve-form').checkValidity();"))
                    .isEqualTo(false);
            assertThat(js.executeScript("return document.getElementById('resolve-root-cause').validity.valueMissing;"))
                    .isEqualTo(true);
            // The thank-you resolving will send, previewed with the resolution in it; the case stays open.
            String thankYou = page.preview("resolve-form", Map.of("text", "Replaced the kettle; the customer has the new one.",
                    "category", "product_defect", "rootCause", "product-defect"));
            assertThat(thankYou).startsWith("Hello Noa Cohen,").contains("Replaced the kettle; the customer has the new one.")
                    .contains(reference);
            assertThat(page.status()).isNotEqualTo("RESOLVED");
            agent.keepAndCheck("case-thank-you-preview");
            page.resolve("Replaced the kettle; the customer has the new one.", "product_defect", "product-defect");
            assertThat(page.noticeKind()).isEqualTo("done");
            assertThat(page.status()).isEqualTo("RESOLVED");
            assertThat(browser.findElements(By.id("reopen-form"))).hasSize(1);
            assertThat(browser.findElements(By.id("resolve-form"))).isEmpty();
            assertThat(journey.caseView(caseId).getString("status")).isEqualTo("RESOLVED");
            agent.keepAndCheck("case-resolved");
            // The thank-you the customer gets is the one previewed.
            CapturedMail thanks = stack.mail().await(m -> m.isTo(email) && m.text().contains("What we did:"),
                    JourneyBrowser.WAIT);
            assertThat(thanks.text()).contains("What we did: Replaced the kettle; the customer has the new one.")
                    .contains(thankYou.lines().filter(line -> line.startsWith("Your reference is")).findFirst().orElseThrow());
        }
    }

    @Test
    void hebrewComplaintsConversationAndReplyFormReadRightToLeft() {
        String email = "dana+" + UUID.randomUUID() + "@example.com";
        JsonPath receipt = fileWebComplaint(email, "דנה לוי", "המקרר לא מקרר",
                "שלום, המקרר שקניתי לפני חודשיים הפסיק לקרר והאוכל התקלקל. אני מבקשת טכנאי בהקדם.");
        String caseId = journey.awaitOpenedCase(receipt.getString("id")).getString("id");
        try (JourneyBrowser agent = JourneyBrowser.open(stack, "en", "agent")) {
            agent.logIn("agent", "/workspace/cases/" + caseId);
            WebDriver browser = agent.driver();
            // An English page around a Hebrew case: the case's own words, and the reply to it, run right to left.
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
            readsRightToLeft(browser);
            agent.keepAndCheck("case-hebrew");

            browser.findElement(By.id("language-switch")).click();
            agent.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "he"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            readsRightToLeft(browser);
            agent.keepAndCheck("case-hebrew-ui-he");

            browser.findElement(By.id("back-to-inbox")).click();
            agent.waiting().until(ExpectedConditions.urlToBe(stack.routing().url() + "/workspace"));
            agent.keepAndCheck("inbox-ui-he");
        }
    }

    private static void readsRightToLeft(WebDriver browser) {
        WebElement conversation = browser.findElement(By.id("conversation"));
        WebElement replyForm = browser.findElement(By.id("reply-form"));
        assertThat(conversation.getAttribute("dir")).isEqualTo("rtl");
        assertThat(conversation.getAttribute("lang")).isEqualTo("he");
        assertThat(conversation.getCssValue("direction")).isEqualTo("rtl");
        assertThat(conversation.getText()).contains("המקרר שקניתי לפני חודשיים");
        assertThat(replyForm.getAttribute("dir")).isEqualTo("rtl");
        assertThat(replyForm.getCssValue("direction")).isEqualTo("rtl");
    }

    @Test
    void aChangeMadeInAnotherSessionIsShownAndTheAgentsNoteIsKept() {
        String email = "yael+" + UUID.randomUUID() + "@example.com";
        JsonPath receipt = fileWebComplaint(email, "Yael Bar", "Wrong size delivered",
                "I ordered the 2 metre sofa and a 1.6 metre one was delivered.");
        String caseId = journey.awaitOpenedCase(receipt.getString("id")).getString("id");
        String note = "Spoke to the warehouse: the right sofa can go out on Sunday.";
        try (JourneyBrowser agent = JourneyBrowser.open(stack, "en", "agent-session");
                JourneyBrowser manager = JourneyBrowser.open(stack, "en", "manager-session")) {
            agent.logIn("agent", "/workspace/cases/" + caseId);
            CaseWebPage mine = new CaseWebPage(agent, caseId);
            mine.claim();
            assertThat(mine.noticeKind()).isEqualTo("done");
            String before = mine.status();

            manager.logIn("manager", "/workspace/cases/" + caseId);
            CaseWebPage theirs = new CaseWebPage(manager, caseId);
            theirs.waitOnCustomer();
            assertThat(theirs.noticeKind()).isEqualTo("done");
            assertThat(theirs.status()).isEqualTo("WAITING_ON_CUSTOMER");

            // The agent's page still shows the case before the manager's change, and its forms carry that version.
            assertThat(before).isNotEqualTo("WAITING_ON_CUSTOMER");
            assertThat(mine.status()).isEqualTo(before);
            mine.addNote(note);
            assertThat(mine.noticeKind()).isEqualTo("changed");
            assertThat(mine.notice()).isEqualTo(CHANGED_SINCE_OPENED);
            assertThat(mine.status()).as("the case as it is now").isEqualTo("WAITING_ON_CUSTOMER");
            assertThat(mine.element("note-text").getAttribute("value")).as("the agent's note, kept").isEqualTo(note);
            assertThat(agent.driver().findElements(By.id("resume-button"))).hasSize(1);
            agent.keepAndCheck("case-changed");

            mine.submit("note-form", Map.of());
            assertThat(mine.noticeKind()).isEqualTo("done");
            assertThat(mine.conversation()).anySatisfy(m -> assertThat(m).contains(note));
            assertThat(mine.status()).as("the manager's change stands").isEqualTo("WAITING_ON_CUSTOMER");
            assertThat(journey.caseView(caseId).getString("status")).isEqualTo("WAITING_ON_CUSTOMER");
        }
    }

    @Test
    void managerRecordsACallbackOutcomeOnTheConsole() {
        String email = "dana+" + UUID.randomUUID() + "@example.com";
        // A critical complaint opens at the service manager; the same customer's second one opens a rung higher, at
        // the manager's callback, where a call is owed from the start.
        String phone = ComplaintJourney.uniquePhone();
        JsonPath first = journey.fileCriticalWebComplaint(email, phone);
        assertThat(journey.awaitOpenedCase(first.getString("id")).getString("level")).isEqualTo("SERVICE_MANAGER");
        JsonPath again = given().auth().oauth2(journey.tokens().channel()).contentType(ContentType.JSON)
                .body(Map.of("channel", "web",
                        "customer", Map.of("name", "Dana Levi", "email", email, "phone", phone),
                        "subject", "The new heater caught fire too",
                        "body", "The replacement heater caught fire as well and burned the curtain. I am calling my lawyer."))
                .post(stack.intake().url() + "/api/v1/complaints")
                .then().statusCode(202).extract().jsonPath();
        JsonPath opened = journey.awaitOpenedCase(again.getString("id"));
        assertThat(opened.getString("level")).isEqualTo("MANAGER_CALLBACK");
        String caseId = opened.getString("id");
        String managerToken = journey.tokens().user("manager");
        await().atMost(JourneyBrowser.WAIT).until(() -> given().auth().oauth2(managerToken).queryParam("state", "OPEN")
                .get(stack.routing().url() + "/api/v1/callbacks").then().statusCode(200).extract().jsonPath()
                .getList("caseId", String.class), ids -> ids.contains(caseId));
        String note = "Called Dana: the heater is replaced and the wall repainted; she is satisfied.";
        try (JourneyBrowser manager = JourneyBrowser.open(stack, "en", "manager")) {
            manager.logIn("manager", "/console");
            WebDriver browser = manager.driver();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Manager console");
            WebElement callback = browser.findElement(By.cssSelector("li.callback[data-case='" + caseId + "']"));
            String taskId = callback.getAttribute("id").substring("callback-".length());
            manager.keepAndCheck("console");

            WebElement form = callback.findElement(By.cssSelector("form.outcome-form"));
            form.findElement(By.cssSelector("input[name=outcome][value=REACHED_RESOLVED]")).click();
            form.findElement(By.name("note")).sendKeys(note);
            // A resolved call says why it happened, as an agent's resolution does; the category stays the case's.
            new Select(form.findElement(By.name("rootCause"))).selectByValue("product-defect");
            PageNavigation.clickToNextPage(browser, form.findElement(By.cssSelector("button[type=submit]")),
                    JourneyBrowser.WAIT);
            manager.waiting().until(ExpectedConditions.urlContains("/console?done=true"));
            assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("The call was recorded.");
            assertThat(browser.findElements(By.cssSelector("li.callback[data-case='" + caseId + "']"))).isEmpty();
            manager.keepAndCheck("console-recorded");

            JsonPath task = given().auth().oauth2(managerToken).get(stack.routing().url() + "/api/v1/callbacks/" + taskId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(task.getString("state")).isEqualTo("DONE");
            assertThat(task.getString("lastOutcome")).isEqualTo("REACHED_RESOLVED");
            List<Map<String, Object>> calls = task.getList("calls");
            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call).containsEntry("note", note).containsEntry("by", "manager");
            });
            assertThat(journey.caseView(caseId).getString("rootCause")).isEqualTo("product-defect");

            browser.findElement(By.cssSelector("nav.console-nav a[href='/console/reports']")).click();
            manager.waiting().until(ExpectedConditions.urlToBe(stack.routing().url() + "/console/reports"));
            assertThat(browser.findElements(By.cssSelector(".charts svg"))).isNotEmpty();
            manager.keepAndCheck("console-reports");
        }
    }

    /** The check is not vacuous: on a page that breaks the rules, axe-core names the rules and the elements. */
    @Test
    void axeCoreReportsTheViolationsOfAPageThatBreaksTheRules() throws IOException {
        Path page = Files.createDirectories(JourneyBrowser.EVIDENCE).resolve("axe-canary.html");
        Files.writeString(page, """
                <!DOCTYPE html><html><head><title>Broken on purpose</title></head><body><main>
                <img src="missing.png"><form><input id="nameless" type="text"><button></button></form>
                </main></body></html>""");
        try (HeadlessChromium chromium = HeadlessChromium.start("en")) {
            chromium.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
            chromium.driver().get(page.toUri().toString());
            List<AxeCore.Violation> serious = AxeCore.check(chromium.driver()).seriousOrWorse();
            assertThat(serious).extracting(AxeCore.Violation::id).contains("image-alt", "label", "button-name",
                    "html-has-lang");
            assertThat(serious).filteredOn(v -> v.id().equals("label")).singleElement()
                    .satisfies(v -> assertThat(v.targets()).singleElement().asString().startsWith("#nameless"));
        }
    }

    private static JsonPath fileWebComplaint(String email, String name, String subject, String body) {
        return given().auth().oauth2(journey.tokens().channel()).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "customer", Map.of("name", name, "email", email), "subject", subject,
                        "body", body))
                .post(stack.intake().url() + "/api/v1/complaints")
                .then().statusCode(202).extract().jsonPath();
    }
}
