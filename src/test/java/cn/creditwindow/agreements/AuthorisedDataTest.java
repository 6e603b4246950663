package cn.creditwindow.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class AuthorisedDataTest {
    @TempDir
    Path dir;
    World w;

    @BeforeEach
    void open() {
        w = new World(dir);
        for (var e : new long[] {w.shenzhen.id(), w.zhengzhou.id()}) {
            w.data.receive(e, DataType.CUSTOMS_EXPORT_DECLARATIONS, YearMonth.of(2026, 1), 12, 150_000_00L, "12 份报关单");
            w.data.receive(e, DataType.CUSTOMS_EXPORT_DECLARATIONS, YearMonth.of(2026, 2), 8, 90_000_00L, "8 份报关单");
            w.data.receive(e, DataType.EXPORT_RECEIPTS, YearMonth.of(2026, 2), 5, 120_000_00L, "5 笔收汇");
            w.data.receive(e, DataType.CUSTOMS_CREDIT_RATING, YearMonth.of(2026, 2), 1, 999L, "一般信用企业");
            // Outside the authorised months (from 2023-03): never shown.
            w.data.receive(e, DataType.EXPORT_RECEIPTS, YearMonth.of(2022, 12), 3, 10_00L, "3 笔收汇");
        }
    }

    @AfterEach
    void close() {
        w.close();
    }

    private AuthorisedData.Result list(cn.creditwindow.accounts.Principal p, String type, String from, String to, String e) {
        return w.data.list(p, new AuthorisedData.Query(type, from, to, e, null, null));
    }

    @Test
    void nothingIsListedBeforeTheEnterpriseAuthorises() {
        assertThat(list(w.szLegal, null, null, null, null).items()).isEmpty();
        assertThat(list(w.reviewer, null, null, null, null).items()).isEmpty();
    }

    @Test
    void theAuthorisedMonthsAreListedByTypeAndTimeRange() {
        w.signed(w.szLegal);
        w.authorisations.authorise(w.szLegal, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
        AuthorisedData.Result all = list(w.szLegal, null, null, null, null);
        assertThat(all.items()).extracting(r -> r.dataType() + " " + r.month()).containsExactly(
                "CUSTOMS_CREDIT_RATING 2026-02", "CUSTOMS_EXPORT_DECLARATIONS 2026-02", "EXPORT_RECEIPTS 2026-02",
                "CUSTOMS_EXPORT_DECLARATIONS 2026-01");
        assertThat(all.items()).filteredOn(r -> r.dataType() == DataType.CUSTOMS_CREDIT_RATING)
                .allSatisfy(r -> assertThat(r.amountUsdCents()).isNull());
        assertThat(all.totals()).contains(new AuthorisedData.Total(DataType.CUSTOMS_EXPORT_DECLARATIONS, 2, 20, 240_000_00L));

        assertThat(list(w.szLegal, "出口报关单数据", "2026-02", "2026-02-28", null).items())
                .singleElement().satisfies(r -> assertThat(r.recordCount()).isEqualTo(8));
        assertThat(list(w.szLegal, "export_receipts", null, "2026-01", null).items()).isEmpty();
        // Zhengzhou has not authorised: its records stay out, even for the reviewer.
        assertThat(list(w.reviewer, null, null, null, null).items()).allSatisfy(r ->
                assertThat(r.enterpriseId()).isEqualTo(w.shenzhen.id()));
        assertThat(list(w.hnLegal, null, null, null, null).items()).isEmpty();
        assertThat(list(w.manager, null, null, null, String.valueOf(w.shenzhen.id())).items()).hasSize(4);
        assertThatThrownBy(() -> list(w.manager, null, null, null, String.valueOf(w.zhengzhou.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void badFiltersAreEachNamed() {
        assertThatThrownBy(() -> list(w.szLegal, "invoices", "2026-13", "yesterday", "abc"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("type", "from", "to", "enterpriseId"));
        assertThatThrownBy(() -> list(w.szLegal, null, "2026-03", "2026-01", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).zh())
                        .contains("不能晚于"));
    }

    @Test
    void everyRecordIsReachablePageByPageAndTheTotalsCoverThemAll() { // #13
        w.signed(w.szLegal);
        w.authorisations.authorise(w.szLegal, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
        for (YearMonth m = YearMonth.of(2023, 3); m.isBefore(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
            w.data.receive(w.shenzhen.id(), DataType.CUSTOMS_EXPORT_DECLARATIONS, m, 1, 100L, "1 份报关单");
        }
        java.util.List<Long> seen = new java.util.ArrayList<>();
        AuthorisedData.Result first = null;
        for (int page = 1; page <= 4; page++) {
            AuthorisedData.Result r = w.data.list(w.szLegal, new AuthorisedData.Query(null, null, null, null,
                    String.valueOf(page), "10"));
            assertThat(r.total()).isEqualTo(38);
            assertThat(r.items()).hasSize(page < 4 ? 10 : 8);
            r.items().forEach(x -> seen.add(x.id()));
            first = first == null ? r : first;
            assertThat(r.totals()).isEqualTo(first.totals());
        }
        assertThat(seen).hasSize(38).doesNotHaveDuplicates();
        assertThat(first.totals()).contains(new AuthorisedData.Total(DataType.CUSTOMS_EXPORT_DECLARATIONS, 36,
                34 + 20, 34 * 100L + 240_000_00L));
        assertThatThrownBy(() -> w.data.list(w.szLegal, new AuthorisedData.Query("invoices", null, null, null, "0", "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("type", "page", "size"));
    }
}
