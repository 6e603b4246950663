package cn.creditwindow.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

// #14: the statistics' bar chart, drawn on the server as SVG
class StatisticsChartTest {
    private static final StatisticsChart CHART = new StatisticsChart();

    private static DataStatistics.Result declarations(String frequency, String from, String to) {
        DataStatistics.Filters f = DataStatistics.check(new DataStatistics.Query("CUSTOMS_EXPORT_DECLARATIONS", from, to,
                frequency, null));
        return DataStatistics.fill(f, Map.of(
                YearMonth.of(2025, 11), new DataStatistics.MonthSums(1, 4, 30_000_00L),
                YearMonth.of(2026, 1), new DataStatistics.MonthSums(2, 12, 1_500_000_25L)));
    }

    /** The texts of the SVG, in document order. */
    static List<String> texts(String svg) {
        Document d = Jsoup.parse(svg, "", Parser.xmlParser());
        return d.select("text").stream().map(Element::text).toList();
    }

    @Test
    void everyBucketIsABarLabelledWithTheTablesNumber() throws IOException {
        String svg = CHART.svg(declarations("MONTH", "2025-10", "2026-02"), true);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/statistics-chart-test.svg"), svg);
        List<String> texts = texts(svg);
        assertThat(texts).containsSubsequence("2025-10", "2025-11", "2025-12", "2026-01", "2026-02");
        assertThat(texts).containsSubsequence("0.00", "30,000.00", "0.00", "1,500,000.25", "0.00");
        assertThat(texts).contains("出口报关单数据 · 2025-10 至 2026-02 · 按月", "金额（美元）", "期间");
    }

    @Test
    void theTextStaysTextInAChineseCapableFont() {
        String svg = CHART.svg(declarations("QUARTER", "2025-10", "2026-03"), true);
        Document d = Jsoup.parse(svg, "", Parser.xmlParser());
        assertThat(d.select("text")).isNotEmpty().allSatisfy(t -> assertThat(t.attr("style") + t.attr("font-family"))
                .contains("Noto Sans CJK SC", "sans-serif"));
        assertThat(d.select("script")).isEmpty();
        assertThat(texts(svg)).containsSubsequence("2025-Q4", "2026-Q1").containsSubsequence("30,000.00",
                "1,500,000.25");
    }

    @Test
    void inEnglishTheTitlesAreEnglish() {
        assertThat(texts(CHART.svg(declarations("YEAR", "2025-01", "2026-12"), false)))
                .contains("customs export declarations · 2025-01 to 2026-12 · by year", "amount (USD)", "period");
    }
}
