package io.tikun.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.tikun.stack.LocalStack;
import io.tikun.stack.testing.HeadlessChromium;

/**
 * The manager console in a real browser (Debian's chromium, headless) against the whole packaged system:
 * routing sends the browser to Keycloak's own login page, the manager signs in, and an escalation caused
 * by a complaint posted to intake appears on the open page without a reload. An agent gets the 403 page.
 */
@ExtendWith(SharedStack.class)
class ManagerConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MARKER = "tikunConsoleNotReloaded";

    private static LocalStack stack;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void startTikun() {
        assertThat(HeadlessChromium.installed()).as("chromium and chromium-driver (apt-get install chromium chromium-driver)")
                .isTrue();
        stack = SharedStack.stack();
        tokens = new KeycloakTokens(stack.keycloak());
    }

    /** Opens the console and signs in on Keycloak's login page, as a person would. */
    private static void logIn(WebDriver browser, String user) {
        browser.get(stack.routing().url() + "/console");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.urlContains(stack.keycloak().realmUrl() + "/protocol/openid-connect/auth"));
        assertThat(browser.getCurrentUrl()).contains("client_id=tikun-console");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlToBe(stack.routing().url() + "/console"));
    }

    @Test
    void managerLogsInThroughKeycloakAndSeesACriticalComplaintArriveLive() {
        try (HeadlessChromium chromium = HeadlessChromium.start("en")) {
            WebDriver browser = chromium.driver();
            logIn(browser, "manager");
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Manager console");
            assertThat(browser.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Signed in as manager");
            // The stream is connected (its "ready" event arrived) before anything is posted.
            wait.until(ExpectedConditions.attributeToBe(By.id("live-state"), "data-state", "live"));
            ((JavascriptExecutor) browser).executeScript("window." + MARKER + " = true;");

            String reference = given().auth().oauth2(tokens.channel()).contentType(ContentType.JSON)
                    .body("""
                            {"channel":"web","customer":{"name":"Dana Levi","email":"dana+%s@example.com","phone":"%s"},
                             "subject":"The heater caught fire","body":"It burned the wall. I am calling my lawyer."}"""
                            .formatted(UUID.randomUUID(), ComplaintJourney.uniquePhone()))
                    .post(stack.intake().url() + "/api/v1/complaints")
                    .then().statusCode(202).body("severity", equalTo("CRITICAL")).extract().path("reference");

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-list"), reference));
            String item = browser.findElements(By.cssSelector("#live-list li")).stream().map(WebElement::getText)
                    .filter(text -> text.contains(reference)).findFirst().orElseThrow();
            assertThat(item).contains(reference).contains("Severe case opened").contains("Service manager").contains("Critical")
                    .contains("Dana Levi");
            assertThat(((JavascriptExecutor) browser).executeScript("return window." + MARKER + " === true;"))
                    .as("the escalation arrived on the same page, without a reload").isEqualTo(true);
        }
    }

    @Test
    void agentWhoLogsInGetsTheForbiddenPage() {
        try (HeadlessChromium chromium = HeadlessChromium.start("en")) {
            WebDriver browser = chromium.driver();
            logIn(browser, "agent");
            assertThat(browser.getTitle()).isEqualTo("Not allowed · Tikun · Manager console");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            assertThat(browser.findElements(By.id("live-list"))).isEmpty();
        }
    }
}
