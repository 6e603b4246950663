package cn.creditwindow.digest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.subscriptions.Matched;
import cn.creditwindow.web.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A digest's own rules: what counts as telling something, and reading one archived before deadlines were kept. */
class DigestTest {
    private static Matched section(long id, long total) {
        return new Matched(id, "订阅" + id, "全部风险信息", "all risk information", "/search", List.of(
                new Matched.Group("trade-news", "国际贸易和投资要闻", "International trade and investment news", total,
                        List.of(), "/search?module=trade-news")));
    }

    private static Digest.DeadlineItem deadline() {
        return new Digest.DeadlineItem("REPORT", "报损期限：还有 12 天", "Report a possible loss by 2026-12-01: 12 days left",
                false, "B1", "Gulf Star", "XW2026-1", LocalDate.of(2026, 12, 1), "/losses/new");
    }

    @Test
    void articlesAreCountedOverEverySection() {
        Digest d = new Digest("2026-10", "张三", List.of(section(1, 3), section(2, 2)), List.of(), List.of());
        assertThat(d.articles()).isEqualTo(5);
        assertThat(d.tellsNothing()).isFalse();
    }

    @Test
    void deadlinesAloneTellNothingButAnAlertDoes() {
        Digest deadlinesOnly = new Digest("2026-10", "张三", List.of(section(1, 0)), List.of(), List.of(deadline()));
        assertThat(deadlinesOnly.tellsNothing()).isTrue();
        Digest alert = new Digest("2026-10", "张三", List.of(section(1, 0)), List.of(new Digest.AlertItem("B1",
                "Gulf Star", "破产", "买方破产", "buyer bankrupt", "/articles/x", Instant.EPOCH)), List.of());
        assertThat(alert.tellsNothing()).isFalse();
    }

    @Test
    void theMonthIsWrittenTheChineseWay() {
        assertThat(new Digest("2026-01", "x", List.of(), List.of(), null).monthZh()).isEqualTo("2026年1月");
        assertThat(new Digest("2026-12", "x", List.of(), List.of(), null).monthZh()).isEqualTo("2026年12月");
    }

    @Test
    void aDigestArchivedWithoutDeadlinesReadsWithNone() throws Exception {
        Digest d = Json.mapper().readValue("{\"month\":\"2025-06\",\"subscriberName\":\"张三\",\"sections\":[],"
                + "\"alerts\":[]}", Digest.class);
        assertThat(d.deadlines()).isEmpty();
        Digest back = Json.mapper().readValue(Json.mapper().writeValueAsString(
                new Digest("2026-10", "张三", List.of(section(1, 3)), List.of(), List.of(deadline()))), Digest.class);
        assertThat(back.deadlines()).containsExactly(deadline());
        assertThat(back.articles()).isEqualTo(3);
        assertThat(Json.mapper().writeValueAsString(back)).doesNotContain("tellsNothing");
    }
}
