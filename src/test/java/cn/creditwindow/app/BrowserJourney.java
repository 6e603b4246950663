package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test class's set-up and the steps every browser journey repeats: {@link #start} starts the class's
 * {@link TestServer} and headless Chromium on it (a fresh profile, downloads into {@link #downloads()}), and {@link
 * #close} stops both; the steps open a page, fill a field, sign a demo user in through the sign-in page and out
 * again, and take the screenshots that must fit a phone's width. A class holds one in an {@code @AutoClose} field
 * started in its {@code @BeforeAll}.
 */
final class BrowserJourney implements AutoCloseable {
    private final TestServer server;
    private final Browser browser;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;

    /** How a class starts its server in the folder it is given (its fixtures, its clock). */
    interface ServerStart {
        TestServer start(Path dir) throws IOException;
    }

    private BrowserJourney(TestServer server, Browser browser, WebDriverWait wait, Path downloads) {
        this.server = Objects.requireNonNull(server, "server");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.driver = browser.driver;
        this.wait = Objects.requireNonNull(wait, "wait");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
    }

    /**
     * Starts the server in {@code dir/server}, then Chromium, whose waits last up to {@code timeout}. Skips the
     * calling class (fails it on CI) before starting anything when Chromium or its driver is not installed.
     */
    static BrowserJourney start(Path dir, ServerStart start, Duration timeout) throws IOException {
        Browser.requireInstalled();
        TestServer server = start.start(dir.resolve("server"));
        try {
            Path downloads = Files.createDirectories(dir.resolve("downloads"));
            Browser browser = Browser.start(dir.resolve("profile"), downloads);
            return new BrowserJourney(server, browser, Browser.waiting(browser.driver, timeout), downloads);
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
    }

    /**
     * {@link #start} with the usual 30 seconds' wait for a page: on a CI machine loaded by the other test runs a form's
     * answer once took over 10 s (the wait only lasts that long when a test is failing anyway).
     */
    static BrowserJourney start(Path dir, ServerStart start) throws IOException {
        return start(dir, start, Duration.ofSeconds(30));
    }

    TestServer server() {
        return server;
    }

    Browser browser() {
        return browser;
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Where Chromium saves what a page downloads. */
    Path downloads() {
        return downloads;
    }

    /** Closes the browser, then the server. */
    @Override
    public void close() throws IOException {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }

    /** Opens a path of the server ({@code /claims?state=PAID}). */
    void open(String path) {
        driver.get(server.base() + path);
    }

    /** Replaces the text of the input with this id. */
    void fill(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Signs a demo user in on the sign-in page and waits until it has left it. */
    void signIn(String username) {
        open("/login");
        fill("username", username);
        fill("password", DemoWorld.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Signs out with the header's button and waits for the sign-in link. */
    void signOut() {
        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-link")));
    }

    /** Saves the page at desktop and phone width; fails when the page is wider than a phone's screen. */
    void shot(String name) {
        int width = browser.screenshot(name);
        assertThat(width).as(name + " fits a phone screen").isLessThanOrEqualTo(Browser.PHONE_WIDTH);
    }
}
