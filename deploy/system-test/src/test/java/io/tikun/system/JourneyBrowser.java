package io.tikun.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tikun.stack.LocalStack;
import io.tikun.stack.testing.HeadlessChromium;

/**
 * One person's headless Chromium on the running stack: signs in on Keycloak's own login page, keeps a screenshot and
 * the HTML of each page it is asked to (under {@code target/browser-journey}), and checks those pages with axe-core.
 */
final class JourneyBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path EVIDENCE = Path.of("target", "browser-journey");

    private final HeadlessChromium chromium;
    private final LocalStack stack;
    private final String who;

    private JourneyBrowser(HeadlessChromium chromium, LocalStack stack, String who) {
        this.chromium = chromium;
        this.stack = stack;
        this.who = who;
    }

    /** A fresh browser in {@code language}, not signed in yet; {@code who} prefixes the kept files' names. */
    static JourneyBrowser open(LocalStack stack, String language, String who) {
        HeadlessChromium chromium = HeadlessChromium.start(language);
        chromium.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new JourneyBrowser(chromium, stack, who);
    }

    ChromeDriver driver() {
        return chromium.driver();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT);
    }

    String routing() {
        return stack.routing().url();
    }

    /**
     * Opens {@code path} (a page of the workspace or the console), is sent to Keycloak's login page (code flow), signs in
     * as {@code user} (password = user name in the local realm) and lands back on {@code path}.
     */
    JourneyBrowser logIn(String user, String path) {
        WebDriver browser = driver();
        // The pages' script tells the server the browser's time zone once, by a cookie and a reload; that reload
        // would race the test's next click, so the cookie is set the same way before the first page.
        browser.get(routing() + "/workspace/assets/workspace.css");
        String zone = (String) ((JavascriptExecutor) browser)
                .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone;");
        browser.manage().addCookie(new Cookie("tz", zone, "/"));
        browser.get(routing() + path);
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.urlContains(stack.keycloak().realmUrl() + "/protocol/openid-connect/auth"));
        assertThat(browser.getCurrentUrl()).contains("client_id=tikun-console").contains("response_type=code");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlToBe(routing() + path));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-zone", zone));
        return this;
    }

    /**
     * Keeps the page shown now as {@code name}.png and {@code name}.html, runs axe-core on it, keeps its findings as
     * {@code name}-axe.json and asserts that none is serious or critical.
     */
    void keepAndCheck(String name) {
        String file = who + "-" + name;
        try {
            Files.createDirectories(EVIDENCE);
            Files.write(EVIDENCE.resolve(file + ".png"), fullPageScreenshot());
            Files.writeString(EVIDENCE.resolve(file + ".html"), driver().getPageSource());
            AxeCore.Result axe = AxeCore.check(driver());
            Files.writeString(EVIDENCE.resolve(file + "-axe.json"), axe.json());
            System.out.printf("axe-core %s on %s (%s): %d violation(s)%s; %d rule(s) for a person to review%n",
                    axe.version(), file, driver().getCurrentUrl(), axe.violations().size(),
                    axe.violations().isEmpty() ? "" : ": " + axe.violations(), axe.needsReview());
            assertThat(axe.seriousOrWorse())
                    .as("axe-core %s: serious or critical violations on %s (%s)", axe.version(), file,
                            driver().getCurrentUrl())
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page, not only the window's part of it (Chromium's DevTools screenshot beyond the viewport). */
    private byte[] fullPageScreenshot() {
        Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        if (size == null) {
            return driver().getScreenshotAs(OutputType.BYTES);
        }
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = driver().executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        chromium.close();
    }
}
