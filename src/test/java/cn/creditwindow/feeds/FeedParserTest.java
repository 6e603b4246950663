package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.search.Attachment;
import cn.creditwindow.feeds.ParsedFeed.Format;
import cn.creditwindow.feeds.ParsedFeed.Rejected;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** {@link FeedParser} on the small fixtures in {@code src/test/resources/feeds/}. */
class FeedParserTest {

    private static final URI POSTED = URI.create("http://upload.credit-window.local/posted/1");

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRssItemsWithTagsSourcesAndAttachments() throws Exception {
        URI base = fixture("rss-risk-alerts.xml");
        ParsedFeed feed = parse("rss-risk-alerts.xml");

        assertThat(feed.format()).isEqualTo(Format.RSS);
        assertThat(feed.title()).isEqualTo("国别风险预警 - 出口信用之窗");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly(
                "土耳其：里拉大幅贬值，出口企业注意收汇风险",
                "越南：光伏组件反倾销调查进入终裁阶段",
                "中东欧 贸易 & 投资 周报");
        assertThat(feed.rejected()).containsExactly(new Rejected(3, "alert-no-title", "missing title"));

        FeedItem turkey = feed.items().get(0);
        assertThat(turkey.guid()).isEqualTo("alert-2024-0512-tr");
        assertThat(turkey.link()).isEqualTo("https://www.example.cn/alerts/2024/tr-lira.html");
        assertThat(turkey.publishedAt()).isEqualTo(Instant.parse("2024-05-12T02:00:00Z"));
        assertThat(turkey.source()).isEqualTo("中国出口信用保险公司 资信评估中心");
        assertThat(turkey.countryTags()).containsExactly("TR", "土耳其");
        assertThat(turkey.industryTags()).containsExactly("C38", "C39");
        assertThat(turkey.bodyHtml()).contains("建议对土出口企业缩短信用期限").doesNotContain("里拉贬值摘要");
        assertThat(turkey.attachments()).containsExactly(
                new Attachment("tr-lira-2024.pdf", base.resolve("attachments/tr-lira-2024.pdf").toString(),
                        "application/pdf", 482133),
                new Attachment("买方清单.xlsx", "https://www.example.cn/files/买方清单.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", -1));
        assertThat(turkey.attachments().get(0).url()).startsWith("file:");

        FeedItem vietnam = feed.items().get(1);
        assertThat(vietnam.link()).isEqualTo(base.resolve("alerts/2024/vn-pv.html").toString());
        assertThat(vietnam.publishedAt()).isEqualTo(Instant.parse("2024-05-10T02:30:00Z"));
        assertThat(vietnam.source()).isEqualTo("商务部贸易救济调查局");
        assertThat(vietnam.countryTags()).containsExactly("VN");
        assertThat(vietnam.industryTags()).containsExactly("C3825");
        assertThat(vietnam.bodyHtml()).isEqualTo("<p>越南工贸部将于6月公布终裁结果，涉案企业应<b>及时应诉</b>。</p>");
        assertThat(vietnam.attachments()).containsExactly(new Attachment("pv-ruling.docx",
                "https://files.example.cn/vn/pv-ruling.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", -1));

        FeedItem weekly = feed.items().get(2);
        assertThat(weekly.link()).isEqualTo("https://www.example.cn/weekly/19");
        assertThat(weekly.source()).isEqualTo("商务部");
        assertThat(weekly.publishedAt()).isEqualTo(Instant.parse("2024-05-13T16:00:00Z"));
        assertThat(weekly.countryTags()).isEmpty();
    }

    @Test
    void fallsBackToTheChannelTitleAsSource() {
        String rss = "<rss version=\"2.0\"><channel><title>一带一路专报</title>"
                + "<item><title>中老铁路货运量创新高</title></item></channel></rss>";

        FeedItem item = parser.parse(rss.getBytes(StandardCharsets.UTF_8), POSTED).items().get(0);

        assertThat(item.source()).isEqualTo("一带一路专报");
        assertThat(item.publishedAt()).isNull();
        assertThat(item.bodyHtml()).isEmpty();
        assertThat(item.link()).isEmpty();
    }

    @Test
    void readsRss1Rdf() throws Exception {
        ParsedFeed feed = parse("rdf-rss1.xml");

        assertThat(feed.format()).isEqualTo(Format.RDF);
        assertThat(feed.title()).isEqualTo("一带一路专报");
        assertThat(feed.items()).extracting(FeedItem::title, FeedItem::publishedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("哈萨克斯坦：中欧班列过境量同比增长", Instant.parse("2024-05-08T03:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("印度尼西亚：镍矿出口政策调整", Instant.parse("2024-05-06T16:00:00Z")));
        assertThat(feed.items().get(1).bodyHtml()).isEqualTo("印尼拟提高镍矿特许权使用费。");
    }

    @Test
    void readsAtomEntriesWithCategoriesEnclosuresAndXmlBase() throws Exception {
        ParsedFeed feed = parse("atom-industry-alerts.xml");

        assertThat(feed.format()).isEqualTo(Format.ATOM);
        assertThat(feed.title()).isEqualTo("重点行业风险预警 周报");
        assertThat(feed.rejected()).isEmpty();
        assertThat(feed.items()).hasSize(3);

        FeedItem pv = feed.items().get(0);
        assertThat(pv.title()).isEqualTo("光伏：欧盟碳边境调节机制过渡期申报提醒");
        assertThat(pv.guid()).isEqualTo("urn:uuid:1b1c7e52-3f0a-4c1e-9d1a-6f3b2f1d0a01");
        assertThat(pv.link()).isEqualTo("https://alerts.example.cn/industry/2024/cbam-pv.html");
        assertThat(pv.publishedAt()).isEqualTo(Instant.parse("2024-05-12T02:00:00Z"));
        assertThat(pv.source()).isEqualTo("行业研究部");
        assertThat(pv.countryTags()).containsExactly("DE", "FR");
        assertThat(pv.industryTags()).containsExactly("C3825");
        assertThat(pv.bodyHtml()).contains("<p>自2023年10月1日起，对欧出口光伏组件的企业需按季度申报隐含碳排放。</p>");
        assertThat(pv.attachments()).containsExactly(
                new Attachment("CBAM 申报指南", "https://alerts.example.cn/files/cbam-guide.pdf", "application/pdf", 20480),
                new Attachment("申报模板", "https://alerts.example.cn/industry/docs/cbam-template.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", -1));

        FeedItem textile = feed.items().get(1);
        assertThat(textile.link()).isEqualTo("https://alerts.example.cn/industry/2024/textile-301.html");
        assertThat(textile.publishedAt()).isEqualTo(Instant.parse("2024-05-11T12:30:00Z"));
        assertThat(textile.source()).isEqualTo("纺织行业分析组");
        assertThat(textile.industryTags()).containsExactly("C18");
        assertThat(textile.bodyHtml())
                .isEqualTo("<p>美国贸易代表办公室 &lt;宣布&gt; 对部分纺织品加征关税。</p><p>企业应评估订单成本。</p>");

        FeedItem russia = feed.items().get(2);
        assertThat(russia.title()).isEqualTo("机电：俄罗斯进口认证新规");
        assertThat(russia.publishedAt()).isEqualTo(Instant.parse("2024-05-08T16:00:00Z"));
        assertThat(russia.source()).isEqualTo("行业研究部");
        assertThat(russia.countryTags()).containsExactly("RU");
        assertThat(russia.bodyHtml()).isEqualTo("<p><img src=\"https://www.example.org/ru/eac.png\" alt=\"EAC\">"
                + "出口俄罗斯的机电产品须取得 EAC 认证。</p>");
    }

    @Test
    void decodesAGbkFeedThatSaysSo() throws Exception {
        assertThat(ContentDecoder.isUtf8(bytes("rss-gbk.xml"))).as("the fixture really is GBK").isFalse();

        ParsedFeed feed = parse("rss-gbk.xml");

        assertThat(feed.title()).isEqualTo("国际贸易和投资要闻");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly(
                "海关总署：前４个月我国货物贸易进出口总值同比增长５．７％", "东盟继续保持我国第一大贸易伙伴地位");
        assertThat(feed.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-05-09T02:30:00Z"));
        assertThat(feed.items().get(0).countryTags()).containsExactly("中国");
        assertThat(feed.items().get(0).bodyHtml()).isEqualTo("<p>据海关统计，今年前４个月，我国出口８．０８万亿元，增长４．９％。</p>");
        assertThat(feed.items().get(1).publishedAt()).isEqualTo(Instant.parse("2024-05-08T16:00:00Z"));
    }

    @Test
    void decodesAGbkFeedThatDeclaresNothingAsGb18030() throws Exception {
        ParsedFeed feed = parse("rss-gbk-undeclared.xml");

        assertThat(feed.title()).isEqualTo("国际贸易和投资要闻");
        assertThat(feed.items()).extracting(FeedItem::title).contains("东盟继续保持我国第一大贸易伙伴地位");
    }

    @Test
    void keepsHostilePayloadsOutOfItems() throws Exception {
        ParsedFeed feed = parse("rss-hostile.xml");

        assertThat(feed.title()).isEqualTo("<script>alert('channel')</script>预警");
        FeedItem item = feed.items().get(0);
        // Plain text stays literal: escaping it is the web layer's job.
        assertThat(item.title()).isEqualTo("<script>alert(1)</script>汇率预警");
        assertThat(item.source()).isEqualTo("<img src=x onerror=alert(2)>");
        assertThat(item.link()).isEmpty();
        // The javascript: enclosure is gone; the relative document link is an attachment beside the feed.
        assertThat(item.attachments()).containsExactly(new Attachment("报告",
                fixture("rss-hostile.xml").resolve("report.pdf").toString(), "application/pdf", -1));
        assertThat(item.bodyHtml())
                .contains("<p>正文第一段。</p>", "点我", "再点", "编码")
                .doesNotContainPattern("(?i)<script|onerror|onclick|onload|onmouseover|javascript:|<svg|<iframe|<style")
                .doesNotContain("alert(");
        // The relative link survives only as text: it resolves to a file: URL, which a browser cannot use.
        assertThat(Jsoup.parseBodyFragment(item.bodyHtml()).select("a[href]")).isEmpty();
    }

    @Test
    void readsAnArticlePageWithABaseHrefAndAnAttachmentLink() throws Exception {
        ParsedFeed feed = parse("article-page.html");

        assertThat(feed.format()).isEqualTo(Format.HTML_PAGE);
        assertThat(feed.items()).hasSize(1);
        FeedItem page = feed.items().get(0);
        assertThat(page.title()).isEqualTo("商务部：一季度对共建“一带一路”国家进出口增长5.5%");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-04-20T01:30:00Z"));
        assertThat(page.source()).isEqualTo("商务部网站");
        assertThat(page.link()).isEqualTo(fixture("article-page.html").toString());
        assertThat(page.bodyHtml())
                .contains("一季度我国对共建“一带一路”国家进出口4.77万亿元",
                        "<img src=\"https://www.example.cn/news/2024/img/chart.png\" alt=\"进出口走势\">")
                .doesNotContain("国别风险预警", "版权所有", "不是正文");
        assertThat(page.attachments()).containsExactly(new Attachment("一季度分国别进出口数据表",
                "https://www.example.cn/news/files/q1-bri-trade.pdf", "application/pdf", -1));
    }

    @Test
    void rejectsItemsWithOverlongTitlesOrBodies() {
        String longTitle = "风".repeat(FeedParser.MAX_TITLE_CHARS + 1);
        String bigBody = "<p>" + "大".repeat(FeedParser.MAX_BODY_BYTES / 3) + "</p>";
        String rss = "<rss><channel><title>t</title>"
                + "<item><title>" + longTitle + "</title></item>"
                + "<item><title>正文太大</title><description><![CDATA[" + bigBody + "]]></description></item>"
                + "<item><title>" + "风".repeat(FeedParser.MAX_TITLE_CHARS) + "</title></item>"
                + "</channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), POSTED);

        assertThat(feed.items()).hasSize(1);
        assertThat(feed.rejected()).containsExactly(
                new Rejected(1, "风".repeat(60) + "…", "title longer than 500 characters (501)"),
                new Rejected(2, "正文太大", "body larger than 1 MiB of HTML (1048582 bytes)"));
    }

    @Test
    void labelsRejectedItemsByPositionWhenNothingElseIdentifiesThem() {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title> </title></entry></feed>";

        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), POSTED);

        assertThat(feed.rejected()).containsExactly(new Rejected(1, "#1", "missing title"));
    }

    @Test
    void failsOnDocumentsThatCannotBeRead() {
        assertThatThrownBy(() -> parse("rss-without-channel.xml"))
                .isInstanceOf(FeedFormatException.class).hasMessage("RSS without <channel>");
        assertThatThrownBy(() -> parse("not-a-feed.xml"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("not a feed or an article page: XML with root element <catalog>");
        assertThatThrownBy(() -> parse("page-no-text.html"))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("not a feed or an article page: HTML without any text");
        assertThatThrownBy(() -> parser.parse(new byte[0], POSTED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("not a feed or an article page: empty document");
        assertThatThrownBy(() -> parser.parse(" \n\t ".getBytes(StandardCharsets.UTF_8), POSTED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("not a feed or an article page: empty document");
        assertThatThrownBy(() -> parser.parse("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1), POSTED))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("binary content: looks like PDF");
    }

    @Test
    void readsWhatSurvivesOfATruncatedFeed() throws Exception {
        ParsedFeed feed = parse("rss-truncated.xml");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("土耳其：里拉大幅贬值，出口企业注意收汇风险");
        assertThat(feed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo("越南：光伏组件反倾销调查进入终裁阶段");
            assertThat(r.reason()).contains("truncated");
        });
    }

    @Test
    void insistsOnAnAbsoluteBase() {
        assertThatThrownBy(() -> parser.parse("<rss/>".getBytes(StandardCharsets.UTF_8), URI.create("feeds/x.xml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base must be an absolute URI, got feeds/x.xml");
    }

    private ParsedFeed parse(String name) throws IOException, URISyntaxException {
        return parser.parse(bytes(name), fixture(name));
    }

    private static byte[] bytes(String name) throws IOException, URISyntaxException {
        return Files.readAllBytes(Path.of(fixture(name)));
    }

    private static URI fixture(String name) throws URISyntaxException {
        return FeedParserTest.class.getResource("/feeds/" + name).toURI();
    }
}
