package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import cn.creditwindow.web.Section;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
 * The window's pages in Chromium: every entry of the left-hand menu opens its page; the service introduction's two
 * pages (public) link into the journeys; the Shenzhen trading enterprise sees its dashboard and account manager on
 * the home page, follows a count to its list, and applies for a financing product from the marketplace's 立即申请 —
 * bad input named beside each field, then submitted; the reviewer exports it for the bank and records the bank's
 * approval; the enterprise's home page counts it and its link lists it. Each page is saved at desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowBrowserIT {
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
    void everyMenuEntryOpensItsPageAndTheServiceIntroductionIsPublic() {
        journey.open("/");
        List<String> entries = driver.findElements(By.cssSelector(".sidenav a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(entries).hasSize(Section.values().length)
                .anySatisfy(h -> assertThat(h).endsWith("/financing"))
                .anySatisfy(h -> assertThat(h).endsWith("/service"));
        for (String href : entries) {
            driver.get(href);
            assertThat(driver.findElements(By.cssSelector(".error-page"))).as(href).isEmpty();
            assertThat(driver.findElement(By.cssSelector(".sidenav a.current")).getAttribute("href")).as(href)
                    .isEqualTo(href);
        }

        // 服务介绍: the services, each linking to its journey, and the enrolment and renewal flow
        journey.open("/");
        driver.findElement(By.cssSelector(".sidenav a[href='/service']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("offers")));
        assertThat(driver.findElements(By.cssSelector("#offers .offer"))).hasSize(7);
        assertThat(driver.findElement(By.cssSelector("[data-offer=financing] a")).getAttribute("href"))
                .endsWith("/financing");
        assertThat(driver.findElement(By.id("enquiry-hotline")).getText()).isEqualTo("0755-00000355");
        journey.shot("service-offers");
        driver.findElement(By.id("tab-flow")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrolment-flow")));
        assertThat(driver.findElements(By.cssSelector("#enrolment-flow .flow-step"))).hasSize(6);
        assertThat(driver.findElements(By.cssSelector("#renewal-flow .flow-step"))).hasSize(4);
        assertThat(driver.findElement(By.id("enrolment-flow")).getText()).contains("名单公示与确认", "收悉确认");
        journey.shot("service-flow");
        driver.findElement(By.cssSelector("#enrolment-flow [data-step='3'] a")).click();
        wait.until(ExpectedConditions.urlContains("/enrolment?filter=pending"));
    }

    @Test
    void applyNowFromTheMarketplaceToTheBanksDecisionOnTheDashboard() {
        journey.signIn("szt-legal");
        // the dashboard: each journey's count, the account manager of 罗湖 and the claims hotline
        assertThat(driver.findElement(By.id("dashboard")).getAttribute("data-audience")).isEqualTo("ENTERPRISE");
        assertThat(driver.findElement(By.id("home-effective")).getText()).contains("保单生效通知", "(1)");
        assertThat(driver.findElement(By.id("home-financingSubmitted")).getText()).contains("(0)");
        assertThat(driver.findElement(By.id("account-managers")).getText()).contains("何经理", "0755-00000401",
                "he.longhua@example.com", "0755-00000700");
        journey.shot("dashboard-enterprise");
        driver.findElement(By.id("home-effective")).click();
        wait.until(ExpectedConditions.urlContains("filter=effective"));
        assertThat(driver.findElements(By.cssSelector("#policies tbody tr"))).hasSize(1);

        // 融资超市: the products and the six steps; 立即申请 on the policy-backed loan
        driver.findElement(By.cssSelector(".sidenav a[href='/financing']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("products")));
        assertThat(driver.findElements(By.cssSelector("#products .product-card"))).hasSize(4);
        assertThat(driver.findElements(By.cssSelector("#flow .step")).stream().map(WebElement::getText).toList())
                .satisfiesExactly(s -> assertThat(s).contains("领取保单"), s -> assertThat(s).contains("贷款申请"),
                        s -> assertThat(s).contains("合同签署"), s -> assertThat(s).contains("贷款支用"),
                        s -> assertThat(s).contains("贷款还款"), s -> assertThat(s).contains("贷款结清"));
        journey.shot("financing-marketplace");
        driver.findElement(By.cssSelector("[data-product=policy-loan] .apply-now")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("financing-form")));
        journey.fill("amountYuan", "5000");
        journey.fill("termMonths", "24");
        journey.fill("mobile", "1234567");
        driver.findElement(By.id("financing-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("amountYuan-error")).getText()).isEqualTo("申请金额应在 100000 至 3000000 元之间");
        assertThat(driver.findElement(By.id("termMonths-error")).getText()).isEqualTo("融资期限应在 1 至 12 个月之间");
        assertThat(driver.findElement(By.id("purpose-error")).getText()).isEqualTo("请填写融资用途");
        assertThat(driver.findElement(By.id("mobile-error")).getText()).startsWith("手机号码格式不正确");
        assertThat(driver.findElement(By.id("contactName")).getAttribute("value")).isEqualTo("示例法人4");
        journey.shot("financing-apply-errors");
        journey.fill("amountYuan", "300,000");
        journey.fill("termMonths", "6");
        journey.fill("purpose", "采购原材料，履行阿联酋买方订单");
        journey.fill("mobile", "138 0000 0004");
        driver.findElement(By.id("financing-submit")).click();
        wait.until(ExpectedConditions.urlMatches("/financing/applications/\\d+$"));
        String applicationUrl = driver.getCurrentUrl();
        assertThat(driver.findElement(By.id("application-state")).getText()).isEqualTo("已提交");
        assertThat(driver.findElement(By.id("application-bank")).getText()).isEqualTo("示例甲银行深圳分行");
        assertThat(driver.findElement(By.id("application-amount")).getText()).isEqualTo("300,000");
        assertThat(driver.findElement(By.id("application-policy")).getText()).isNotEqualTo("—");
        journey.shot("financing-applied");
        journey.signOut();

        // the reviewer: the queue with the export for the bank, then the bank's approval
        journey.signIn("reviewer");
        assertThat(driver.findElement(By.id("home-financingToRecord")).getText()).contains("(1)");
        driver.findElement(By.id("home-financingToRecord")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applications")));
        assertThat(driver.findElements(By.cssSelector("#applications tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.id("csv-export")).getAttribute("href"))
                .endsWith("/api/financing/applications.csv?state=SUBMITTED");
        journey.shot("financing-queue");
        driver.get(applicationUrl);
        driver.findElement(By.id("decision-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("请选择银行审批结果", "请填写审批说明");
        driver.findElement(By.id("decision-approved")).click();
        journey.fill("note", "银行批准 30 万元，期限 6 个月");
        journey.shot("financing-decide");
        driver.findElement(By.id("decision-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-note")));
        assertThat(driver.findElement(By.id("application-state")).getText()).isEqualTo("银行已批准");
        journey.signOut();

        // the enterprise's home page counts it; the link lists it
        journey.signIn("szt-operator");
        assertThat(driver.findElement(By.id("home-financingApproved")).getText()).contains("(1)");
        driver.findElement(By.id("home-financingApproved")).click();
        wait.until(ExpectedConditions.urlContains("state=APPROVED"));
        assertThat(driver.findElements(By.cssSelector("#applications tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("#applications tbody tr .application-state")).getText())
                .isEqualTo("银行已批准");
        journey.shot("financing-mine");
    }

}
