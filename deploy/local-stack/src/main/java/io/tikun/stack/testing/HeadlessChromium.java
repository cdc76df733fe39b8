package io.tikun.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, driven headless through its own {@code chromium-driver} (same version, so no
 * driver download). Browser tests open one per class and close it at the end.
 *
 * <p>
 * The binaries are taken from {@code TIKUN_CHROMIUM} and {@code TIKUN_CHROMEDRIVER} when set, else from
 * {@code /usr/bin}. {@code .ci/run} installs both packages.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path DEFAULT_BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh browser with an empty profile, in the given UI language (e.g. {@code he}, {@code en}). */
    public static HeadlessChromium start(String language) {
        Path browser = binary("TIKUN_CHROMIUM", DEFAULT_BROWSER);
        Path driverBinary = binary("TIKUN_CHROMEDRIVER", DEFAULT_DRIVER);
        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
        return new HeadlessChromium(driver, profile);
    }

    /** True when both binaries exist, so a test can say clearly what is missing instead of failing obscurely. */
    public static boolean installed() {
        return Files.isExecutable(binary("TIKUN_CHROMIUM", DEFAULT_BROWSER))
                && Files.isExecutable(binary("TIKUN_CHROMEDRIVER", DEFAULT_DRIVER));
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private static Path binary(String variable, Path fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : Path.of(configured);
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("tikun-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless; the browser itself is already gone.
        }
    }
}
