package cn.creditwindow.losses;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.schemes.LossDeadlines;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The deadline arithmetic and the words the home page and the digest show (#14). */
class ObligationTest {
    private static final LossDeadlines SCHEME = new LossDeadlines(60, 120);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 17);

    private static Obligation due(Obligation.Kind kind, LocalDate dueOn) {
        return Obligation.of(kind, 1, "示例企业", 2, "AE0000001", "Gulf Star", "INV-1", dueOn, TODAY, "/losses/new");
    }

    @Test
    void aReceivableDue46DaysAgoLeaves14DaysToReport() { // #14
        Obligation o = due(Obligation.Kind.REPORT, SCHEME.reportBy(LocalDate.of(2024, 5, 2)));
        assertThat(o.dueOn()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(o.daysLeft()).isEqualTo(14);
        assertThat(o.overdue()).isFalse();
        assertThat(o.zh()).isEqualTo("报损期限：还有 14 天");
        assertThat(o.en()).isEqualTo("Report a possible loss by 2024-07-01: 14 days left");
    }

    @Test
    void theLastDayItselfIsNotOverdueAndTheDayAfterIs() { // #14
        assertThat(due(Obligation.Kind.CLAIM, TODAY).daysLeft()).isZero();
        assertThat(due(Obligation.Kind.CLAIM, TODAY).overdue()).isFalse();
        Obligation late = due(Obligation.Kind.CLAIM, TODAY.minusDays(1));
        assertThat(late.overdue()).isTrue();
        assertThat(late.zh()).isEqualTo("索赔期限：已逾期 1 天");
        assertThat(late.en()).isEqualTo("Claim by 2024-06-16: 1 day overdue");
    }

    @Test
    void theClaimWindowRunsFromTheReportAcrossTheYearEnd() { // #14
        assertThat(SCHEME.claimBy(LocalDate.of(2024, 10, 1))).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(Obligation.daysLeft(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 29))).isEqualTo(29);
    }

    @Test
    void onlySubmittedOrReturnedReportsMayBeChangedAndOnlyEndedOnesAreClosed() { // #14
        assertThat(LossState.SUBMITTED.editable()).isTrue();
        assertThat(LossState.MORE_INFO_REQUESTED.editable()).isTrue();
        assertThat(LossState.ACCEPTED.editable()).isFalse();
        assertThat(LossState.ACCEPTED.open()).isTrue();
        assertThat(LossState.RECOVERED.open()).isFalse();
        assertThat(LossState.CLAIMED.open()).isFalse();
    }

    @Test
    void theCaseNumberNamesTheYearAndTheReport() { // #14
        assertThat(LossReports.caseNo(TODAY, 42)).isEqualTo("BS2024-000042");
    }
}
