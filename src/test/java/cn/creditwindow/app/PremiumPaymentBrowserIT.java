package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.User;
import cn.creditwindow.agreements.Agreement;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.agreements.DataAuthorisations;
import cn.creditwindow.agreements.Seal;
import cn.creditwindow.agreements.Seals;
import cn.creditwindow.validation.Input;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
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
 * #14 in Chromium: the Luoyang legal representative's application of the Henan medium scheme has been accepted;
 * the home page and the policy's five steps say 待缴费 with the amount; the reviewer opens the list of policies
 * awaiting payment, types a wrong amount (named, with the amount due), then the right one; the policy is effective
 * and the enterprise sees its invoice. Each page is saved as a screenshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PremiumPaymentBrowserIT {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private long policy;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        journey = BrowserJourney.start(dir, d -> TestServer.start(d,
                null, null, new TestClock(Instant.parse("2024-08-20T01:00:00Z"))));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        DemoWorld.create(server.app());
        policy = acceptedLuoyangApplication();
    }

    @Test
    void fromAwaitingPaymentToTheInvoice() {
        journey.signIn("ly-legal");
        journey.open("/");
        assertThat(driver.findElement(By.id("payment-notice")).getText()).contains("待缴费", "美元");
        assertThat(driver.findElement(By.id("home-awaitingPayment")).getAttribute("data-count")).isEqualTo("1");
        driver.findElement(By.cssSelector("#payment-notice a")).click();
        wait.until(ExpectedConditions.urlMatches("/enrolment/policies/" + policy + "$"));
        String amount = driver.findElement(By.id("amount-due")).getText().replace(" USD", "");
        assertThat(driver.findElement(By.id("step-note")).getText()).isEqualTo("待缴费：" + amount + " 美元");
        assertThat(driver.findElement(By.cssSelector(".step.current")).getAttribute("data-step")).isEqualTo("3");
        assertThat(driver.findElement(By.id("due-formula")).getText()).startsWith("年度保费 = 投保金额").contains("× 0.12%",
                "企业自缴 20% = " + amount + " 美元");
        assertThat(driver.findElement(By.id("policy-state")).getText()).isEqualTo("待缴费");
        assertThat(driver.findElements(By.id("payment-form"))).isEmpty(); // only the insurer records it
        assertThat(driver.findElements(By.id("policy-pdf"))).isEmpty();
        journey.shot("payment-enterprise-due");
        journey.signOut();

        journey.signIn("reviewer");
        journey.open("/enrolment/payments");
        assertThat(driver.findElement(By.cssSelector("#payments .amount-due")).getText()).isEqualTo(amount + " USD");
        journey.shot("payment-reviewer-list");
        driver.findElement(By.cssSelector("#payments .payment-open")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-form")));
        setDate("receivedOn", "2024-08-29"); // after today
        journey.fill("amount", "100");
        driver.findElement(By.id("record-payment")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertThat(driver.findElements(By.cssSelector("#form-errors li"))).extracting(e -> e.getAttribute("data-field"))
                .containsExactly("receivedOn", "amount", "reference");
        assertThat(driver.findElement(By.cssSelector("#form-errors li[data-field=amount]")).getText())
                .contains(amount + " 美元");
        assertThat(driver.findElement(By.cssSelector("#form-errors li[data-field=receivedOn]")).getText())
                .contains("不能晚于今天");
        journey.shot("payment-reviewer-errors");
        setDate("receivedOn", "2024-08-20");
        journey.fill("amount", amount);
        journey.fill("reference", "HX20240820-0001");
        driver.findElement(By.id("record-payment")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invoice")));
        assertThat(driver.findElement(By.id("policy-state")).getText()).isEqualTo("生效");
        journey.signOut();

        journey.signIn("ly-legal");
        journey.open("/enrolment/policies/" + policy);
        assertThat(driver.findElement(By.id("invoice-number")).getText()).isEqualTo("FP2024000001");
        assertThat(driver.findElement(By.id("invoice-amount")).getText()).isEqualTo(amount + " USD");
        assertThat(driver.findElement(By.id("cover")).getText()).isEqualTo("2024-09-01 – 2025-08-31");
        assertThat(driver.findElements(By.id("acknowledge"))).hasSize(1);
        journey.shot("payment-enterprise-invoice");
    }

    /** A date input's value as the form sends it (typing into it follows the browser's locale). */
    private void setDate(String id, String isoDate) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), isoDate);
    }

    /** Readies Luoyang's enterprise, applies over the API with the code from its outbox, and has it accepted. */
    private long acceptedLuoyangApplication() {
        App app = server.app();
        User legal = app.domains().accounts().userByName("ly-legal").orElseThrow();
        User staff = app.domains().accounts().userByName("reviewer").orElseThrow();
        Principal p = new Principal(legal.id(), legal.username(), legal.displayName(), legal.role(),
                legal.enterpriseId(), Set.of(), null);
        Seal seal = app.domains().seals().create(p, new Seals.NewSeal("COMPANY", legal.displayName(),
                app.domains().seals().today().toString(), app.domains().seals().today().plusYears(2).toString()));
        Agreement a = app.domains().agreements().sign(p, Input.of(new Agreements.SignRequest(seal.id(), true)));
        app.domains().agreements().countersign(new Principal(staff.id(), staff.username(), staff.displayName(), staff.role(),
                null, Set.of(), null), a.id());
        app.domains().dataAuthorisations().authorise(p, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
        ApiClient admin = ApiClient.signIn(server, "admin", DemoWorld.PASSWORD);
        long list = admin.post("/api/admin/eligible-lists?scheme=henan-2024-medium", ("统一社会信用代码,企业名称,"
                + "上年出口额（美元）,行政区划代码\n914103003T6W9P1H5R,洛阳示例机械制造有限公司,8000000,410300\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").json().get("list").get("id").asLong();
        admin.post("/api/admin/eligible-lists/" + list + "/publication", Map.of("start", "2024-08-06", "end", "2024-08-19"));
        long id = admin.post("/api/admin/eligible-lists/" + list + "/confirmation", "{}").json().get("entries").get(0)
                .get("policyId").asLong();
        ApiClient ly = ApiClient.signIn(server, "ly-legal", DemoWorld.PASSWORD);
        assertThat(ly.post("/api/policies/" + id + "/verification-code", Map.of("contactName", "赵强", "mobile",
                "13912345678", "email", "zhao@example.com")).status()).isEqualTo(201);
        String code = null;
        for (JsonNode n : ly.json("/api/outbox").get("items")) {
            Matcher m = CODE.matcher(n.get("text").asText());
            if (code == null && m.find()) {
                code = m.group(1);
            }
        }
        TestServer.Response applied = ly.post("/api/policies/" + id + "/application", Map.of("contactName", "赵强",
                "mobile", "13912345678", "email", "zhao@example.com", "declaration", true, "code", code));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        ApiClient reviewer = ApiClient.signIn(server, "reviewer", DemoWorld.PASSWORD);
        assertThat(reviewer.post("/api/review/applications/" + applied.json().get("id").asLong() + "/accept", "{}")
                .json().get("state").asText()).isEqualTo("AWAITING_PAYMENT");
        return id;
    }
}
