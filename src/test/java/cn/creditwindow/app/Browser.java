package cn.creditwindow.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through Selenium, from Debian's packages ({@code chromium},
 * {@code chromium-driver}): both paths are set explicitly, so Selenium Manager never looks for (or
 * downloads) a browser. Without them the browser tests are skipped with a message, except on CI
 * ({@code CI=true}), where they fail.
 *
 * <p>Screenshots are full pages, at desktop width and at phone width (375 px, emulated), in
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 375;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The browser binary: {@code -Dchromium.binary}, else Debian's. */
    static Path chromium() {
        return Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    }

    /** The driver: {@code -Dwebdriver.chrome.driver}, else Debian's. */
    static Path chromedriver() {
        return Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    }

    /**
     * Skips the calling test, or the whole class when called from its {@code @BeforeAll} (fails it on CI), when
     * Chromium or its driver is not installed.
     */
    static void requireInstalled() {
        if (!Files.isExecutable(chromium()) || !Files.isExecutable(chromedriver())) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(missing() + "; on CI they are required");
            }
            Assumptions.abort(missing() + "; skipping");
        }
    }

    private static String missing() {
        return "browser tests need Chromium and its driver at " + chromium() + " and " + chromedriver()
                + " (Debian: apt-get install -y chromium chromium-driver fonts-noto-cjk)";
    }

    /** Starts headless Chromium with a fresh profile in {@code profile}; downloads go to {@code downloads}. */
    static Browser start(Path profile, Path downloads) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        options.setBinary(chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + DESKTOP_WIDTH + ",900", "--lang=zh-CN");
        // A dialog opened by a payload must stay open, so a test can see it (the default dismisses it).
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver().toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /**
     * Saves the current page as {@code <name>-desktop.png} and {@code <name>-phone.png} (full height)
     * and answers how wide the page is at phone width (wider than the screen means sideways scrolling).
     */
    int screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-desktop.png"), fullPage());
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                    "height", 812, "deviceScaleFactor", 2, "mobile", true));
            try {
                Files.write(SCREENSHOTS.resolve(name + "-phone.png"), fullPage());
                return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue();
            } finally {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("saving screenshot " + name, e);
        }
    }

    private byte[] fullPage() {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 8_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** The ids of the windows (tabs) open now. */
    List<String> windows() {
        return List.copyOf(driver.getWindowHandles());
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * A wait for conditions on pages that may be replaced while it polls: a click that submits a form can leave the
     * element a condition just found on the old page (stale), which only means "not yet".
     */
    static org.openqa.selenium.support.ui.WebDriverWait waiting(org.openqa.selenium.WebDriver driver, Duration timeout) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }
}
