package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Credit services in Chromium: the demo's Shenzhen trading enterprise (effective policy, 3 free reports) goes from
 * the risk search page's 资信服务 button to the order form (a country risk report for the searched country is
 * proposed), picks a buyer from the directory instead, sees the quote (free) and confirms; the wallet shows the
 * use; the reviewer takes the order and delivers a report with a bankruptcy; the enterprise reads the report.
 * Each page is saved as a screenshot at desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditBrowserIT {
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        journey = BrowserJourney.start(dir, d -> TestServer.start(d,
                null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z"))));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
    }

    @Test
    void fromTheSearchPageToADeliveredReport() {
        journey.signIn("szt-legal");
        // the search page's 资信服务 button carries the country condition to the order form
        journey.open("/search?country=AE");
        driver.findElement(By.id("credit-services")).click();
        wait.until(ExpectedConditions.urlContains("/credit/order"));
        assertThat(driver.findElement(By.id("type-COUNTRY_RISK")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("country")).getAttribute("value")).isEqualTo("AE");
        journey.shot("credit-order-from-search");

        // a buyer report instead: find the buyer in the directory, see the charge, confirm
        driver.findElement(By.id("type-BUYER_CREDIT")).click();
        journey.fill("country", "");
        journey.fill("buyerQ", "gulf star");
        driver.findElement(By.id("buyer-search")).click();
        WebElement gulf = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#buyer-picker input[type=radio]")));
        assertThat(driver.findElement(By.id("buyer-picker")).getText()).contains("Gulf Star General Trading LLC");
        gulf.click();
        driver.findElement(By.id("get-quote")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quote")));
        assertThat(driver.findElement(By.id("quote")).getAttribute("data-basis")).isEqualTo("FREE");
        assertThat(driver.findElement(By.id("quote-charge")).getText()).isEqualTo("0.00 CNY");
        assertThat(driver.findElement(By.id("quote-message")).getText()).contains("免费额度内", "剩余 3 份", "2024-06-30");
        journey.shot("credit-quote");
        driver.findElement(By.id("confirm-order")).click();
        wait.until(ExpectedConditions.urlMatches("/credit/orders/\\d+$"));
        String orderUrl = driver.getCurrentUrl();
        assertThat(driver.findElement(By.id("order-state")).getText()).isEqualTo("已下单");
        assertThat(driver.findElement(By.id("order-charge")).getText()).contains("免费额度");
        journey.shot("credit-ordered");

        // the wallet shows the use
        journey.open("/credit");
        assertThat(driver.findElement(By.id("wallet-used")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("wallet-left")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("wallet-expires")).getText()).isEqualTo("2024-06-30");
        assertThat(driver.findElement(By.id("orders")).getText()).contains("Gulf Star General Trading LLC", "示例法人4");
        journey.shot("credit-wallet");
        journey.signOut();

        // the reviewer takes it and delivers a report with a bankruptcy
        journey.signIn("reviewer");
        journey.open("/credit/fulfilment");
        journey.shot("credit-fulfilment");
        driver.findElement(By.cssSelector("#queue .take")).click();
        wait.until(ExpectedConditions.urlMatches("/credit/orders/\\d+/deliver$"));
        driver.findElement(By.id("deliver-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("请选择评级", "请填写报告摘要");
        journey.shot("credit-deliver-errors");
        journey.fill("registrationNo", "DXB-000123");
        new Select(driver.findElement(By.id("rating"))).selectByValue("D");
        new Select(driver.findElement(By.id("paymentBehaviour"))).selectByValue("DELINQUENT");
        new Select(driver.findElement(By.id("eventType0"))).selectByValue("BANKRUPTCY");
        journey.fill("eventDate0", "2024-05-20");
        journey.fill("eventText0", "迪拜法院宣告该买方破产");
        journey.fill("summary", "该阿联酋买方已被宣告破产，建议立即停止对其出运。");
        journey.shot("credit-deliver");
        driver.findElement(By.id("deliver-report")).click();
        wait.until(ExpectedConditions.urlToBe(orderUrl));
        assertThat(driver.findElement(By.id("order-state")).getText()).isEqualTo("已出具");
        journey.signOut();

        // the enterprise reads the report
        journey.signIn("szt-legal");
        driver.get(orderUrl);
        assertThat(driver.findElement(By.id("report-rating")).getText()).isEqualTo("D");
        assertThat(driver.findElement(By.id("report-events")).getText()).contains("破产", "迪拜法院宣告该买方破产");
        assertThat(driver.findElement(By.id("report-summary")).getText()).contains("建议立即停止对其出运");
        assertThat(driver.findElement(By.id("report-pdf")).getAttribute("href")).endsWith("/report.pdf");
        journey.shot("credit-report");
    }

}
