package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticlePageReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            法国全国大罢工再次严重影响交通-新华网 ; 法国全国大罢工再次严重影响交通
            女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网 ; 女儿出嫁，郑板桥画了几笔兰花当嫁妆
            交通运输部：着力打造京津冀区域综合立体交通网络-股票频道-和讯网 ; 交通运输部：着力打造京津冀区域综合立体交通网络
            中国人习以为常的地方 为何老外却说“了不得”？|公园_新浪新闻 ; 中国人习以为常的地方 为何老外却说“了不得”？
            共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性_10%公司_澎湃新闻-The Paper ; 共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性
            棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等_财经_腾讯网 ; 棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等
            女童眼睛被塞几十片纸，“无法用科学解释”_凤凰网资讯_凤凰网 ; 女童眼睛被塞几十片纸，“无法用科学解释”
            出口信用保险助力企业开拓新兴市场 - 中国贸易报 ; 出口信用保险助力企业开拓新兴市场
            东盟国家 COVID-19 防疫措施对物流的影响 ; 东盟国家 COVID-19 防疫措施对物流的影响
            1-10月德清县固定资产投资结构趋稳趋优 ; 1-10月德清县固定资产投资结构趋稳趋优
            LongCat-Flash-Omni正式发布 ; LongCat-Flash-Omni正式发布
            首页 | 出口信用之窗 ; 首页 | 出口信用之窗
            """)
    void removesSiteSuffixesFromTitles(String title, String expected) {
        assertThat(ArticlePageReader.withoutSiteSuffix(title)).isEqualTo(expected);
    }
}
