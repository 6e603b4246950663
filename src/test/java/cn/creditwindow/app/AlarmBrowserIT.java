package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The buyer directory and the credit alarm in a real browser, as the Shenzhen demo enterprise's operator: sign in →
 * search the directory with a typo → add a buyer that is "missing" and see "可能与已有买方重复" with a link to the
 * existing one → watch it → the insurer pushes an article naming it → the alert in 资信报警器 with its reason and the
 * article's link → mark it read; the home page counts unread alerts. Every page is saved as a screenshot at
 * desktop and phone width and must fit a phone and label its controls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmBrowserIT {
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        journey = BrowserJourney.start(dir, d -> TestServer.start(d, null, null));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        browser = journey.browser();
        DemoWorld.create(server.app());
    }

    @Test
    void anOperatorFindsAddsAndWatchesABuyerAndIsAlerted() {
        driver.get(server.base() + "/assets/site.css");
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/credit/buyers");
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("sz-operator");
        wait.until(ExpectedConditions.urlContains("/credit/buyers"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("买方名录");
        page("buyers-all");

        // a typo, a missing letter and no legal form: still found, first
        driver.findElement(By.id("q")).sendKeys("Al Noor Horizn Textile");
        driver.findElement(By.id("country")).sendKeys("阿联酋");
        driver.findElement(By.id("buyer-search-submit")).click();
        wait.until(ExpectedConditions.urlContains("q=Al+Noor"));
        List<String> rows = driver.findElements(By.cssSelector("#buyers tbody tr")).stream().map(e -> e.getText()).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains("AE0000005", "Al Noor Horizon Textiles LLC", "近似");
        page("buyers-search-typo");

        // the operator thinks it is missing and adds it: kept, with the warning and a link to the existing one
        driver.findElement(By.id("add-buyer-link")).click();
        wait.until(ExpectedConditions.urlContains("/credit/buyers/new"));
        page("buyers-new");
        driver.findElement(By.id("nameEn")).clear();
        driver.findElement(By.id("nameEn")).sendKeys("AL NOOR HORIZON TEXTILES CO., LTD.");
        driver.findElement(By.id("nameZh")).sendKeys("努尔地平线纺织");
        driver.findElement(By.id("country")).sendKeys("AE");
        driver.findElement(By.id("buyer-submit")).click();
        wait.until(ExpectedConditions.urlContains("done=added"));
        assertThat(driver.findElement(By.id("duplicate-warning")).getText())
                .isEqualTo("可能与已有买方重复：AE0000005 Al Noor Horizon Textiles LLC");
        assertThat(driver.findElement(By.id("duplicate-link")).getAttribute("href")).matches(".*/credit/buyers/\\d+");
        String code = driver.findElement(By.id("buyer-code")).getText();
        assertThat(code).matches("AE\\d{7}").isNotEqualTo("AE0000005");
        page("buyers-added-duplicate");

        driver.findElement(By.id("watch")).click();
        wait.until(ExpectedConditions.urlContains("done=watched"));
        assertThat(driver.findElement(By.id("watch-state")).getText()).contains("关注中");
        page("buyers-watched");

        // the insurer's system pushes an article naming it (Chinese name in the body)
        TestServer.Response push = server.post("/api/feeds?module=trade-news", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><guid>browser-alarm-1</guid>"
                + "<title>迪拜纺织品进口商拖欠货款</title><description><![CDATA[<p>据当地媒体报道，努尔地平线纺织已连续三个月"
                + "未向供应商付款。</p>]]></description></item></channel></rss>").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", TestServer.PUSH);
        assertThat(push.status()).isEqualTo(200);

        driver.get(server.base() + "/");
        assertThat(driver.findElement(By.id("home-alerts")).getText()).contains("未读报警", "(1)");
        page("home-alerts");
        driver.findElement(By.id("home-alerts")).click();
        wait.until(ExpectedConditions.urlContains("/credit/alerts"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("资信报警器");
        List<String> alerts = driver.findElements(By.cssSelector("#alerts .alert-item")).stream().map(e -> e.getText())
                .toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).contains(code, "迪拜纺织品进口商拖欠货款", "正文", "努尔地平线纺织");
        assertThat(driver.findElement(By.id("watches")).getText()).contains(code, "Desert Rose Trading LLC");
        page("alerts-unread");

        driver.findElement(By.cssSelector("#alerts .alert-link")).click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("迪拜纺织品进口商拖欠货款");
        driver.navigate().back();
        driver.findElement(By.cssSelector("#alerts .mark-read")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts .alert-read")));
        assertThat(driver.findElement(By.id("unread-count")).getText()).isEqualTo("未读 0");
        page("alerts-read");
        driver.get(server.base() + "/credit/alerts?lang=en");
        assertThat(driver.findElement(By.cssSelector("#alerts .alert-item")).getText()).contains("names the watched buyer");
        page("alerts-read-en");
    }

    private void signIn(String username) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.findElement(By.id("login-link")).click();
        }
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoWorld.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void page(String name) {
        int phoneWidth = browser.screenshot("alarm-" + name);
        assertThat(phoneWidth).as("%s is wider than a phone screen", name).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('input, select, textarea, button')]
                    .filter(e => e.type !== 'hidden')
                    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                                 && !(e.tagName === 'BUTTON' && e.textContent.trim()))
                    .map(e => e.outerHTML);""");
        assertThat(unlabelled).as("form controls without a label on %s", name).isEmpty();
    }
}
