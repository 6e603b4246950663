package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.SharedData;
import cn.creditwindow.feeds.ParsedFeed.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link FeedParser} on real Chinese feeds and news pages, read in place from the shared data folder
 * (see {@link SharedData}).
 */
class FeedParserSharedDataTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRuanYifengRss() throws IOException {
        ParsedFeed feed = parse("feeds-zh/rss/ruanyifeng.xml");

        assertThat(feed.format()).isEqualTo(Format.RSS);
        assertThat(feed.title()).isEqualTo("阮一峰的网络日志");
        assertThat(feed.items()).hasSize(6);
        assertThat(feed.rejected()).isEmpty();
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("科技爱好者周刊（第 375 期）：一扇门的 Bug");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-11-28T00:14:06Z"));
        assertThat(first.link()).isEqualTo("http://www.ruanyifeng.com/blog/2025/11/weekly-issue-375.html");
        assertThat(first.source()).isEqualTo("阮一峰的网络日志");
        assertThat(first.bodyHtml()).contains("<p>2013年，我在 Valve 公司从事游戏开发。</p>");
    }

    /** SOURCES.md says this file holds 1 item; it holds 10 (all with titles), and the parser reads 10. */
    @Test
    void readsMeituanRss() throws IOException {
        ParsedFeed feed = parse("feeds-zh/rss/meituan.xml");

        assertThat(feed.format()).isEqualTo(Format.RSS);
        assertThat(feed.title()).isEqualTo("美团技术团队");
        assertThat(feed.items()).hasSize(10);
        assertThat(feed.rejected()).isEmpty();
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("美团 LongCat Interaction 团队发布大模型交互系统技术报告 WOWService");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-11-21T00:00:00Z"));
        assertThat(first.source()).isEqualTo("美团技术团队");
        assertThat(first.guid()).isEqualTo("https://tech.meituan.com/2025/11/21/longcat-interaction-wowservice.html");
        assertThat(feed.items().get(9).title()).isEqualTo("LongCat-Flash-Thinking 正式发布，更强、更专业，保持极速！");
    }

    @Test
    void readsRuanYifengAtom() throws IOException {
        ParsedFeed feed = parse("feeds-zh/atom/ruanyifeng.xml");

        assertThat(feed.format()).isEqualTo(Format.ATOM);
        assertThat(feed.items()).hasSize(3);
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("科技爱好者周刊（第 375 期）：一扇门的 Bug");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-11-28T00:14:06Z"));
        assertThat(first.guid()).isEqualTo("tag:www.ruanyifeng.com,2025:/blog//1.2511");
        assertThat(first.source()).isEqualTo("阮一峰");
        assertThat(first.bodyHtml()).contains("最离奇的软件 Bug，你听说过哪些？");
    }

    @Test
    void readsV2exAtom() throws IOException {
        ParsedFeed feed = parse("feeds-zh/atom/v2ex.xml");

        assertThat(feed.format()).isEqualTo(Format.ATOM);
        assertThat(feed.title()).isEqualTo("V2EX");
        assertThat(feed.items()).hasSize(50);
        assertThat(feed.rejected()).isEmpty();
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("[生活] 因为智能家居吵架");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-12-01T03:52:42Z"));
        assertThat(first.link()).isEqualTo("https://www.v2ex.com/t/1176092#reply0");
        assertThat(first.source()).isEqualTo("terito11122");
        assertThat(feed.items().get(49).title())
                .isEqualTo("[分享创造] AnxReader 上架 GooglePlay 封闭测试邀请---开源，多平台电子书阅读器，送永久高级版兑换码🎁");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            xinhuanet_1 ; 法国全国大罢工再次严重影响交通 ; 2019-12-09T23:57:40Z ; 新华网 ; 法国9日再次爆发全国跨行业大罢工，反对政府进行退休制度改革 ; 未成年人网游防沉迷调查
            people_1 ; 女儿出嫁，郑板桥画了几笔兰花当嫁妆 ; 2019-06-15T00:18:00Z ; 人民网-文化频道 ; 古人学问无遗力，少壮工夫老始成。 ; 登录人民网通行证
            huanqiu_1 ; 补壹刀：别笑！18人的“新八国联军”今天成立了 ; 2020-06-05T12:35:00Z ; - ; 西方世界的一些反华分子正试图串联起来。 ; 环球TIME客户端
            sina_1 ; 中国人习以为常的地方 为何老外却说“了不得”？ ; 2019-11-25T10:57:38Z ; - ; 其实就是中国人最习以为常的公园。 ; 新浪微博、博客、邮箱帐号
            thepaper_1 ; 共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性 ; 2019-09-24T01:10:00Z ; - ; 目前国内共享充电宝的市场基本形成了“三电一兽”的行业格局。 ; 拉近你与现场距离
            ifeng_1 ; 女童眼睛被塞几十片纸，“无法用科学解释” ; 2019-11-25T08:04:30Z ; 澎湃新闻网 ; 7岁小花（化名）“眼睛被塞纸”事件，仍有许多疑问。 ; 地球已经存在45亿年
            163_9 ; 5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！ ; 2019-05-16T16:00:00Z ; 无锡交警 ; 京沪高速施工就将进入第二阶段， ; 网易考拉海购
            stcn_1 ; 午间公告：天奇股份中标广汽丰田项目；运达股份中标7亿元项目 ; 2019-09-26T04:11:00Z ; 证券时报网 ; 运达股份：确定为节能风电公司两风电场项目的风力发电机组设备供应商，中标价7亿元。 ; 证券时报官方微信公众号
            hexun_1 ; 交通运输部：着力打造京津冀区域综合立体交通网络 ; 2019-09-26T02:56:28Z ; - ; 形成相邻城市间基本实现“1.5小时交通圈”。 ; 违法和不良信息举报电话
            gzggw_1 ; 1-10月德清县固定资产投资结构趋稳趋优 ; 2016-11-22T01:53:00Z ; 省发改委 ; 1-10月，全县固定资产投资完成246.79亿元 ; 浙江政务服务网
            qq_2 ; 棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等 ; 2019-09-22T23:48:00Z ; - ; 擅长清洗数据的第三方数据行业，这次轮到自己被“清洗”了。 ; 无障碍说明
            guancha_2 ; 我国集成电路进口突破3000亿美元！魏少军：产业结构扭曲，没将产品作为中心 ; 2019-09-07T07:10:53Z ; EETOP ; 2018年中国进口集成电路4176亿块，价值3121亿美元 ; 举报链接
            """)
    void extractsTheArticleFromARealNewsPage(String page, String title, String date, String source, String sentence,
            String navigation) throws IOException {
        ParsedFeed feed = parse("news-html-zh/" + page + ".html");

        assertThat(feed.format()).isEqualTo(Format.HTML_PAGE);
        assertThat(feed.rejected()).isEmpty();
        assertThat(feed.items()).hasSize(1);
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo(title);
        assertThat(item.publishedAt()).isEqualTo(Instant.parse(date));
        assertThat(item.source()).isEqualTo(source == null ? "" : source);
        String bodyText = Jsoup.parseBodyFragment(item.bodyHtml()).text();
        assertThat(bodyText).contains(sentence).doesNotContain(navigation);
    }

    @Test
    void takesTheLinkOfAPageFromItsCanonicalUrl() throws IOException {
        assertThat(parse("news-html-zh/sina_1.html").items().get(0).link())
                .isEqualTo("https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml");
        Path people = SharedData.require("news-html-zh/people_1.html");
        assertThat(parse("news-html-zh/people_1.html").items().get(0).link()).isEqualTo(people.toUri().toString());
    }

    private ParsedFeed parse(String relative) throws IOException {
        Path file = SharedData.require(relative);
        return parser.parse(Files.readAllBytes(file), file.toUri());
    }
}
