package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 签约管理 in a real browser, as the legal representative of the demo's Luoyang enterprise (nothing signed yet)
 * does it: sign in → make a company seal → sign the agreement (text, seal, tick, 同意) → the insurer's reviewer
 * countersigns in their own session → the yellow hint "点击此处" → authorise the data → the authorised data →
 * a second attempt meets "请勿重复授权". Then the reviewer's queue, and a termination asked for and refused.
 * Every page is saved as a screenshot at desktop and phone width and must fit a phone and label its controls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementsBrowserIT {
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
    void theLegalRepresentativeSignsAuthorisesAndIsToldNotToAuthoriseTwice() {
        driver.get(server.base() + "/assets/site.css");
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/agreements");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("签约管理");
        page("agreements-anonymous");
        signIn("ly-legal");
        assertThat(driver.findElement(By.id("no-agreements")).getText()).contains("尚未签署服务协议");
        assertThat(driver.findElement(By.id("operating-notes")).getText()).contains("制作的类型必须为：公司");
        page("agreements-empty");

        driver.findElement(By.id("go-seals")).click();
        wait.until(ExpectedConditions.urlToBe(server.base() + "/agreements/seals"));
        page("agreements-seals");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("COMPANY");
        driver.findElement(By.id("seal-submit")).click();
        wait.until(ExpectedConditions.urlContains("done=seal"));
        assertThat(driver.findElements(By.cssSelector("#seals tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("#seals tbody tr")).getText()).contains("公司", "可用于签署协议");

        driver.get(server.base() + "/agreements");
        driver.findElement(By.id("go-sign")).click();
        wait.until(ExpectedConditions.urlToBe(server.base() + "/agreements/sign"));
        assertThat(driver.findElement(By.className("agreement-title")).getText())
                .isEqualTo("中国国际贸易“单一窗口”出口信用保险服务协议");
        assertThat(driver.findElement(By.id("agreement-text")).getText()).contains("第六条 协议的生效、变更与解除");
        page("agreements-sign");
        // 同意 without the tick: the error page names the field.
        driver.findElement(By.id("sign-submit")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-errors"))).getText())
                .contains("我确认协议条款");
        driver.navigate().back();
        driver.findElement(By.id("accepted")).click();
        driver.findElement(By.id("sign-submit")).click();
        wait.until(ExpectedConditions.urlContains("done=signed"));
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("保险公司签约中");
        page("agreements-signed");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/agreements/(\\d+).*", "$1"));

        // The insurer countersigns (its own session, over the API).
        assertThat(ApiClient.demo(server, "reviewer").post("/api/agreements/" + id + "/countersign", Map.of()).status())
                .isEqualTo(200);

        driver.get(server.base() + "/agreements");
        WebElement row = driver.findElement(By.cssSelector("#agreements tr[data-id='" + id + "']"));
        assertThat(row.getText()).contains("签约成功", "协议查看", "协议解约");
        assertThat(driver.findElement(By.id("authorise-hint")).getText()).contains("点击此处");
        page("agreements-signed-list");
        driver.findElement(By.id("authorise-here")).click();
        wait.until(ExpectedConditions.urlToBe(server.base() + "/agreements/authorisation"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("出口报关单数据", "海关企业信用等级");
        page("agreements-authorise");
        // The same form open in a second tab: the first tab's answer wins, the second meets 请勿重复授权.
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(server.base() + "/agreements/authorisation");
        driver.findElement(By.id("agree")).click();
        driver.findElement(By.id("authorise-submit")).click();
        wait.until(ExpectedConditions.urlContains("done=authorised"));
        assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("授权成功。");
        page("agreements-data");
        driver.close();
        driver.switchTo().window(first);
        driver.findElement(By.id("agree")).click();
        driver.findElement(By.id("authorise-submit")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.className("error-page")))
                .getAttribute("data-status")).isEqualTo("409");
        assertThat(driver.findElement(By.className("error-message")).getText()).isEqualTo("请勿重复授权");
        page("agreements-authorise-twice");

        // Afterwards the list offers no hint, and 数据授权签署 says so at once.
        driver.get(server.base() + "/agreements");
        assertThat(driver.findElements(By.id("authorise-hint"))).isEmpty();
        driver.findElement(By.id("go-authorise")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("already-authorised"))).getText())
                .contains("请勿重复授权");
        page("agreements-already-authorised");
    }

    @Test
    void theReviewerCountersignsAndAnswersATermination() {
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/login");
        signIn("reviewer");
        driver.get(server.base() + "/agreements/review");
        List<WebElement> awaiting = driver.findElements(By.cssSelector("#awaiting .review-item"));
        assertThat(awaiting).isNotEmpty();
        page("agreements-review");
        String id = awaiting.get(0).getAttribute("data-id");
        awaiting.get(0).findElement(By.cssSelector("button.approve")).click();
        wait.until(ExpectedConditions.urlContains("done="));
        assertThat(driver.findElements(By.cssSelector("#awaiting .review-item[data-id='" + id + "']"))).isEmpty();

        // Zhengzhou's legal representative asks to terminate (坚持解约) ...
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/login");
        signIn("hn-legal");
        driver.get(server.base() + "/agreements/" + id + "/terminate");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("是否解约？");
        page("agreements-terminate");
        driver.findElement(By.id("reason")).sendKeys("业务调整");
        driver.findElement(By.id("insist")).click();
        wait.until(ExpectedConditions.urlContains("done=terminationRequested"));
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("解约中");

        // ... and the reviewer refuses it (解约失败) with a reason that the history shows.
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/login");
        signIn("reviewer");
        driver.get(server.base() + "/agreements/review");
        WebElement request = driver.findElement(By.cssSelector("#terminations .review-item[data-id='" + id + "']"));
        request.findElement(By.cssSelector("input[name=reason]")).sendKeys("尚有未结索赔");
        request.findElement(By.cssSelector("button.reject")).click();
        wait.until(ExpectedConditions.urlContains("done="));
        driver.get(server.base() + "/agreements/" + id);
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("签约成功");
        assertThat(driver.findElement(By.id("history")).getText()).contains("解约失败", "尚有未结索赔", "企业申请解约", "业务调整");
        page("agreements-history");
    }

    // #14: 查询统计, the bar chart drawn by the server and the table of the same buckets under it
    @Test
    void theOperatorDrawsTheStatisticsChartWithItsTable() {
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/login");
        signIn("sz-operator");
        driver.get(server.base() + "/agreements/data");
        driver.findElement(By.id("open-statistics")).click();
        wait.until(ExpectedConditions.urlContains("/agreements/data/statistics"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("授权数据统计");
        assertThat(driver.findElements(By.id("statistics-chart"))).isEmpty();
        page("agreements-statistics-form");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category")))
                .selectByVisibleText("出口报关单数据");
        driver.findElement(By.id("statistics-submit")).click();
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("statistics-chart")));
        wait.until(d -> ((Number) driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth",
                chart)).intValue() > 0);
        List<WebElement> rows = driver.findElements(By.cssSelector("#statistics tbody tr"));
        assertThat(rows).hasSize(12);
        assertThat(driver.findElement(By.id("statistics-total")).getText()).startsWith("合计");
        page("agreements-statistics-month");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("frequency"))).selectByVisibleText("季度");
        driver.findElement(By.id("statistics-submit")).click();
        wait.until(ExpectedConditions.urlContains("frequency=QUARTER"));
        assertThat(driver.findElements(By.cssSelector("#statistics tbody tr"))).hasSizeBetween(4, 5);
        page("agreements-statistics-quarter");

        // a range too long for months: named under the field, in Chinese
        driver.get(server.base() + "/agreements/data/statistics?category=EXPORT_RECEIPTS&from=2020-01&to=2026-01"
                + "&frequency=MONTH");
        assertThat(driver.findElement(By.id("to-error")).getText()).contains("最多 36 个");
        assertThat(driver.findElements(By.id("statistics-chart"))).isEmpty();
        page("agreements-statistics-error");
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
        int phoneWidth = browser.screenshot(name);
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
