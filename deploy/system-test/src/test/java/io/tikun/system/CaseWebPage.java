package io.tikun.system;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.tikun.stack.testing.PageNavigation;

/**
 * A case's page in the agent workspace ({@code /workspace/cases/{id}}) as a person uses it: read its state, fill one of
 * its forms and send it. Forms are filled by their id and their fields' names, so a new form on the page is one more
 * method of a few lines, e.g. {@code submit("promise-form", Map.of("what", …, "owner", …, "dueAt", …))}.
 */
final class CaseWebPage {

    private final JourneyBrowser browser;
    private final String caseId;

    CaseWebPage(JourneyBrowser browser, String caseId) {
        this.browser = browser;
        this.caseId = caseId;
    }

    String url() {
        return browser.routing() + "/workspace/cases/" + caseId;
    }

    /** Loads the page afresh (what the page shows, and the version its forms carry, is the case's now). */
    CaseWebPage open() {
        driver().get(url());
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
        return this;
    }

    /** The case's status as the page's facts show it (the enum name). */
    String status() {
        return driver().findElement(By.id("case-status")).getAttribute("data-status");
    }

    /** The message at the top of the page after a form was sent ("" when there is none). */
    String notice() {
        return driver().findElement(By.id("notice")).getText().strip();
    }

    /** The kind of that message: done, changed or error ("" when there is none). */
    String noticeKind() {
        return driver().findElements(By.cssSelector("#notice .notice")).stream().findFirst()
                .map(n -> n.getAttribute("class").replace("notice notice-", "")).orElse("");
    }

    /** The conversation's messages as shown, oldest first: each one's head and body. */
    List<String> conversation() {
        return driver().findElements(By.cssSelector("#conversation .message")).stream().map(WebElement::getText)
                .toList();
    }

    WebElement element(String id) {
        return driver().findElement(By.id(id));
    }

    /** Picks the canned response titled {@code title} and inserts it: the reply box then holds it filled for this case. */
    CaseWebPage insertCanned(String title) {
        new Select(element("canned")).selectByVisibleText(title);
        PageNavigation.clickToNextPage(driver(), driver().findElement(By.cssSelector("form.canned button[type=submit]")),
                JourneyBrowser.WAIT);
        browser.waiting().until(d -> !d.findElement(By.id("reply-text")).getAttribute("value").isBlank());
        return this;
    }

    String replyDraft() {
        return element("reply-text").getAttribute("value");
    }

    /** Sends the reply box as it is. */
    CaseWebPage sendReply() {
        return submit("reply-form", Map.of());
    }

    /**
     * Presses the form's preview button (the reply, or the resolution's thank-you) with {@code fields} filled; returns
     * the previewed text once the page shows it. Nothing is sent.
     */
    String preview(String formId, Map<String, String> fields) {
        WebElement form = element(formId);
        fields.forEach((name, value) -> fill(form.findElement(By.name(name)), value));
        clickAndAwaitCase(form.findElement(By.cssSelector("button[name=preview]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-preview")));
        return element("preview-text").getText();
    }

    CaseWebPage addNote(String text) {
        return submit("note-form", Map.of("text", text));
    }

    CaseWebPage claim() {
        return press("claim-button");
    }

    CaseWebPage waitOnCustomer() {
        return press("wait-button");
    }

    CaseWebPage resolve(String resolution, String category, String rootCause) {
        return submit("resolve-form", Map.of("text", resolution, "category", category, "rootCause", rootCause));
    }

    /**
     * Fills the form {@code formId} ({@code fields}: name to value; a select by its option's value, a date or time input
     * by its value, any other field by typing) and sends it; returns once the answer page is shown.
     */
    CaseWebPage submit(String formId, Map<String, String> fields) {
        WebElement form = element(formId);
        fields.forEach((name, value) -> fill(form.findElement(By.name(name)), value));
        return clickAndAwaitCase(form.findElement(By.cssSelector("button[type=submit]")));
    }

    private CaseWebPage press(String buttonId) {
        return clickAndAwaitCase(element(buttonId));
    }

    /** Clicks {@code button} and waits until the case page it answers with is shown. */
    private CaseWebPage clickAndAwaitCase(WebElement button) {
        PageNavigation.clickToNextPage(driver(), button, JourneyBrowser.WAIT);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
        return this;
    }

    private void fill(WebElement field, String value) {
        String type = field.getAttribute("type");
        if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(value);
        } else if ("date".equals(type) || "datetime-local".equals(type) || "time".equals(type)) {
            ((JavascriptExecutor) driver()).executeScript("arguments[0].value = arguments[1];", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    private WebDriver driver() {
        return browser.driver();
    }
}
