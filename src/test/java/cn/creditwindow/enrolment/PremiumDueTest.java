package cn.creditwindow.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.schemes.Scheme;
import cn.creditwindow.schemes.Schemes;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The amount due before a Henan medium policy takes effect, and the formula shown with it (#14). */
class PremiumDueTest {
    private static final Schemes SCHEMES = Schemes.load();

    @Test
    void theEnterprisePaysTwentyPercentOfTheMediumPremiumWithTheFormulaInBothLanguages() {
        // 8,000,000 USD of exports: 0.12% = 9,600.00, of which the enterprise pays 20% = 1,920.00
        PremiumDue due = PremiumDue.of(policy(800_000_000L, 960_000L, 192_000L, 768_000L), scheme("henan-2024-medium"));
        assertThat(due.amountCents()).isEqualTo(192_000L);
        assertThat(due.amount()).isEqualTo("1,920.00");
        assertThat(due.formulaZh()).isEqualTo("年度保费 = 投保金额 8,000,000.00 × 0.12% = 9,600.00 美元；企业自缴 20% = 1,920.00 美元");
        assertThat(due.formulaEn()).isEqualTo(
                "annual premium = insured amount 8,000,000.00 × 0.12% = 9,600.00 USD; enterprise's share 20% = 1,920.00 USD");
    }

    @Test
    void theFormulaUsesTheStoredAmountsAsTheSchemeComputedThem() {
        Scheme medium = scheme("henan-2024-medium");
        var premium = medium.premium(new java.math.BigDecimal("7654321.09"));
        Policy p = policy(765_432_109L, cents(premium.total()), cents(premium.enterprisePart()),
                cents(premium.subsidyPart()));
        PremiumDue due = PremiumDue.of(p, medium);
        assertThat(due.amountCents()).isEqualTo(cents(premium.enterprisePart()));
        assertThat(due.formulaZh()).isEqualTo("年度保费 = 投保金额 7,654,321.09 × 0.12% = 9,185.19 美元；企业自缴 20% = 1,837.04 美元");
    }

    @Test
    void aMinimumPremiumIsNamedWhenItRaisedThePremium() {
        // small scheme: 120.00 at 0.08% of 150,000 is raised to the 200.00 minimum; the enterprise's share is 0%
        PremiumDue due = PremiumDue.of(policy(15_000_000L, 20_000L, 0L, 20_000L), scheme("henan-2024-small"));
        assertThat(due.formulaZh()).isEqualTo("年度保费 = 投保金额 150,000.00 × 0.08% = 120.00 美元，低于最低保费，按 200.00 美元计算"
                + "；企业自缴 0% = 0.00 美元");
    }

    @Test
    void aSchemeWithoutAPremiumHasNothingDue() {
        assertThatThrownBy(() -> PremiumDue.of(policy(300_000_000L, null, 0L, null), scheme("shenzhen-2023")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shenzhen-2023");
    }

    private static Scheme scheme(String id) {
        return SCHEMES.byId(id).orElseThrow();
    }

    private static long cents(java.math.BigDecimal usd) {
        return usd.movePointRight(2).longValueExact();
    }

    private static Policy policy(long insured, Long premium, long part, Long subsidy) {
        return new Policy(1, 1, "洛阳示例机械制造有限公司", "914103003T6W9P1H5R", "henan-2024-medium", 1,
                PolicyState.AWAITING_PAYMENT, Receipt.NONE, insured, premium, part, subsidy, 15_000_000L, null, "0.80",
                LocalDate.parse("2024-09-01"), LocalDate.parse("2025-08-31"), "XW202400000001", null, null, null,
                Instant.parse("2024-08-20T02:00:00Z"), null);
    }
}
