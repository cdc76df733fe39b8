package io.tikun.stack.testing;

import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A click that leaves the page (a form's POST and its redirect, a link), waited for until the next document has replaced
 * the one clicked on. The page is marked in its window object before the click, and every new document has a window of
 * its own without the mark. Selenium's staleness check asks the old element instead, and ChromeDriver sometimes answers
 * that with an error other than "stale" while the navigation is under way.
 */
public final class PageNavigation {

    private static final String MARK = "tikunPageBeforeClick";

    private PageNavigation() {
    }

    /** Clicks {@code element} and waits up to {@code timeout} until another page is shown. */
    public static void clickToNextPage(WebDriver driver, WebElement element, Duration timeout) {
        ((JavascriptExecutor) driver).executeScript("window." + MARK + " = true;");
        element.click();
        // While the browser swaps documents a script may fail to run: that is not yet an answer, so ask again.
        new WebDriverWait(driver, timeout).ignoring(WebDriverException.class).until(d -> !Boolean.TRUE
                .equals(((JavascriptExecutor) d).executeScript("return window." + MARK + " === true;")));
    }
}
