package cn.creditwindow.app;

import static cn.creditwindow.app.TestServer.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (headless Chromium), as a person uses them: searching, resetting,
 * paging and going back, opening articles and attachments, following a country, switching language,
 * meeting bad input, and a hostile feed item that must show as text and run nothing. The server
 * ingests the bundled {@code feeds/} (129 items, 30+ per module) and the hostile item is pushed to it.
 * Every page is saved as a screenshot at desktop and phone width, and checked to fit a phone screen
 * and to label its form controls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserIT {
    @AutoClose
    private BrowserJourney journey;
    private TestServer server;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path downloads;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        journey = BrowserJourney.start(dir, d -> TestServer.start(d, Path.of("feeds"), null));
        server = journey.server();
        driver = journey.driver();
        wait = journey.waiting();
        downloads = journey.downloads();
        browser = journey.browser();
        byte[] hostile = Files.readAllBytes(TestServer.fixtures("browser").resolve("hostile.xml"));
        TestServer.Response pushed = server.post("/api/feeds?module=trade-news", hostile, "application/rss+xml", TestServer.PUSH);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
    }

    /** Every test starts in Chinese, the default: no language cookie. */
    @BeforeEach
    void forgetLanguage() {
        driver.get(server.base() + "/assets/site.css");
        driver.manage().deleteAllCookies();
    }

    @Test
    void homeListsTheNewestRiskInformationAndLeadsToTheQueryPage() {
        open("/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.className("brand-name")).getText()).isEqualTo("出口信用单一窗口");
        assertThat(driver.findElement(By.cssSelector(".sidenav")).getText())
                .contains("系统首页", "风险资讯", "签约管理", "投保服务", "索赔服务", "资信服务");
        List<WebElement> newest = driver.findElements(By.cssSelector(".home-newest .hit"));
        assertThat(newest).hasSize(10);
        assertThat(newest.get(0).findElement(By.className("hit-module")).getText()).isNotBlank();
        assertThat(newest.get(0).findElement(By.tagName("time")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        page("home");

        driver.findElement(By.cssSelector(".home-newest")).findElement(By.linkText("更多")).click();
        wait.until(ExpectedConditions.urlToBe(server.base() + "/search"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("风险预警信息查询");
    }

    @Test
    void searchByKeywordAndCountryThenReset() {
        open("/search");
        page("search");
        assertThat(panels()).hasSize(4).allSatisfy(p -> assertThat(hits(p)).hasSize(5));

        field("国家/地区").sendKeys("美国");
        WebElement keywords = field("关键字");
        keywords.sendKeys("关税");
        keywords.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(query()).containsEntry("q", "关税").containsEntry("country", "美国");
        List<WebElement> titles = driver.findElements(By.cssSelector(".panel .hit-title"));
        assertThat(titles).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getText()).containsAnyOf("关税", "關稅"));
        assertThat(driver.findElements(By.cssSelector(".panel .hit-title em")))
                .isNotEmpty().allSatisfy(em -> assertThat(em.getText()).isIn("关税", "關稅"));
        // The manual: a module without matches shows nothing.
        assertThat(panels()).hasSize(4).anySatisfy(p -> assertThat(hits(p)).isEmpty());
        assertThat(panels()).allSatisfy(p -> assertThat(hits(p)).hasSizeLessThanOrEqualTo(5));
        assertThat(field("国家/地区").getAttribute("value")).isEqualTo("美国");
        assertThat(field("关键字").getAttribute("value")).isEqualTo("关税");
        page("search-keyword-country");

        driver.findElement(By.linkText("重置")).click();
        wait.until(ExpectedConditions.urlToBe(server.base() + "/search"));
        assertThat(field("国家/地区").getAttribute("value")).isEmpty();
        assertThat(field("关键字").getAttribute("value")).isEmpty();
        assertThat(panels()).allSatisfy(p -> assertThat(hits(p)).hasSize(5));
    }

    @Test
    void moreThenPageTwoThenBackRestoresThePageAndItsQuery() {
        open("/search?industry=" + enc("制造业"));
        WebElement panel = driver.findElement(By.cssSelector(".panel[data-module='country-alert']"));
        panel.findElement(By.linkText("更多")).click();
        wait.until(ExpectedConditions.urlContains("/search/country-alert"));
        assertThat(query()).containsEntry("industry", "制造业");
        assertThat(field("行业").getAttribute("value")).isEqualTo("制造业");
        String firstPage = driver.getCurrentUrl();
        List<String> firstTitles = titles();
        assertThat(firstTitles).hasSize(15);
        assertThat(driver.findElement(By.className("result-summary")).getText()).contains("共", "第 1–15 条");
        page("module-list");

        driver.findElement(By.cssSelector(".pager")).findElement(By.linkText("2")).click();
        wait.until(ExpectedConditions.urlContains("page=2"));
        assertThat(query()).containsEntry("industry", "制造业").containsEntry("page", "2");
        assertThat(titles()).isNotEmpty().doesNotContainAnyElementsOf(firstTitles);
        assertThat(driver.findElement(By.cssSelector(".pager .current")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.linkText("上一页")).getAttribute("href")).isEqualTo(firstPage);
        page("module-list-page-2");

        driver.navigate().back();
        wait.until(ExpectedConditions.urlToBe(firstPage));
        assertThat(titles()).isEqualTo(firstTitles);
        assertThat(field("行业").getAttribute("value")).isEqualTo("制造业");

        driver.navigate().back();
        wait.until(ExpectedConditions.urlContains("/search?industry="));
        assertThat(field("行业").getAttribute("value")).isEqualTo("制造业");
    }

    @Test
    void anArticleShowsItsDetailsAndItsCountryLinksFilter() {
        open("/search?country=" + enc("阿联酋"));
        WebElement first = driver.findElement(By.cssSelector(".panel .hit-title"));
        String title = first.getText();
        first.click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.className("article-meta")).getText()).contains("栏目", "发布时间");
        assertThat(driver.findElement(By.className("article-body")).getText()).isNotBlank();
        page("article");

        driver.findElement(By.cssSelector(".article-tags")).findElement(By.linkText("阿联酋")).click();
        wait.until(ExpectedConditions.urlContains("/search?country=AE"));
        assertThat(field("国家/地区").getAttribute("value")).isEqualTo("阿联酋");
        assertThat(driver.findElements(By.cssSelector(".panel .hit-title"))).extracting(WebElement::getText)
                .contains(title);
    }

    @Test
    void attachmentsOpenInANewTabOrDownload() {
        open("/search/industry-alert");
        WebElement withAttachment = driver.findElements(By.cssSelector(".hit")).stream()
                .filter(h -> !h.findElements(By.className("tag")).isEmpty()).findFirst().orElseThrow();
        withAttachment.findElement(By.className("hit-title")).click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        List<WebElement> links = driver.findElements(By.className("attachment-link"));
        assertThat(links).extracting(WebElement::getText)
                .anySatisfy(name -> assertThat(name).endsWith(".pdf"))
                .anySatisfy(name -> assertThat(name).endsWith(".csv"));
        page("article-attachments");

        String article = driver.getWindowHandle();
        for (WebElement link : links) {
            String name = link.getText();
            assertThat(server.get(URI.create(link.getAttribute("href")).getPath()).status()).isEqualTo(200);
            link.click();
            if (name.endsWith(".pdf")) {
                // Chromium shows a PDF in place, in the new tab the link asks for.
                wait.until(d -> browser.windows().size() == 2);
                driver.switchTo().window(browser.windows().stream().filter(w -> !w.equals(article)).findFirst()
                        .orElseThrow());
                wait.until(d -> d.getCurrentUrl().contains("/attachments/"));
                driver.close();
                driver.switchTo().window(article);
            } else {
                // A CSV is something to save: Chromium downloads it, under its own name.
                Path file = downloads.resolve(name);
                wait.until(d -> Files.exists(file));
                wait.until(d -> sizeOf(file) > 0);
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aHostileFeedItemIsShownAsTextAndRunsNothing() {
        open("/search?q=" + enc("汇率风险提示"));
        WebElement hit = driver.findElement(By.cssSelector(".panel[data-module='trade-news'] .hit-title"));
        assertThat(hit.getText()).startsWith("<script>window.__xss='title'</script><img id=\"xss-title\"");
        assertNothingRan();
        hit.click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("<script>window.__xss='title'</script><img id=\"xss-title\" src=x "
                        + "onerror=\"window.__xss='title-img';alert('title')\">汇率风险提示");
        assertThat(driver.findElement(By.className("article-meta")).getText()).contains("<img id=\"xss-source\"");
        assertThat(driver.findElement(By.className("article-body")).getText()).contains("正文第一段", "正文第二段");
        assertNothingRan();
        page("article-hostile");

        // A payload in the query comes back as the input's value, nothing else.
        String payload = "<img src=x onerror=\"window.__xss='q'\">";
        open("/search?q=" + enc(payload));
        assertThat(field("关键字").getAttribute("value")).isEqualTo(payload);
        assertNothingRan();
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    }

    @Test
    void theLanguageSwitchesAndIsRemembered() {
        open("/search?q=" + enc("光伏"));
        driver.findElement(By.linkText("English")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(query()).containsEntry("q", "光伏");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Risk alert search");
        assertThat(driver.findElement(By.className("brand-name")).getText()).isEqualTo("Export Credit Window");
        assertThat(field("Country/region")).isNotNull();
        assertThat(driver.findElements(By.cssSelector(".panel h2"))).extracting(WebElement::getText)
                .contains("Key industry risk alerts");
        page("search-en");

        open("/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        page("home-en");
        driver.findElement(By.linkText("中文")).click();
        wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("欢迎使用出口信用单一窗口");
    }

    @Test
    void badInputIsExplainedOnAProperPage() {
        open("/search/nope");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        assertThat(driver.findElement(By.className("error-message")).getText()).contains("nope", "国别信息预警");
        page("error-unknown-module");

        open("/search/country-alert?page=abc&q=" + enc("关税"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("查询条件有误");
        assertThat(driver.findElement(By.cssSelector(".field-errors [data-field='page']")).getText())
                .contains("页码", "abc");

        open("/search?country=Atlantis&q=" + enc("关税"));
        assertThat(driver.findElement(By.cssSelector(".field-errors")).getText()).contains("国家/地区", "Atlantis");
        page("error-unknown-country");
        driver.findElement(By.linkText("去掉有误的条件重新查询")).click();
        wait.until(ExpectedConditions.urlToBe(server.base() + "/search?q=" + enc("关税")));
        assertThat(field("关键字").getAttribute("value")).isEqualTo("关税");

        open("/search?country=Atlantis&lang=en");
        assertThat(driver.findElement(By.cssSelector(".field-errors")).getText())
                .contains("Country/region", "unknown country", "Atlantis");

        open("/articles/0000000000000000deadbeef?lang=zh");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        assertThat(driver.findElement(By.className("error-message")).getText()).contains("文章不存在");
        page("error-unknown-article");
    }

    @Test
    void aSearchWithoutMatchesSaysSoAndOffersToDropACondition() {
        open("/search?q=" + enc("关税") + "&country=" + enc("冰岛"));
        assertThat(driver.findElement(By.className("empty-state")).getText()).contains("没有找到匹配的风险信息");
        page("search-empty");
        driver.findElement(By.partialLinkText("去掉国家/地区")).click();
        wait.until(ExpectedConditions.urlToBe(server.base() + "/search?q=" + enc("关税")));
        assertThat(driver.findElements(By.cssSelector(".panel .hit"))).isNotEmpty();
    }

    @Test
    void creditServicesAskWhoIsOrdering() {
        // the order form needs an enterprise or account manager: nobody signed in is asked to sign in first
        // (the whole order journey is CreditBrowserIT's)
        open("/search");
        WebElement button = driver.findElement(By.id("credit-services"));
        assertThat(button.getText()).isEqualTo("资信服务");
        button.click();
        wait.until(ExpectedConditions.urlContains("/login?next="));
        assertThat(driver.getCurrentUrl()).contains(enc("/credit/order"));
        page("credit-sign-in");
    }

    @Test
    void theQueryPageWorksFromTheKeyboard() {
        open("/search");
        Actions keys = new Actions(driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getText()).isEqualTo("跳到正文");
        assertThat(active().getCssValue("outline-style")).isNotEqualTo("none");
        keys.sendKeys(Keys.ENTER).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getAttribute("id")).isEqualTo("f-country");
        assertThat(active().getCssValue("outline-style")).isNotEqualTo("none");
        keys.sendKeys("阿联酋").sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertThat(active().getAttribute("id")).isEqualTo("f-q");
        keys.sendKeys("迪拜").sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(query()).containsEntry("country", "阿联酋").containsEntry("q", "迪拜");
        assertThat(driver.findElements(By.cssSelector(".panel .hit-title em"))).isNotEmpty();
    }

    // ---- helpers

    private void open(String pathAndQuery) {
        driver.get(server.base() + pathAndQuery);
    }

    /**
     * Saves the page at desktop and phone width and checks what every page must do: fit a phone screen
     * without sideways scrolling, and label every form control.
     */
    private void page(String name) {
        int phoneWidth = browser.screenshot(name);
        assertThat(phoneWidth).as("%s is wider than a phone screen", name).isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) js().executeScript("""
                return [...document.querySelectorAll('input, select, textarea, button')]
                    .filter(e => e.type !== 'hidden')
                    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                                 && !(e.tagName === 'BUTTON' && e.textContent.trim()))
                    .map(e => e.outerHTML);""");
        assertThat(unlabelled).as("form controls without a label on %s", name).isEmpty();
    }

    /** The input whose {@code <label>} reads {@code label}. */
    private WebElement field(String label) {
        WebElement l = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return driver.findElement(By.id(l.getAttribute("for")));
    }

    private List<WebElement> panels() {
        return driver.findElements(By.cssSelector("section.panel[data-module]"));
    }

    private static List<WebElement> hits(WebElement panel) {
        return panel.findElements(By.className("hit"));
    }

    private List<String> titles() {
        return driver.findElements(By.cssSelector(".hit-title")).stream().map(WebElement::getText).toList();
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** The current URL's query, decoded. */
    private Map<String, String> query() {
        String raw = URI.create(driver.getCurrentUrl()).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private JavascriptExecutor js() {
        return driver;
    }

    /** No dialog is open, no payload set its flag, no injected element or script-carrying attribute exists. */
    private void assertNothingRan() {
        WebDriver.TargetLocator to = driver.switchTo();
        assertThatThrownBy(to::alert).isInstanceOf(NoAlertPresentException.class);
        assertThat(js().executeScript("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector(
                "script, iframe, object, embed, svg, style, #xss-title, #xss-source, #xss-body"))).isEmpty();
        Object risky = js().executeScript("""
                return [...document.querySelectorAll('*')].filter(e =>
                    [...e.attributes].some(a => a.name.startsWith('on')
                        || /^\\s*javascript:/i.test(a.value))).map(e => e.outerHTML);""");
        assertThat((List<?>) risky).isEmpty();
    }
}
