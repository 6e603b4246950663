package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # RFC 822 / 1123 / 2822
            Fri, 28 Nov 2025 08:14:06 +0800           | 2025-11-28T00:14:06Z
            Fri, 21 Nov 2025 00:00:00 +0000           | 2025-11-21T00:00:00Z
            Sun, 12 May 2024 10:00:00 +0800           | 2024-05-12T02:00:00Z
            12 May 2024 10:00:00 +0800                | 2024-05-12T02:00:00Z
            Sun, 5 May 2024 10:00:00 GMT              | 2024-05-05T10:00:00Z
            Mon, 06 May 24 08:15 UT                   | 2024-05-06T08:15:00Z
            Sun, 12 May 99 10:00:00 GMT               | 1999-05-12T10:00:00Z
            Sun, 12 May 2024 10:00:00 Z               | 2024-05-12T10:00:00Z
            Sun, 12 May 2024 10:00:00 EST             | 2024-05-12T15:00:00Z
            1 Jun 2024 00:00 PDT                      | 2024-06-01T07:00:00Z
            Sun, 12 May 2024 10:00:00 CST             | 2024-05-12T02:00:00Z
            Sun, 12 May 2024 10:00:00 +08:00          | 2024-05-12T02:00:00Z
            Sun, 12 May 2024 10:00:00 GMT+8           | 2024-05-12T02:00:00Z
            Sun, 12 May 2024 10:00:00 +0800 (CST)     | 2024-05-12T02:00:00Z
            Sun, 12 May 2024 10:00:00                 | 2024-05-12T02:00:00Z
            # ISO 8601 and its looser relatives
            2025-11-28T00:14:06Z                      | 2025-11-28T00:14:06Z
            2019-11-25T18:57:38+08:00                 | 2019-11-25T10:57:38Z
            2024-05-12T10:00:00.123456+0800           | 2024-05-12T02:00:00.123456Z
            2024-05-12T10:00:00.5-05:00               | 2024-05-12T15:00:00.500Z
            2024-05-12T10:00:00                       | 2024-05-12T02:00:00Z
            2024-05-12 10:00:00                       | 2024-05-12T02:00:00Z
            2024-05-12 10:00                          | 2024-05-12T02:00:00Z
            '  2024-05-12 10:00:00  '                 | 2024-05-12T02:00:00Z
            2024-05-12                                | 2024-05-11T16:00:00Z
            2024/5/12                                 | 2024-05-11T16:00:00Z
            2024.05.12                                | 2024-05-11T16:00:00Z
            # Chinese, and full-width digits
            2024年5月12日                              | 2024-05-11T16:00:00Z
            2024年5月12日 10:30                        | 2024-05-12T02:30:00Z
            2019年06月15日08:18                         | 2019-06-15T00:18:00Z
            2024年5月12日 下午3时30分                    | 2024-05-12T07:30:00Z
            ２０２４年５月１２日                          | 2024-05-11T16:00:00Z
            ２０２４年５月１２日 １０：３０               | 2024-05-12T02:30:00Z
            ２０２４－０５－１２　１０：００               | 2024-05-12T02:00:00Z
            # java.util.Date#toString and US style
            Sun May 12 10:00:00 CST 2024              | 2024-05-12T02:00:00Z
            May 12, 2024 10:00                        | 2024-05-12T02:00:00Z
            """)
    void parsesRealWorldForms(String text, String expected) {
        assertThat(FeedDates.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "not a date", "2024-13-01", "2024-02-30", "2024-05-12 25:00",
            "Sun, 32 May 2024 10:00:00 GMT", "Sun, 12 Foo 2024 10:00:00 GMT", "12 May 2024 10:00:00 XYZ",
            "2024-05-12T10:00:00+19:00", "1715479200", "2024年13月1日", "发布时间：2024-05-12"})
    void givesNothingForTextThatIsNotADate(String text) {
        assertThat(FeedDates.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2019年06月15日08:18 来源：人民网-文化频道       | 2019-06-15T00:18:00Z
            发布日期：2016-11-22 浏览次数： 信息来源：省发改委 | 2016-11-21T16:00:00Z
            · 2019-05-17 · 苏皖城市报道                    | 2019-05-16T16:00:00Z
            推荐 2019-09-3007:42 黄金周后A股怎么走          | 2019-09-29T23:42:00Z
            沙特2020年财政支出 2013-02-30 然后 2019-12-10 07:57:40 | 2019-12-09T23:57:40Z
            """)
    void findsTheFirstDateInRunningText(String text, String expected) {
        assertThat(FeedDates.find(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"沙特2020年财政支出预计达2720亿美元", "版本 1.2.3 发布", "编号 1125327450.12.1002.0"})
    void findsNothingWithoutAFullDate(String text) {
        assertThat(FeedDates.find(text)).isEmpty();
    }
}
