package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.PdfText;
import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A claim in Chromium from the policy list to payout (manual 4.1, 4.2; seed 000 case 1). The reviewer uploads the
 * credit enterprise's customs declarations and bills of lading on the customs page; the enterprise (szt-legal) opens
 * /claims, makes a claim on its policy, fills the form, downloads the shipment template and imports two shipments
 * through the page's file input; the declaration check shows ✓ for its own declaration and ✗ for a mistyped one,
 * which it fixes on the shipment's edit page; it generates the shipment data report (its PDF read back in Chinese),
 * ticks the declaration and submits. The reviewer returns it with a reason; the enterprise sees the reason and its
 * account manager, edits the claim and resubmits (the history shows both submissions); the reviewer accepts (due
 * date shown) and pays: a 440,000 USD loss pays the 150,000 USD per-buyer limit. Every page is saved as a screenshot
 * at desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsBrowserIT {
    static final String OWN = "530120240000000501";
    static final String SECOND = "530120240000000502";
    static final String MISTYPED = "530120240000000599";

    private Path dir;
    private Path downloads;
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String coverStart;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
        journey = BrowserJourney.start(dir, d -> TestServer.start(d,
                null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z"))), Duration.ofSeconds(15));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        downloads = journey.downloads();
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        coverStart = ApiClient.demo(server, "szt-legal").json("/api/claims/policies").get("items").get(0)
                .get("policy").get("coverStart").asText();
    }

    @Test
    void fromThePolicyListToPayout() throws IOException {
        uploadCustomsData();

        // the enterprise: the policy list, 我要索赔, the form
        journey.signIn("szt-legal");
        journey.open("/claims");
        journey.shot("claims-policies");
        driver.findElement(By.cssSelector("a.new-claim")).click();
        wait.until(ExpectedConditions.urlMatches("/claims/policies/\\d+/new$"));
        long gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        journey.fill("buyerId", Long.toString(gulf));
        for (String q : List.of("DISPUTE", "DEBT_ACKNOWLEDGED", "FINANCING")) {
            driver.findElement(By.cssSelector("input[name='answer." + q + "'][value=no]")).click();
        }
        driver.findElement(By.cssSelector("input[name='answer.REPORTED_LOSS'][value=yes]")).click();
        new Select(driver.findElement(By.id("lossCause"))).selectByValue("DEFAULT");
        journey.fill("reason", "买方收货后以资金紧张为由长期拖欠货款，经多次催收仍未付款");
        journey.fill("caseDescription", "我司向买方出运智能手机及笔记本电脑各一批，买方收货后至今未支付任何款项");
        journey.fill("mitigation", "已委托律师催收");
        journey.shot("claims-form");
        driver.findElement(By.id("save-claim")).click();
        wait.until(ExpectedConditions.urlMatches("/claims/\\d+$"));
        String claimUrl = driver.getCurrentUrl();
        String claimPath = claimUrl.substring(server.base().length());
        assertThat(driver.findElement(By.id("claim-state")).getText()).isEqualTo("草稿");

        // the template, downloaded; two shipments imported through the page's file input, one number mistyped
        driver.findElement(By.id("template-csv")).click();
        Path template = downloads.resolve("shipments-template.csv");
        wait.until(d -> Files.exists(template) && size(template) > 0);
        String header = Files.readString(template, StandardCharsets.UTF_8);
        assertThat(header).contains("发票号 Invoice no.");
        Path filled = dir.resolve("shipments.csv");
        Files.writeString(filled, header
                + "GS-2023-001,85171200," + coverStart + ",OA,90,440000,440000,NONE,SEA," + OWN + ",\n"
                + "GS-2023-002,84713000," + coverStart + ",OA,90,20000,20000,NONE,SEA," + MISTYPED + ",\n",
                StandardCharsets.UTF_8);
        driver.findElement(By.id("import-file")).sendKeys(filled.toAbsolutePath().toString());
        driver.findElement(By.id("import-shipments")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#shipments tbody tr"), 2));

        // 申报单证检查: ✓ for its own declaration, ✗ for the mistyped one (open, since it blocks)
        WebElement check = driver.findElement(By.id("declaration-check"));
        assertThat(check.getAttribute("open")).isNotNull();
        assertThat(result(OWN)).isEqualTo("✓ 数据正常");
        assertThat(result(MISTYPED)).isEqualTo("✗ 未查询到符合条件的数据");
        assertThat(driver.findElement(By.id("check-blocking")).getText()).contains("修改后才能提交");
        assertThat(driver.findElement(By.id("report-status")).getAttribute("data-state")).isEqualTo("none");
        journey.shot("claims-check-mistyped");

        // fix it on the shipment's edit page
        driver.findElements(By.cssSelector("#shipments tbody tr")).stream()
                .filter(r -> r.getText().contains("GS-2023-002")).findFirst().orElseThrow()
                .findElement(By.cssSelector("a.edit-shipment")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("shipment-edit-form")));
        assertThat(driver.findElement(By.id("s-declarations")).getAttribute("value")).isEqualTo(MISTYPED);
        journey.shot("claims-shipment-edit");
        journey.fill("s-declarations", SECOND);
        driver.findElement(By.id("save-shipment")).click();
        wait.until(ExpectedConditions.urlToBe(claimUrl));
        driver.findElement(By.id("check-declarations")).click(); // the summary opens the check
        assertThat(result(OWN)).isEqualTo("✓ 数据正常");
        assertThat(result(SECOND)).isEqualTo("✓ 数据正常");
        assertThat(driver.findElement(By.id("check-clear")).getText()).isEqualTo("单证数据正常。");

        // the shipment data report: generated, its PDF read back
        driver.findElement(By.id("generate-report")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("report-status"), "data-state", "current"));
        String pdfPath = java.net.URI.create(driver.findElement(By.id("report-pdf")).getAttribute("href")).getPath();
        TestServer.Response pdf = ApiClient.demo(server, "szt-legal").get(pdfPath);
        assertThat(pdf.status()).isEqualTo(200);
        String text = PdfText.of(pdf.raw().body()).replaceAll("\\s+", "");
        assertThat(text).contains("信用保险索赔出运数据报告", "GS-2023-001", OWN, "GS-2023-002", SECOND, "智能手机",
                "笔记本电脑", "COSCOSHIPPINGARIES").doesNotContain(MISTYPED);
        journey.shot("claims-report-generated");

        // tick the declaration and submit
        driver.findElement(By.id("declaration")).click();
        driver.findElement(By.id("submit-claim")).click();
        wait.until(ExpectedConditions.textToBe(By.id("claim-state"), "已提交"));
        assertThat(driver.findElements(By.id("shipment-form"))).isEmpty();
        journey.shot("claims-submitted");
        journey.signOut();

        // the reviewer sees the check and returns the claim with a reason
        journey.signIn("reviewer");
        journey.open("/claims/review");
        driver.findElement(By.cssSelector("#claims-queue a[href='" + claimPath + "']")).click();
        wait.until(ExpectedConditions.urlToBe(claimUrl));
        assertThat(driver.findElement(By.id("declaration-check")).getAttribute("open")).isNotNull();
        assertThat(result(SECOND)).isEqualTo("✓ 数据正常");
        journey.shot("claims-review");
        journey.fill("return-reason", "请补充减损措施的进展");
        driver.findElement(By.id("return-claim")).click();
        wait.until(ExpectedConditions.textToBe(By.id("claim-state"), "已退回"));
        journey.signOut();

        // the enterprise sees the reason and its account manager, edits the claim and resubmits
        journey.signIn("szt-legal");
        driver.get(claimUrl);
        assertThat(driver.findElement(By.id("history")).getText()).contains("请补充减损措施的进展");
        assertThat(driver.findElement(By.id("review-receipt")).getText()).contains("客户经理");
        assertThat(driver.findElements(By.cssSelector("#review-receipt .manager"))).isNotEmpty();
        journey.shot("claims-returned");
        driver.findElement(By.id("edit-claim")).click();
        wait.until(ExpectedConditions.urlToBe(claimUrl + "/edit"));
        assertThat(driver.findElement(By.id("mitigation")).getAttribute("value")).isEqualTo("已委托律师催收");
        assertThat(driver.findElement(By.cssSelector("input[name='answer.REPORTED_LOSS'][value=yes]")).isSelected())
                .isTrue();
        journey.fill("mitigation", "已委托律师催收，律师函已于二〇二四年五月送达买方");
        journey.shot("claims-edit");
        driver.findElement(By.id("save-claim")).click();
        wait.until(ExpectedConditions.urlToBe(claimUrl));
        assertThat(driver.findElement(By.id("claim-facts")).getText()).contains("律师函已于二〇二四年五月送达买方");
        assertThat(driver.findElement(By.id("report-status")).getAttribute("data-state")).isEqualTo("current");
        driver.findElement(By.id("declaration")).click();
        driver.findElement(By.id("submit-claim")).click();
        wait.until(ExpectedConditions.textToBe(By.id("claim-state"), "已提交"));
        assertThat(events()).containsExactly("提交", "退回", "提交");
        journey.signOut();

        // the reviewer accepts (15 working days) and pays seed 000 case 1
        journey.signIn("reviewer");
        driver.get(claimUrl);
        driver.findElement(By.id("accept-claim")).click();
        wait.until(ExpectedConditions.textToBe(By.id("claim-state"), "已受理"));
        assertThat(driver.findElement(By.id("claim-due")).getText()).isEqualTo("2024-07-08");
        // #14: the payout panel beside the form; 试算 shows the payout before 定损赔付
        assertThat(driver.findElement(By.id("payout-ratio")).getText()).isEqualTo("80%");
        assertThat(driver.findElement(By.cssSelector("#payout-buyer .left")).getText()).isEqualTo("150,000.00");
        assertThat(driver.findElement(By.cssSelector("#payout-aggregate .limit")).getText()).isEqualTo("以保单为准（未填写）");
        journey.fill("loss", "44O000");
        driver.findElement(By.id("preview-payout")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loss-error"))).getText())
                .contains("损失金额应为大于 0 的美元金额");
        journey.shot("claims-payout-preview-error");
        journey.fill("loss", "440000");
        driver.findElement(By.id("preview-payout")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payout-computed"))).getText())
                .isEqualTo("150,000.00");
        assertThat(driver.findElement(By.id("payout-indemnity")).getText()).isEqualTo("352,000.00");
        assertThat(driver.findElement(By.id("loss")).getAttribute("value")).isEqualTo("440000");
        assertThat(driver.findElement(By.id("claim-state")).getText()).isEqualTo("已受理");
        journey.shot("claims-accepted");
        driver.findElement(By.id("pay-claim")).click();
        wait.until(ExpectedConditions.textToBe(By.id("claim-state"), "已赔付"));
        assertThat(driver.findElement(By.id("claim-payout")).getText()).isEqualTo("150,000.00");
        journey.signOut();

        journey.signIn("szt-legal");
        driver.get(claimUrl);
        assertThat(driver.findElement(By.id("claim-payout")).getText()).isEqualTo("150,000.00");
        assertThat(events()).containsExactly("提交", "退回", "提交", "受理", "赔付");
        journey.shot("claims-paid");
        journey.open("/customs/declarations");
        assertThat(driver.findElement(By.id("declarations")).getText()).contains(OWN, SECOND);
        journey.shot("customs-declarations");
    }

    /** The reviewer uploads the credit enterprise's declarations and bills of lading on the customs page. */
    private void uploadCustomsData() throws IOException {
        journey.signIn("reviewer");
        journey.open("/claims");
        driver.findElement(By.id("customs-import")).click();
        wait.until(ExpectedConditions.urlContains("/customs/import"));
        String uscc = DemoWorld.CREDIT_ENTERPRISE.uscc();
        Path declarations = dir.resolve("declarations.csv");
        Files.writeString(declarations, "number,consignor_uscc,bill_of_lading_no,trade_country,export_date,exit_office,"
                + "transport_mode,hs_code,goods_name,quantity,unit,unit_price,total,currency\n"
                + OWN + "," + uscc + ",COSU6240000501,AE," + coverStart + ",5301,2,8517120000,智能手机,2000,台,220.00,"
                + "440000.00,USD\n"
                + SECOND + "," + uscc + ",COSU6240000502,AE," + coverStart + ",5301,2,8471300000,笔记本电脑,50,台,400.00,"
                + "20000.00,USD\n", StandardCharsets.UTF_8);
        upload("declarations", declarations, "出口报关单：新增 2 条，更新 0 条。");
        journey.shot("customs-import");
        Path bills = dir.resolve("bills.csv");
        Files.writeString(bills, "number,consignor_uscc,vessel,voyage,shipper,consignee,date\n"
                + "COSU6240000501," + uscc + ",COSCO SHIPPING ARIES,024W,Shenzhen Trading,Gulf Star General Trading LLC,"
                + coverStart + "\n"
                + "COSU6240000502," + uscc + ",COSCO SHIPPING ARIES,024W,Shenzhen Trading,Gulf Star General Trading LLC,"
                + coverStart + "\n", StandardCharsets.UTF_8);
        upload("bills-of-lading", bills, "提运单：新增 2 条，更新 0 条。");
        journey.signOut();
    }

    /** Uploads a customs CSV on the staff's page; waits for this upload's confirmation (the page keeps the last). */
    private void upload(String kind, Path file, String done) {
        new Select(driver.findElement(By.id("kind"))).selectByValue(kind);
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("customs-import-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("done"), done));
    }

    private String result(String number) {
        return driver.findElement(By.cssSelector("#check-declaration-table tr[data-number='" + number
                + "'] .check-result")).getText();
    }

    private List<String> events() {
        return driver.findElements(By.cssSelector("#history .event-kind")).stream().map(WebElement::getText).toList();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

}
