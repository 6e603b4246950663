package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
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
 * Insurance inquiries (投保咨询) and the message board (调查问卷) in Chromium: reached from the left-hand menu (投保服务 →
 * 投保咨询, 调查问卷); the address selects really cascade (script), and without script the 刷新下级地区 button shows the
 * next level; a bad mobile is named under its field and the form keeps what was chosen; the submitted inquiry is
 * read-only with its serial number and 已提交; the reviewer answers and the enterprise sees 已答复 and the answer; a
 * message from a city without districts is replied to and the reply shown. Screenshots at desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InquiryBrowserIT {
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
        DemoWorld.create(server.app());
    }

    @Test
    void anInquiryFromTheMenuCascadesIsSubmittedReadOnlyAndAnswered() {
        journey.signIn("sz-legal");
        // 投保服务 in the left-hand menu, then its sub-menu 投保咨询
        driver.findElement(By.cssSelector(".sidenav a[href='/enrolment']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrolment-menu")));
        assertThat(driver.findElement(By.id("enrolment-menu")).getText()).contains("小微投保", "投保咨询");
        driver.findElement(By.id("menu-inquiries")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inquiry-form")));
        assertThat(driver.findElement(By.cssSelector(".sidenav a[aria-current=page]")).getText()).contains("投保服务");
        assertThat(driver.findElement(By.id("companyName")).getAttribute("value")).isEqualTo("深圳市示例电子科技有限公司");
        assertThat(driver.findElement(By.id("type-INSURE")).isSelected()).as("我要投保 by default").isTrue();
        assertThat(driver.findElement(By.id("region-refresh")).isDisplayed()).as("the script replaces the button").isFalse();
        journey.shot("inquiry-form");

        // the cascade: 河南省 → 洛阳市 → 老城区, each list filled by the script
        choose("province", "河南省");
        waitForOption("city", "洛阳市");
        assertThat(options("city")).doesNotContain("深圳市");
        assertThat(options("district")).containsExactly("请选择");
        choose("city", "洛阳市");
        waitForOption("district", "老城区");
        assertThat(options("district")).contains("涧西区").doesNotContain("罗湖区");
        choose("district", "老城区");
        journey.fill("address", "中州中路 100 号");
        journey.fill("contactName", "张经理");
        journey.fill("mobile", "12345678901");
        journey.fill("email", "zhang_jl@example.com");
        driver.findElement(By.id("type-BUYER_RESOURCES")).click();
        driver.findElement(By.id("inquiry-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElement(By.id("mobile-error")).getText()).contains("手机号码格式不正确");
        assertThat(selected("province")).isEqualTo("河南省");
        assertThat(selected("city")).isEqualTo("洛阳市");
        assertThat(selected("district")).isEqualTo("老城区");
        assertThat(driver.findElement(By.id("type-BUYER_RESOURCES")).isSelected()).isTrue();
        journey.shot("inquiry-bad-mobile");
        journey.fill("mobile", "13800138000");
        driver.findElement(By.id("inquiry-submit")).click();
        wait.until(ExpectedConditions.urlMatches("/enrolment/inquiries/\\d+\\?submitted=true$"));
        String url = driver.getCurrentUrl().replace("?submitted=true", "");
        assertThat(driver.findElement(By.id("submitted-notice")).getText()).contains("提交成功");
        String serial = driver.findElement(By.id("inquiry-serial")).getText();
        assertThat(serial).matches("ZX20240617\\d{4}");
        assertThat(driver.findElement(By.id("inquiry-state")).getText()).isEqualTo("已提交");
        assertThat(driver.findElement(By.id("inquiry-region")).getText()).isEqualTo("河南省 洛阳市 老城区");
        assertThat(driver.findElement(By.id("inquiry-type")).getText()).isEqualTo("我要买方资源");
        assertThat(driver.findElements(By.cssSelector("#inquiry input, #inquiry textarea, #answer-form"))).as("read-only").isEmpty();
        journey.shot("inquiry-submitted");
        journey.open("/enrolment/inquiries");
        assertThat(driver.findElement(By.id("inquiries")).getText()).contains(serial, "中国出口信用保险公司", "已提交");
        journey.signOut();

        // the reviewer answers from the list
        journey.signIn("reviewer");
        journey.open("/enrolment/inquiries?state=SUBMITTED");
        driver.findElement(By.linkText(serial)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-form")));
        driver.findElement(By.id("answer-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer-error")));
        assertThat(driver.findElement(By.id("answer-error")).getText()).contains("请填写答复内容");
        journey.fill("answer", "您好，我司可为贵司提供买方资信调查与买方推荐服务，客户经理将与您联系。");
        journey.shot("inquiry-answer-form");
        driver.findElement(By.id("answer-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answered-notice")));
        assertThat(driver.findElement(By.id("inquiry-state")).getText()).isEqualTo("已答复");
        journey.signOut();

        // the enterprise sees the answer
        journey.signIn("sz-operator");
        driver.get(url);
        assertThat(driver.findElement(By.id("inquiry-state")).getText()).isEqualTo("已答复");
        assertThat(driver.findElement(By.id("inquiry-answer")).getText()).contains("买方资信调查与买方推荐服务");
        journey.shot("inquiry-answered");
        journey.signOut();
    }

    @Test
    void withoutScriptTheRefreshButtonShowsTheNextLevel() {
        journey.signIn("hn-legal");
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            journey.open("/message-board");
            WebElement refresh = driver.findElement(By.id("region-refresh"));
            assertThat(refresh.isDisplayed()).isTrue();
            choose("province", "北京市");
            assertThat(options("city")).as("no script: nothing refills the list").doesNotContain("市辖区");
            refresh.click();
            wait.until(ExpectedConditions.stalenessOf(refresh));
            assertThat(options("city")).containsExactly("请选择", "市辖区");
            choose("city", "市辖区");
            driver.findElement(By.id("region-refresh")).click();
            waitForOption("district", "东城区");
            assertThat(selected("province")).isEqualTo("北京市");
            assertThat(driver.findElements(By.id("form-errors"))).as("a refresh is not a submission").isEmpty();
            journey.shot("board-no-script-refresh");
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
        journey.signOut();
    }

    @Test
    void aMessageFromTheMenuIsRepliedTo() {
        journey.signIn("ly-legal");
        driver.findElement(By.cssSelector(".sidenav a[href='/message-board']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board-form")));
        assertThat(driver.findElement(By.cssSelector(".sidenav a[aria-current=page]")).getText()).isEqualTo("调查问卷");
        assertThat(driver.findElement(By.id("companyName")).getAttribute("value")).isEqualTo("洛阳示例机械制造有限公司");
        // a city without districts: the third select says so and is not needed
        choose("province", "广东省");
        waitForOption("city", "东莞市");
        choose("city", "东莞市");
        wait.until(d -> !d.findElement(By.id("district")).isEnabled());
        assertThat(options("district")).containsExactly("（该市不设区县）");
        journey.fill("contactName", "王女士");
        journey.fill("mobile", "13900379000");
        journey.fill("subject", "东莞分厂投保咨询");
        journey.fill("content", "我司在东莞新设分厂，能否一并纳入小微企业统保？");
        journey.shot("board-form");
        driver.findElement(By.id("board-submit")).click();
        wait.until(ExpectedConditions.urlMatches("/message-board/\\d+\\?submitted=true$"));
        String url = driver.getCurrentUrl().replace("?submitted=true", "");
        assertThat(driver.findElement(By.id("message-region")).getText()).isEqualTo("广东省 东莞市");
        assertThat(driver.findElement(By.id("message-state")).getText()).isEqualTo("已提交");
        assertThat(driver.findElement(By.id("no-reply")).getText()).contains("等待中信保回复");
        journey.shot("board-submitted");
        journey.signOut();

        journey.signIn("reviewer");
        journey.open("/message-board");
        driver.findElement(By.linkText("东莞分厂投保咨询")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-form")));
        journey.fill("reply", "分厂为独立法人的，需单独投保；非独立法人的，可随总公司一并投保。");
        driver.findElement(By.id("reply-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("replied-notice")));
        assertThat(driver.findElement(By.id("message-state")).getText()).isEqualTo("已回复");
        journey.signOut();

        journey.signIn("ly-operator");
        driver.get(url);
        assertThat(driver.findElement(By.id("message-reply")).getText()).contains("需单独投保");
        journey.shot("board-replied");
        journey.signOut();
    }

    private void choose(String id, String text) {
        new Select(driver.findElement(By.id(id))).selectByVisibleText(text);
    }

    private void waitForOption(String id, String text) {
        wait.until(d -> new Select(d.findElement(By.id(id))).getOptions().stream().anyMatch(o -> o.getText().equals(text)));
    }

    private java.util.List<String> options(String id) {
        return new Select(driver.findElement(By.id(id))).getOptions().stream().map(WebElement::getText).toList();
    }

    private String selected(String id) {
        return new Select(driver.findElement(By.id(id))).getFirstSelectedOption().getText();
    }

}
