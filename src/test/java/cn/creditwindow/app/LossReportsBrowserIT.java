package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The possible-loss journey in a real browser (#14), on 2024-06-17: the Shenzhen trading enterprise has registered
 * a receivable on Gulf Star due 2024-05-02 (over the API: there is no page for it) and watches the buyer; an article
 * names it. Its home page shows "报损期限：还有 14 天"; the alarm inbox says what to do now; one click opens the report
 * form prefilled; a bad submission comes back with the error under each field and what was typed kept; the correct one
 * is submitted; the reviewer accepts it with advice; the enterprise sees the advice and steps, turns it into a claim
 * and lands on the claim, which links back, and adds a report's shipment to it from the one-click prefill.
 * Screenshots (target/screenshots/loss-*) in Chinese and English.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LossReportsBrowserIT {
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private long gulf;
    private long policyId;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        journey = BrowserJourney.start(dir, d -> TestServer.start(d, null, null,
                new TestClock(Instant.parse("2024-06-17T01:00:00Z"))));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        DemoWorld.create(server.app()).effectiveCreditPolicy(server.app(), Config.CHINA);
        gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        policyId = server.app().database().read(tx -> tx.number("SELECT p.id FROM policies p JOIN enterprises e"
                + " ON e.id = p.enterprise_id WHERE e.uscc = ?", DemoWorld.CREDIT_ENTERPRISE.uscc()));
    }

    @Test
    void fromTheDeadlineAndTheAlarmToAReportAcceptedAndAClaim() { // #14
        ApiClient api = ApiClient.demo(server, "szt-legal");
        assertThat(api.post("/api/watches", Map.of("buyerId", gulf)).status()).isEqualTo(201);
        TestServer.Response receivable = api.post("/api/loss-reports/receivables", Map.of("policyId", policyId,
                "buyerId", gulf, "invoiceNo", "INV-B1", "shippedOn", "2024-03-01", "dueOn", "2024-05-02",
                "outstanding", "440000.00"));
        assertThat(receivable.status()).as(receivable.body()).isEqualTo(201);
        // a second, not yet due, shipped within the policy's cover (2024-06-17 on): the claim can take this one
        TestServer.Response inCover = api.post("/api/loss-reports/receivables", Map.of("policyId", policyId,
                "buyerId", gulf, "invoiceNo", "INV-B2", "shippedOn", "2024-06-17", "dueOn", "2024-06-28",
                "outstanding", "60000.00", "declarations", DemoCustoms.FREE_DECLARATION));
        assertThat(inCover.status()).as(inCover.body()).isEqualTo(201);
        TestServer.Response pushed = server.post("/api/feeds?module=trade-news", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><guid>browser-loss-1</guid>"
                + "<title>Gulf Star General Trading LLC 拖欠多家供应商货款</title><description>逾期。</description>"
                + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8), "application/rss+xml", TestServer.PUSH);
        assertThat(pushed.status()).isEqualTo(200);

        // the home page counts the days left to report
        journey.signIn("szt-legal");
        journey.open("/");
        assertThat(driver.findElement(By.id("home-obligations")).getText()).contains("报损期限：还有 14 天", "INV-B1");
        journey.shot("loss-home-deadline");
        journey.open("/?lang=en");
        assertThat(driver.findElement(By.id("home-obligations")).getText())
                .contains("Report a possible loss by 2024-07-01: 14 days left");
        journey.shot("loss-home-deadline-en");

        // the alarm inbox says what to do now; one click opens the form prefilled
        journey.open("/credit/alerts?lang=zh");
        String steps = driver.findElement(By.cssSelector("#alerts .alert-steps")).getText();
        assertThat(steps).contains("建议措施", "报损期限：还有 14 天", "报损", "考虑暂停向该买方出运", "订购最新资信报告");
        journey.shot("loss-alarm-steps");
        journey.open("/credit/alerts?lang=en");
        assertThat(driver.findElement(By.cssSelector("#alerts .alert-steps")).getText()).contains("What to do now",
                "Report a possible loss by 2024-07-01: 14 days left", "Order a fresh credit report");
        journey.shot("loss-alarm-steps-en");
        journey.open("/credit/alerts?lang=zh");
        driver.findElement(By.cssSelector("#alerts li[data-step=REPORT] a")).click();
        wait.until(ExpectedConditions.urlContains("/losses/new"));
        assertThat(driver.findElement(By.id("shipments[0].invoiceNo")).getAttribute("value")).isEqualTo("INV-B1");
        assertThat(driver.findElement(By.id("buyerId")).getAttribute("value")).isEqualTo(String.valueOf(gulf));
        journey.shot("loss-form-prefilled");

        // a bad submission: no cause, a mistyped e-mail; each error under its field, what was typed kept
        journey.fill("actionsTaken", "已多次电话和邮件催收，买方以资金紧张为由拖延付款");
        journey.fill("contactName", "示例联系人");
        journey.fill("contactMobile", "13800000004");
        journey.fill("contactEmail", "contact-at-demo");
        driver.findElement(By.id("submit-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("致损原因");
        assertThat(driver.findElement(By.id("contactEmail")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("contactEmail")).getAttribute("value")).isEqualTo("contact-at-demo");
        assertThat(driver.findElement(By.id("actionsTaken")).getAttribute("value")).startsWith("已多次电话");
        assertThat(driver.findElement(By.id("shipments[0].invoiceNo")).getAttribute("value")).isEqualTo("INV-B1");
        assertThat(driver.findElement(By.xpath("//input[@id='contactEmail']/following-sibling::*[1]")).getText())
                .isNotBlank();
        journey.shot("loss-form-errors");

        new Select(driver.findElement(By.id("cause"))).selectByValue("DEFAULT");
        journey.fill("contactEmail", "contact@demo.example");
        driver.findElement(By.id("submit-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-state")));
        String reportUrl = driver.getCurrentUrl().replace(server.base(), "");
        assertThat(reportUrl).matches("/losses/\\d+");
        assertThat(driver.findElement(By.id("report-shipments")).getText()).contains("INV-B1");
        journey.shot("loss-report-submitted");
        journey.signOut();

        // the reviewer accepts with advice from the queue
        journey.signIn("reviewer");
        journey.open("/losses/review");
        driver.findElement(By.cssSelector("#loss-queue a[href='" + reportUrl + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-form")));
        driver.findElements(By.cssSelector("#accept-form input[name=adviceCodes]")).get(0).click();
        journey.fill("advice", "请立即停止向该买方出运，保留往来函电，我司将委托海外追偿。");
        journey.shot("loss-review");
        driver.findElement(By.id("accept-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-no")));
        assertThat(driver.findElement(By.id("case-no")).getText()).matches("BS2024-\\d{6}");
        journey.signOut();

        // the enterprise sees the advice and the steps, and its claim deadline; it drafts the claim
        journey.signIn("szt-legal");
        journey.open(reportUrl);
        assertThat(driver.findElement(By.id("report-advice")).getText()).contains("请立即停止向该买方出运");
        assertThat(driver.findElement(By.id("report-history")).getText()).contains("示例审核员");
        journey.shot("loss-accepted");
        journey.open("/");
        assertThat(driver.findElement(By.id("home-obligations")).getText()).contains("索赔期限：还有");
        journey.open(reportUrl);
        driver.findElement(By.id("make-claim")).click();
        wait.until(ExpectedConditions.urlMatches(".*/claims/\\d+.*"));
        journey.shot("loss-claim-drafted");
        String claim = driver.getCurrentUrl().replaceAll(".*/claims/(\\d+).*", "$1");
        journey.open("/claims/" + claim);
        assertThat(driver.findElement(By.id("claim-loss-report")).getAttribute("href")).endsWith(reportUrl);
        journey.shot("loss-claim-linked");

        // the report's shipments, each one click into the add-shipment form; the rest completed by hand, then saved
        assertThat(driver.findElements(By.cssSelector("#loss-prefill li")).stream().map(e -> e.getAttribute(
                "data-invoice")).toList()).containsExactly("INV-B1", "INV-B2");
        driver.findElement(By.cssSelector("#loss-prefill li[data-invoice=INV-B2] a.loss-prefill")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loss-prefilled")));
        assertThat(driver.findElement(By.id("s-invoiceNo")).getAttribute("value")).isEqualTo("INV-B2");
        assertThat(driver.findElement(By.id("s-shippedOn")).getAttribute("value")).isEqualTo("2024-06-17");
        assertThat(driver.findElement(By.id("s-invoiceAmount")).getAttribute("value")).isEqualTo("60000.00");
        assertThat(driver.findElement(By.id("s-claimedAmount")).getAttribute("value")).isEqualTo("60000.00");
        assertThat(driver.findElement(By.id("s-declarations")).getAttribute("value"))
                .isEqualTo(DemoCustoms.FREE_DECLARATION);
        assertThat(driver.findElement(By.id("s-hsCode")).getAttribute("value")).isEmpty();
        journey.shot("loss-claim-prefill");
        journey.fill("s-hsCode", "85171200");
        journey.fill("s-termDays", "60");
        driver.findElement(By.id("add-shipment")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#shipments tbody tr")));
        assertThat(driver.findElement(By.id("shipments")).getText()).contains("INV-B2", "60,000.00");
        assertThat(driver.findElements(By.cssSelector("#loss-prefill li")).stream().map(e -> e.getAttribute(
                "data-invoice")).toList()).containsExactly("INV-B1");
        journey.shot("loss-claim-shipment-added");
        journey.open(reportUrl + "?lang=en");
        assertThat(driver.findElement(By.id("report-claim")).getAttribute("href")).endsWith("/claims/" + claim);
        journey.shot("loss-report-claimed-en");
    }
}
