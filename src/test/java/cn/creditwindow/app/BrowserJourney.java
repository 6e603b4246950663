package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps every browser journey repeats against one {@link TestServer}: open a page, fill a field, sign a demo
 * user in through the sign-in page and out again, and take the screenshots that must fit a phone's width.
 */
final class BrowserJourney {
    private final TestServer server;
    private final Browser browser;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    BrowserJourney(TestServer server, Browser browser, WebDriverWait wait) {
        this.server = Objects.requireNonNull(server, "server");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.driver = browser.driver;
        this.wait = Objects.requireNonNull(wait, "wait");
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
