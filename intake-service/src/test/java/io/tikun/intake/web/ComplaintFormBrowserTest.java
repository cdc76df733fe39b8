package io.tikun.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tikun.stack.testing.HeadlessChromium;
import io.tikun.stack.testing.KafkaTestResource;
import io.tikun.stack.testing.MailSandboxTestResource;
import io.tikun.stack.testing.MongoTestResource;
import io.tikun.stack.testing.PageNavigation;

/** The complaint form in a real headless Chromium: what a customer sees, in Hebrew and in English. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailSandboxTestResource.class)
class ComplaintFormBrowserTest {

    private static final String REFERENCE = "TK-\\d{6,}";
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/complain")
    URL form;

    private static String script(ChromeDriver driver, String expression) {
        return String.valueOf(driver.executeScript("return " + expression + ";"));
    }

    /** Clicks and waits until the next page has replaced this one (a POST may answer with a redirect). */
    private static void clickAndWait(ChromeDriver driver, By target) {
        PageNavigation.clickToNextPage(driver, driver.findElement(target), PAGE_WAIT);
        new WebDriverWait(driver, PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    private static void fill(ChromeDriver driver, String field, String value) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void aHebrewCustomerSeesARightToLeftFormItsErrorsAndThenTheReferenceAndDueTime() {
        assertThat(HeadlessChromium.installed()).as("Debian's chromium and chromium-driver are installed").isTrue();
        try (HeadlessChromium chromium = HeadlessChromium.start("he")) {
            ChromeDriver driver = chromium.driver();
            driver.get(form.toString());

            assertThat(script(driver, "document.documentElement.lang")).isEqualTo("he");
            assertThat(script(driver, "getComputedStyle(document.body).direction")).isEqualTo("rtl");
            WebElement nameInput = driver.findElement(By.id("name"));
            WebElement nameLabel = driver.findElement(By.cssSelector("label[for=name]"));
            // Right to left: the label starts at the right edge of its field.
            assertThat(nameLabel.getRect().getX() + nameLabel.getRect().getWidth())
                    .isEqualTo(nameInput.getRect().getX() + nameInput.getRect().getWidth());
            assertThat(driver.findElement(By.name("website")).isDisplayed()).isFalse();

            clickAndWait(driver, By.id("send"));

            assertThat(driver.findElement(By.cssSelector("#error-summary h2")).getText()).isEqualTo("יש בעיה בטופס");
            WebElement nameError = driver.findElement(By.id("name-error"));
            assertThat(nameError.getText()).isEqualTo("נא למלא שם מלא");
            assertThat(driver.findElement(By.id("email-error")).getText()).isEqualTo("נא למלא כתובת דואר אלקטרוני");
            assertThat(driver.findElement(By.id("text-error")).getText()).isEqualTo("נא למלא את תוכן הפנייה");
            WebElement invalidName = driver.findElement(By.id("name"));
            assertThat(invalidName.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(invalidName.getAttribute("aria-describedby")).isEqualTo("name-error");
            // Next to its field: right under the label and right above the input.
            WebElement label = driver.findElement(By.cssSelector("label[for=name]"));
            assertThat(nameError.getRect().getY()).isGreaterThan(label.getRect().getY())
                    .isLessThan(invalidName.getRect().getY());

            fill(driver, "name", "דנה לוי");
            fill(driver, "email", "dana.browser@example.com");
            fill(driver, "phone", "052-1234567");
            fill(driver, "subject", "המקרר לא מקרר");
            fill(driver, "reference", "הזמנה 4471");
            fill(driver, "text", "המקרר שקניתי לפני שבוע הפסיק לקרר. האוכל התקלקל.");
            clickAndWait(driver, By.id("send"));

            assertThat(driver.getCurrentUrl()).contains("/complain/received/").contains("lang=he");
            assertThat(script(driver, "getComputedStyle(document.body).direction")).isEqualTo("rtl");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("תודה, קיבלנו את פנייתך");
            String reference = driver.findElement(By.id("reference")).getText();
            assertThat(reference).matches(REFERENCE);
            assertThat(driver.findElement(By.id("due")).getText()).startsWith("יום ").matches(".*\\d{4}, \\d{2}:\\d{2}");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("שעון ישראל");

            driver.navigate().refresh();
            assertThat(driver.findElement(By.id("reference")).getText()).isEqualTo(reference);
        }
    }

    @Test
    void anEnglishCustomerGetsTheFormInEnglishAndCanSwitchToHebrew() {
        assertThat(HeadlessChromium.installed()).as("Debian's chromium and chromium-driver are installed").isTrue();
        try (HeadlessChromium chromium = HeadlessChromium.start("en")) {
            ChromeDriver driver = chromium.driver();
            driver.get(form.toString());

            assertThat(script(driver, "getComputedStyle(document.body).direction")).isEqualTo("ltr");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tell us what went wrong");

            fill(driver, "name", "Dana Levi");
            fill(driver, "email", "not an address");
            fill(driver, "subject", "Fridge stopped cooling");
            fill(driver, "text", "The fridge I bought last week stopped cooling. <b>All</b> the food went off.");
            clickAndWait(driver, By.id("send"));

            assertThat(driver.findElement(By.id("email-error")).getText())
                    .isEqualTo("Enter an e-mail address like name@example.com");
            assertThat(driver.findElement(By.id("text")).getAttribute("value")).contains("<b>All</b>");

            fill(driver, "email", "dana.browser.en@example.com");
            clickAndWait(driver, By.id("send"));

            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you, we have your complaint");
            assertThat(driver.findElement(By.id("reference")).getText()).matches(REFERENCE);
            assertThat(driver.findElement(By.id("due")).getText())
                    .matches("[A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}");

            driver.get(form.toString());
            clickAndWait(driver, By.id("switch-language"));
            assertThat(script(driver, "document.documentElement.dir")).isEqualTo("rtl");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("ספרו לנו מה השתבש");
        }
    }
}
