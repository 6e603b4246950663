package cn.creditwindow.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// #14: the statistics (查询统计) of the authorised data, by month, quarter and year
class DataStatisticsTest {
    @TempDir
    Path dir;
    World w;

    @BeforeEach
    void open() {
        w = new World(dir);
        for (var e : new long[] {w.shenzhen.id(), w.zhengzhou.id()}) {
            w.data.receive(e, DataType.CUSTOMS_EXPORT_DECLARATIONS, YearMonth.of(2025, 11), 4, 30_000_00L, "4 份报关单");
            w.data.receive(e, DataType.CUSTOMS_EXPORT_DECLARATIONS, YearMonth.of(2026, 1), 12, 150_000_00L, "12 份报关单");
            w.data.receive(e, DataType.CUSTOMS_EXPORT_DECLARATIONS, YearMonth.of(2026, 2), 8, 90_000_00L, "8 份报关单");
            w.data.receive(e, DataType.EXPORT_RECEIPTS, YearMonth.of(2026, 2), 5, 120_000_00L, "5 笔收汇");
            w.data.receive(e, DataType.CUSTOMS_CREDIT_RATING, YearMonth.of(2026, 2), 1, null, "一般信用企业");
        }
        w.signed(w.szLegal);
        w.authorisations.authorise(w.szLegal, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
    }

    @AfterEach
    void close() {
        w.close();
    }

    private DataStatistics.Result stats(Principal p, String category, String from, String to, String frequency) {
        return w.data.statistics(p, new DataStatistics.Query(category, from, to, frequency, null));
    }

    @Test
    void everyMonthOfTheRangeIsABucketEmptyOnesWithZeros() {
        DataStatistics.Result r = stats(w.szLegal, "CUSTOMS_EXPORT_DECLARATIONS", "2025-10", "2026-03", "MONTH");
        assertThat(r.amounts()).isTrue();
        assertThat(r.buckets()).extracting(b -> b.label() + " " + b.recordCount() + " " + b.amountUsdCents())
                .containsExactly("2025-10 0 0", "2025-11 4 3000000", "2025-12 0 0", "2026-01 12 15000000",
                        "2026-02 8 9000000", "2026-03 0 0");
        assertThat(r.total()).isEqualTo(new DataStatistics.Bucket("TOTAL", YearMonth.of(2025, 10),
                YearMonth.of(2026, 3), 3, 24, 270_000_00L));
    }

    @Test
    void quartersAndYearsSumTheirMonthsWithinTheRange() {
        DataStatistics.Result q = stats(w.szLegal, "出口报关单数据", "2025-11", "2026-02", "QUARTER");
        assertThat(q.buckets()).extracting(b -> b.label() + " " + b.from() + ".." + b.to() + " " + b.measure())
                .containsExactly("2025-Q4 2025-11..2025-12 3000000", "2026-Q1 2026-01..2026-02 24000000");
        DataStatistics.Result y = stats(w.szLegal, "CUSTOMS_EXPORT_DECLARATIONS", "2024-05", "2026-12", "年");
        assertThat(y.buckets()).extracting(b -> b.label() + " " + b.recordCount())
                .containsExactly("2024 0", "2025 4", "2026 20");
    }

    @Test
    void aCategoryWithoutAmountsCountsRecords() {
        DataStatistics.Result r = stats(w.szLegal, "CUSTOMS_CREDIT_RATING", "2026-01", "2026-02", "MONTH");
        assertThat(r.amounts()).isFalse();
        assertThat(r.buckets()).extracting(DataStatistics.Bucket::amountUsdCents).containsOnlyNulls();
        assertThat(r.buckets()).extracting(DataStatistics.Bucket::measure).containsExactly(0L, 1L);
    }

    @Test
    void theStatisticsCoverWhatTheListShowsAndNoMore() {
        // Zhengzhou has not authorised: the reviewer's statistics hold Shenzhen's alone; a manager may not ask for
        // an enterprise outside their portfolio.
        DataStatistics.Result r = stats(w.reviewer, "CUSTOMS_EXPORT_DECLARATIONS", "2025-11", "2026-02", "MONTH");
        assertThat(r.total().recordCount()).isEqualTo(24);
        assertThatThrownBy(() -> w.data.statistics(w.manager, new DataStatistics.Query("CUSTOMS_EXPORT_DECLARATIONS",
                "2026-01", "2026-02", "MONTH", String.valueOf(w.zhengzhou.id()))))
                .isInstanceOf(NotFoundException.class);
        assertThat(stats(w.hnLegal, "CUSTOMS_EXPORT_DECLARATIONS", "2025-11", "2026-02", "MONTH").total().recordCount())
                .isZero();
    }

    @Test
    void badParametersAreEachNamedInBothLanguages() {
        assertThatThrownBy(() -> stats(w.szLegal, "SALES", "2026-13", "", "WEEK"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("category", "from", "to", "frequency"));
        assertThatThrownBy(() -> stats(w.szLegal, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::zh).containsExactly("请选择统计类别", "请填写开始月份", "请填写结束月份",
                                "请选择指标频度（月、季度、年）"));
        assertThatThrownBy(() -> stats(w.szLegal, "EXPORT_RECEIPTS", "2026-03", "2026-01", "MONTH"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("from"));
    }

    @Test
    void theRangeIsCappedAtThirtySixBuckets() {
        assertThat(stats(w.szLegal, "EXPORT_RECEIPTS", "2023-04", "2026-03", "MONTH").buckets()).hasSize(36);
        assertThatThrownBy(() -> stats(w.szLegal, "EXPORT_RECEIPTS", "2023-03", "2026-03", "MONTH"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("to");
                    assertThat(e.errors().get(0).zh()).contains("37 个区间", "最多 36 个");
                    assertThat(e.errors().get(0).en()).contains("37 buckets, at most 36");
                });
        assertThat(stats(w.szLegal, "EXPORT_RECEIPTS", "2000-01", "2026-03", "YEAR").buckets()).hasSize(27);
    }
}
