package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.digest.DigestRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Subscriptions and the digest archive in Chromium: from the search page (阿联酋) 订阅此查询 opens the form with the
 * query and a preview of October's digest; a bad country is named on the form and the preview waits for it; saved,
 * the subscription is listed, paused and resumed; after the November run the archive lists the October digest and
 * its page shows the matches by module with their reasons. Each page is saved as a screenshot at desktop and phone
 * width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestBrowserIT {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-02T02:00:00Z"));
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        journey = BrowserJourney.start(dir, d -> TestServer.start(d, TestServer.fixtures("digest"), null, clock));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        server.app().domains().digestSchedule().close();
        DemoWorld.create(server.app());
    }

    @Test
    void fromTheSearchPageToASubscriptionAndItsDigestInTheArchive() {
        journey.signIn("sz-legal");
        journey.open("/search?country=" + TestServer.enc("阿联酋"));
        driver.findElement(By.id("save-query")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-panel")));
        assertThat(driver.getCurrentUrl()).contains("/subscriptions/new");
        assertThat(driver.findElement(By.id("f-country")).getAttribute("value")).isEqualTo("阿联酋");
        assertThat(driver.findElement(By.id("preview-title")).getText()).contains("2026-10");
        String preview = driver.findElement(By.id("preview-panel")).getText();
        assertThat(preview).contains("国别信息预警", "阿联酋迪拜港口拥堵预警", "阿联酋央行上调基准利率",
                "重点行业风险预警", "光伏逆变器出口阿联酋需求上升", "匹配原因：国家：阿联酋");
        assertThat(preview.indexOf("阿联酋迪拜港口拥堵预警")).isLessThan(preview.indexOf("阿联酋央行上调基准利率"));
        assertThat(preview).doesNotContain("九月外贸数据", "十一月展会", "沙特");
        journey.shot("subscription-preview");

        // a bad country: named on the form, the preview waits, nothing saved
        journey.fill("f-country", "阿联酋,亚特兰蒂斯");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("国家/地区", "未知的国家或地区：“亚特兰蒂斯”");
        journey.shot("subscription-errors");
        journey.fill("f-country", "阿联酋");
        journey.fill("name", "阿联酋市场");
        driver.findElement(By.id("module-country-alert")).click();
        driver.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-total"), "3"));
        assertThat(driver.findElement(By.id("preview-panel")).getText()).doesNotContain("光伏逆变器");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        WebElement row = driver.findElement(By.cssSelector("#subscriptions tbody tr"));
        assertThat(row.getText()).contains("阿联酋市场", "栏目：国别信息预警；国家：阿联酋", "订阅中");
        journey.shot("subscriptions");
        driver.findElement(By.cssSelector("#subscriptions .pause")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("done"), "data-done", "paused"));
        assertThat(driver.findElement(By.cssSelector("#subscriptions tbody tr")).getText()).contains("已暂停");
        driver.findElement(By.cssSelector("#subscriptions .resume")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("done"), "data-done", "resumed"));

        // the subscription was made on 2 November: November's digest, run on 1 December
        clock.set(Instant.parse("2026-12-01T01:00:00Z"));
        DigestRun.Report november = server.app().domains().digestRun().run(YearMonth.of(2026, 11), DigestRun.Listener.NONE);
        assertThat(november.recorded()).isEqualTo(1);
        journey.signIn("sz-legal"); // a month later the session has long expired
        journey.open("/digests");
        List<WebElement> digests = driver.findElements(By.cssSelector("#digests tbody tr"));
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).getText()).contains("2026-11", "示例法人1");
        journey.shot("digest-archive");
        driver.findElement(By.cssSelector("#digests tbody tr a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("digest-title")));
        String digest = driver.findElement(By.id("main")).getText();
        assertThat(digest).contains("2026-11 风险信息月报", "订阅：阿联酋市场", "国别信息预警", "阿联酋十一月展会提示",
                "匹配原因：国家：阿联酋；栏目：国别信息预警").doesNotContain("阿联酋迪拜港口拥堵预警");
        journey.shot("digest");
    }

}
