package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The small/micro enrolment in Chromium, as people do it: the administrator imports a list on the upload page;
 * the Zhengzhou legal representative signs in, follows the home page's pending-policy notice, fills the
 * application and is sent to the agreement first; the reviewer countersigns the agreement and the legal
 * representative authorises data on the agreements pages; then the code, read in 消息记录, and submission; the reviewer accepts; the legal
 * representative acknowledges receipt (已收悉). Each page is saved as a screenshot at desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrolmentBrowserIT {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
        journey = BrowserJourney.start(dir, d -> TestServer.start(d,
                null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z"))));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        DemoWorld world = DemoWorld.create(server.app());
        world.pushPendingPolicies(server.app(), Config.CHINA);
    }

    @Test
    void fromSignInToReceipt() throws IOException {
        // the administrator's upload page: a list for Henan's small/micro scheme
        journey.signIn("admin");
        journey.open("/enrolment/lists");
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "统一社会信用代码,企业名称,上年出口额（美元）,行政区划代码\n91410105MA00000016,郑州示例甲贸易有限公司,5000000,410105\n",
                StandardCharsets.UTF_8);
        driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("scheme"))).selectByValue("henan-2024-small");
        driver.findElement(By.id("import")).click();
        wait.until(ExpectedConditions.urlMatches("/enrolment/lists/\\d+$"));
        assertThat(driver.findElement(By.id("list-state")).getText()).isEqualTo("已导入");
        assertThat(driver.findElement(By.id("entries")).getText()).contains("郑州示例甲贸易有限公司", "5,000,000.00");
        journey.shot("enrolment-admin-list");
        journey.signOut();

        // step 1: the enterprise sees the pending policy
        journey.signIn("hn-legal");
        assertThat(driver.findElement(By.id("pending-notice")).getText()).contains("待确认");
        assertThat(driver.findElement(By.id("home-pending")).getText()).contains("(1)");
        journey.shot("enrolment-home");
        driver.findElement(By.id("pending-notice")).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.urlContains("filter=pending"));
        journey.shot("enrolment-list");
        driver.findElement(By.cssSelector("#applications .policy-link")).click();
        wait.until(ExpectedConditions.urlMatches("/enrolment/policies/\\d+$"));
        String policyUrl = driver.getCurrentUrl();
        assertThat(currentStep()).isEqualTo("2");
        assertThat(driver.findElement(By.id("premium")).getText()).contains("200.00");

        // step 2: the form; seed 002's order: agreement and data authorisation first (Zhengzhou's awaits the
        // insurer), which is said before the form is looked at (#13: a bad mobile does not hide it)
        journey.fill("contactName", "王芳");
        journey.fill("mobile", "12345");
        journey.fill("email", "wang_fang-1@example.com");
        driver.findElement(By.id("request-code")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "/agreements"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("签署服务协议", "完成企业数据授权");
        journey.shot("enrolment-agreement-first");
        journey.signOut();
        journey.signIn("reviewer");
        journey.open("/agreements/review");
        driver.findElement(By.cssSelector("#awaiting .approve")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        journey.signOut();
        journey.signIn("hn-legal");
        journey.open("/agreements/authorisation");
        driver.findElement(By.id("agree")).click();
        driver.findElement(By.id("authorise-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/agreements/authorisation")));
        driver.get(policyUrl);
        // now the form: a bad mobile first, then the code from the outbox
        journey.fill("contactName", "王芳");
        journey.fill("mobile", "12345");
        journey.fill("email", "wang_fang-1@example.com");
        driver.findElement(By.id("request-code")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("手机号码格式不正确");
        journey.shot("enrolment-form-error");
        journey.fill("mobile", "13912345678");
        driver.findElement(By.id("request-code")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
        journey.shot("enrolment-code-sent");
        journey.open("/enrolment/outbox");
        Matcher m = CODE.matcher(driver.findElement(By.id("outbox")).getText());
        assertThat(m.find()).isTrue();
        String code = m.group(1);
        journey.shot("enrolment-outbox");
        driver.get(policyUrl);
        assertThat(driver.findElement(By.id("mobile")).getAttribute("value")).isEqualTo("13912345678");
        driver.findElement(By.id("declaration")).click();
        journey.fill("code", code);
        driver.findElement(By.id("submit-application")).click();
        wait.until(ExpectedConditions.textToBe(By.id("policy-state"), "投保申请已提交"));
        assertThat(currentStep()).isEqualTo("3");
        journey.shot("enrolment-applied");
        journey.signOut();

        // step 3: the reviewer accepts
        journey.signIn("reviewer");
        journey.open("/enrolment/review");
        journey.shot("enrolment-review-queue");
        driver.findElement(By.cssSelector("#review .review-open")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept")));
        driver.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.textToBe(By.id("policy-state"), "生效"));
        assertThat(driver.findElement(By.id("policy-receipt")).getText()).isEqualTo("待收悉");
        journey.signOut();

        // steps 4 and 5: receipt, then done with both documents
        journey.signIn("hn-legal");
        assertThat(driver.findElement(By.id("home-effective")).getText()).contains("(1)");
        driver.get(policyUrl);
        assertThat(currentStep()).isEqualTo("4");
        assertThat(driver.findElement(By.id("cover")).getText()).contains("2024-09-01", "2025-08-31");
        journey.shot("enrolment-effective");
        driver.findElement(By.id("acknowledge")).click();
        wait.until(ExpectedConditions.textToBe(By.id("policy-receipt"), "已收悉"));
        assertThat(currentStep()).isEqualTo("5");
        assertThat(driver.findElement(By.id("policy-pdf")).getAttribute("href")).endsWith("/policy.pdf");
        assertThat(driver.findElement(By.id("application-pdf")).getAttribute("href")).endsWith("/application.pdf");
        journey.shot("enrolment-received");
        journey.open("/enrolment?tab=policies");
        assertThat(driver.findElement(By.id("policies")).getText()).contains("生效", "已收悉");
        journey.shot("enrolment-policies-tab");
    }

    private String currentStep() {
        return driver.findElement(By.cssSelector(".steps .step.current")).getAttribute("data-step");
    }

}
