package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --demo}'s world on today's date, 2026-12-05 (#14): the policies are of the current policy year, the
 * effective one was written on earlier days (its scheme added, listed, accepted in June) and covers the whole year,
 * nothing is dated after today, and the clock is back at real time when the server serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoWorldIT {
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z"); // 10:00 in China
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start(dir, null, null, new DemoClock(Clock.fixed(NOW, Config.CHINA)));
        DemoWorld.seed(server.app(), Config.CHINA);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    private List<Map<String, String>> policies() {
        return server.app().database().read(tx -> tx.list("SELECT e.uscc, p.scheme_id, p.state, p.year_start,"
                + " p.year_end, p.cover_start, p.cover_end, p.issued_on, p.pushed_at FROM policies p JOIN enterprises e"
                + " ON e.id = p.enterprise_id ORDER BY p.id", r -> Map.of("uscc", r.string("uscc"),
                "scheme", r.string("scheme_id"), "state", r.string("state"), "yearStart", r.string("year_start"),
                "yearEnd", r.string("year_end"), "cover", r.string("cover_start") + ".." + r.string("cover_end"),
                "issuedOn", String.valueOf(r.string("issued_on")), "pushedAt", r.string("pushed_at"))));
    }

    @Test
    void everyDemoPolicyIsOfThePolicyYearThatContainsToday() {
        List<Map<String, String>> policies = policies();
        assertThat(policies).hasSize(4);
        for (Map<String, String> p : policies) {
            assertThat(LocalDate.parse(p.get("yearStart"))).as(p.toString()).isBeforeOrEqualTo(TODAY);
            assertThat(LocalDate.parse(p.get("yearEnd"))).as(p.toString()).isAfterOrEqualTo(TODAY);
            assertThat(Instant.parse(p.get("pushedAt"))).as(p.toString()).isBeforeOrEqualTo(NOW);
        }
        assertThat(policies).extracting(p -> p.get("scheme")).containsExactlyInAnyOrder("shenzhen-demo-2026",
                "shenzhen-demo-2026", "henan-2024-small", "henan-2024-medium");
        assertThat(policies).filteredOn(p -> p.get("scheme").startsWith("henan")).extracting(p -> p.get("yearStart"))
                .containsOnly("2026-09-01");
    }

    @Test
    void theEffectivePolicyWasAcceptedInJuneAndCoversTheWholeYearBeforeToday() {
        Map<String, String> credit = policies().stream()
                .filter(p -> p.get("uscc").equals(DemoWorld.CREDIT_ENTERPRISE.uscc())).findFirst().orElseThrow();
        assertThat(credit.get("state")).isEqualTo("EFFECTIVE");
        assertThat(credit.get("issuedOn")).isEqualTo("2026-06-01");
        assertThat(credit.get("cover")).isEqualTo("2026-07-01..2027-06-30");
        String shipped = server.app().database().read(tx -> tx.one("SELECT s.shipped_on FROM claim_shipments s",
                r -> r.string("shipped_on"))).orElseThrow();
        assertThat(LocalDate.parse(shipped)).isBefore(TODAY); // an overdue shipment can be reported on
    }

    @Test
    void theDemoSchemeWasAddedByTheAdministratorAsDemoData() {
        Map<String, String> row = server.app().database().read(tx -> tx.one("SELECT a.scheme_id, a.added_at, u.username"
                + " FROM added_schemes a JOIN users u ON u.id = a.added_by", r -> Map.of("id", r.string("scheme_id"),
                "at", r.string("added_at"), "by", r.string("username")))).orElseThrow();
        assertThat(row).containsEntry("id", "shenzhen-demo-2026").containsEntry("by", "admin");
        assertThat(Instant.parse(row.get("at"))).isBefore(Instant.parse("2026-06-02T00:00:00Z"));
        var scheme = server.get("/api/schemes/shenzhen-demo-2026").json();
        assertThat(scheme.get("nameZh").asText()).isEqualTo("深圳市2026年度统保（演示数据）");
        assertThat(scheme.get("source").asText()).startsWith("DEMO DATA");
        assertThat(server.get("/api/schemes/shenzhen-2023").status()).isEqualTo(200); // the historic scheme stays
    }

    @Test
    void theClockIsBackAtRealTimeAndNothingIsDatedLater() {
        assertThat(server.app().clock().instant()).isEqualTo(NOW);
        long later = server.app().database().read(tx -> tx.number("SELECT COUNT(*) FROM eligible_lists"
                + " WHERE imported_at > ? OR confirmed_at > ?", NOW.toString(), NOW.toString()));
        assertThat(later).isZero();
    }

    @Test
    void theDemoSchemeMovesToThePolicyYearOfTheDay() {
        assertThat(DemoScheme.json(LocalDate.of(2027, 7, 1))).contains("\"shenzhen-demo-2027\"")
                .contains("\"2027-07-01\"").contains("\"2028-06-30\"").contains("\"exportsYear\":2026");
        assertThat(DemoScheme.json(LocalDate.of(2027, 6, 30))).contains("\"shenzhen-demo-2026\"");
    }
}
