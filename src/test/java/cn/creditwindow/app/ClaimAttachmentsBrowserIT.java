package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
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
 * A claim's attachments in Chromium: the credit enterprise's legal representative picks a small PDF in the claim
 * page's file input, sees it listed with its size, and its download link saves the same bytes under its Chinese
 * name; then deletes it. Screenshots at desktop and phone width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimAttachmentsBrowserIT {
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path downloads;
    private Path dir;
    private long claim;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
        journey = BrowserJourney.start(dir, d -> TestServer.start(d,
                null, null, new TestClock(Instant.parse("2024-06-17T01:00:00Z"))));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        downloads = journey.downloads();
        DemoWorld world = DemoWorld.create(server.app());
        world.effectiveCreditPolicy(server.app(), Config.CHINA);
        ApiClient legal = ApiClient.demo(server, "szt-legal");
        long policy = legal.json("/api/claims/policies").get("items").get(0).get("policy").get("id").asLong();
        long gulf = server.app().database().read(tx -> tx.number(
                "SELECT id FROM buyers WHERE name_en = 'Gulf Star General Trading LLC'"));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("buyerId", gulf);
        f.put("answers", Map.of("DISPUTE", false, "REPORTED_LOSS", true, "DEBT_ACKNOWLEDGED", false, "FINANCING", false));
        f.put("lossCause", "DEFAULT");
        f.put("reason", ClaimsApiIT.REASON);
        f.put("caseDescription", ClaimsApiIT.STORY);
        claim = legal.post("/api/claims/policies/" + policy + "/claims", f).json().get("id").asLong();
    }

    @Test
    void aPdfPickedInTheFileInputIsListedAndDownloadsUnchanged() throws IOException {
        byte[] pdf = onePagePdf();
        Path file = Files.write(Files.createDirectories(dir.resolve("upload")).resolve("损失证明.pdf"), pdf);
        signIn("szt-legal");
        driver.get(server.base() + "/claims/" + claim);
        assertThat(driver.findElement(By.id("no-attachments")).getText()).isEqualTo("未查询到数据");
        assertThat(driver.findElement(By.id("attachment-advice")).getText()).contains("单个附件不超过 4 MB",
                "全部附件不超过 40 MB");
        journey.shot("claim-attachments-empty");

        driver.findElement(By.id("attachment-remark")).sendKeys("律师函及催收记录");
        driver.findElement(By.id("attachment-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("upload-attachment")).click();
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.className("attachment-download")));
        assertThat(link.getText()).isEqualTo("损失证明.pdf");
        String row = driver.findElement(By.cssSelector("#attachment-list tbody tr")).getText();
        assertThat(row).contains("PDF", "律师函及催收记录", shown(pdf.length));
        assertThat(driver.findElement(By.id("attachments-total")).getText()).contains("共 1 个附件");
        journey.shot("claim-attachments-one");

        link.click();
        Path saved = downloads.resolve("损失证明.pdf");
        wait.until(d -> Files.exists(saved) && size(saved) == pdf.length);
        assertThat(Files.readAllBytes(saved)).isEqualTo(pdf);

        driver.findElement(By.className("delete-attachment")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-attachments")));
        assertThat(driver.findElements(By.className("attachment-download"))).isEmpty();
    }

    /** A real one-page PDF, made with PDFBox. */
    private static byte[] onePagePdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A size as the page shows it: bytes below 1 KB, else KB with one decimal (no ".0"). */
    private static String shown(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String kb = String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0);
        return (kb.endsWith(".0") ? kb.substring(0, kb.length() - 2) : kb) + " KB";
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private void signIn(String username) {
        driver.get(server.base() + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoWorld.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

}
