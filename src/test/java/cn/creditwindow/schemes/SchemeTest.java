package cn.creditwindow.schemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calculations, with the seeds' own numbers on the bundled schemes. */
class SchemeTest {
    private final Schemes schemes = Schemes.load();
    private final Scheme shenzhen = schemes.byId("shenzhen-2023").orElseThrow();
    private final Scheme henanSmall = schemes.byId("henan-2024-small").orElseThrow();
    private final Scheme henanMedium = schemes.byId("henan-2024-medium").orElseThrow();

    @ParameterizedTest
    @CsvSource({
        "0, true", "8000000, true", "8000000.00, true", "8000000.01, false", "12000000, false"})
    void shenzhenIsForExportsUpToEightMillionInclusive(String exports, boolean eligible) {
        assertThat(shenzhen.isEligible(usd(exports))).isEqualTo(eligible);
    }

    @ParameterizedTest
    @CsvSource({
        "0,           true,  false",
        "150000,      true,  false",
        "5000000,     true,  false",
        "5000000.01,  false, true",
        "10000000,    false, true",
        "10000000.01, false, false"})
    void henanBandsMeetAtFiveMillionWithoutOverlap(String exports, boolean small, boolean medium) {
        assertThat(henanSmall.isEligible(usd(exports))).isEqualTo(small);
        assertThat(henanMedium.isEligible(usd(exports))).isEqualTo(medium);
    }

    @Test
    void lossDeadlinesCountCalendarDaysFromTheDueDateAndFromTheReport() { // #14
        LossDeadlines d = new LossDeadlines(60, 120);
        assertThat(d.reportBy(date("2026-10-06"))).isEqualTo(date("2026-12-05"));
        assertThat(d.claimBy(date("2026-12-05"))).isEqualTo(date("2027-04-04"));
        assertThatThrownBy(() -> new LossDeadlines(0, 120)).hasMessageContaining("reportDaysAfterDue");
        assertThatThrownBy(() -> new LossDeadlines(60, -1)).hasMessageContaining("claimDaysAfterReport");
    }

    @Test
    void eligibilityRefusesNegativeExportsAndFractionsOfACent() {
        assertThatThrownBy(() -> henanSmall.isEligible(usd("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lastYearExports -1 USD must not be negative");
        assertThatThrownBy(() -> henanSmall.isEligible(usd("1.001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lastYearExports 1.001 USD has fractions of a cent; amounts are whole cents");
    }

    @Test
    void henanSmallPremiumIsExportsTimesRateFullySubsidised() {
        Premium premium = henanSmall.premium(usd("5000000"));

        assertThat(premium).isEqualTo(new Premium(usd("4000.00"), usd("0.00"), usd("4000.00")));
        assertThat(henanSmall.aggregateLimit(premium)).contains(usd("240000.00"));
    }

    @Test
    void henanSmallPremiumIsRaisedToTheMinimumAndTheAggregateToThePerBuyerLimit() {
        Premium premium = henanSmall.premium(usd("150000"));

        assertThat(premium).isEqualTo(new Premium(usd("200.00"), usd("0.00"), usd("200.00")));
        assertThat(henanSmall.aggregateLimit(premium)).contains(usd("100000.00"));
    }

    @ParameterizedTest
    @CsvSource({
        // 250,000 x 0.08% = 200 exactly: at the minimum, not raised.
        "250000,     200.00",
        "250001,     200.00",
        // 0.0008 x 3,000,006.25 = 2,400.005: half-up to 2,400.01.
        "3000006.25, 2400.01",
        "3000006.24, 2400.00",
        "0,          200.00"})
    void henanSmallPremiumRoundsHalfUpToTheCent(String exports, String total) {
        assertThat(henanSmall.premium(usd(exports)).total()).isEqualTo(usd(total));
    }

    @Test
    void henanMediumPremiumIsSharedTwentyEighty() {
        Premium premium = henanMedium.premium(usd("10000000"));

        assertThat(premium).isEqualTo(new Premium(usd("12000.00"), usd("2400.00"), usd("9600.00")));
        assertThat(henanMedium.aggregateLimit(premium)).contains(usd("720000.00"));
        assertThat(henanMedium.effectiveOnEnterprisePayment()).isTrue();
    }

    @Test
    void henanMediumAppliesNoMinimumPremium() {
        Premium premium = henanMedium.premium(usd("5000000.01"));

        // 5,000,000.01 x 0.12% = 6,000.000012: rounds to 6,000.00, the smallest medium premium.
        assertThat(premium).isEqualTo(new Premium(usd("6000.00"), usd("1200.00"), usd("4800.00")));
        assertThat(henanMedium.premium().minimum()).isNull();
        assertThat(henanMedium.aggregateLimit(premium)).contains(usd("360000.00"));
    }

    @Test
    void enterpriseAndSubsidyPartsAlwaysAddUpToTheTotal() {
        // 7,777,777.77 x 0.12% = 9,333.333324 -> 9,333.33; 20% = 1,866.666 -> 1,866.67; the subsidy is the rest.
        Premium premium = henanMedium.premium(usd("7777777.77"));

        assertThat(premium).isEqualTo(new Premium(usd("9333.33"), usd("1866.67"), usd("7466.66")));
    }

    @Test
    void premiumOutsideTheBandIsRefused() {
        assertThatThrownBy(() -> henanSmall.premium(usd("5000000.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme henan-2024-small: exports of 5000000.01 USD are not eligible"
                        + " (<= 5000000.00 USD of 2023 exports), so it sets no premium for them");
    }

    @Test
    void shenzhenPremiumIsPaidByTheGovernmentAtAnUnstatedAmount() {
        Premium premium = shenzhen.premium(usd("8000000"));

        assertThat(premium.stated()).isFalse();
        assertThat(premium.total()).isNull();
        assertThat(premium.knownTotal()).isEmpty();
        assertThat(premium.subsidyPart()).isNull();
        assertThat(premium.enterprisePart()).isEqualTo(usd("0.00"));
        assertThat(shenzhen.premium().rate()).isNull();
        assertThat(shenzhen.aggregateLimit(premium)).isEmpty();
    }

    @Test
    void aPremiumBasedAggregateLimitNeedsAStatedPremium() {
        assertThatThrownBy(() -> henanMedium.aggregateLimit(Premium.notStated()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme henan-2024-medium: aggregateLimit multipleOfPremium needs a premium total,"
                        + " and this premium is not stated");
    }

    @Test
    void shenzhenPolicyCollectedByTheThirtiethOfJuneCoversTheWholeYear() {
        DateRange year = new DateRange(date("2023-07-01"), date("2024-06-30"));

        assertThat(shenzhen.coverage(first(shenzhen), date("2023-06-20"), null)).isEqualTo(year);
        assertThat(shenzhen.coverage(first(shenzhen), date("2023-06-30"), date("2023-07-03"))).isEqualTo(year);
    }

    @Test
    void shenzhenPolicyCollectedLaterCoversFromItsIssueDate() {
        assertThat(shenzhen.coverage(first(shenzhen), date("2023-08-10"), date("2023-08-15")))
                .isEqualTo(new DateRange(date("2023-08-15"), date("2024-06-30")));
        assertThat(shenzhen.coverage(first(shenzhen), date("2023-07-01"), date("2023-07-01")))
                .isEqualTo(new DateRange(date("2023-07-01"), date("2024-06-30")));
        assertThat(shenzhen.coverage(first(shenzhen), date("2024-06-30"), date("2024-06-30")))
                .isEqualTo(new DateRange(date("2024-06-30"), date("2024-06-30")));
    }

    @Test
    void henanLateCollectionFollowsTheSameRule() {
        assertThat(henanSmall.coverage(first(henanSmall), date("2024-09-30"), null))
                .isEqualTo(new DateRange(date("2024-09-01"), date("2025-08-31")));
        assertThat(henanMedium.coverage(first(henanMedium), date("2024-10-08"), date("2024-10-12")))
                .isEqualTo(new DateRange(date("2024-10-12"), date("2025-08-31")));
    }

    @Test
    void coverageIsRefusedOnceThePolicyYearHasEnded() {
        assertThatThrownBy(() -> shenzhen.coverage(first(shenzhen), date("2024-07-01"), date("2024-07-02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme shenzhen-2023: policy collected on 2024-07-01, after its policy year"
                        + " 2023-07-01..2024-06-30 ended; there is no cover left to give");
        assertThatThrownBy(() -> shenzhen.coverage(first(shenzhen), date("2024-06-28"), date("2024-07-02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme shenzhen-2023: policy issued on 2024-07-02, after its policy year"
                        + " 2023-07-01..2024-06-30 ended; there is no cover left to give");
    }

    @Test
    void lateCollectionNeedsAnIssueDateOnOrAfterIt() {
        assertThatThrownBy(() -> shenzhen.coverage(first(shenzhen), date("2023-08-10"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme shenzhen-2023: policy collected on 2023-08-10, after the collect-by date"
                        + " 2023-06-30, so its cover starts on the issue date, which is missing");
        assertThatThrownBy(() -> shenzhen.coverage(first(shenzhen), date("2023-08-10"), date("2023-08-09")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme shenzhen-2023: policy issued on 2023-08-09, before it was collected on"
                        + " 2023-08-10; a policy is issued on or after collection");
    }

    @Test
    void seed000CaseOneLossIsCappedByThePerBuyerLimit() {
        // Seed 000, case 1: a Hong Kong buyer owed nearly 440,000 USD; the insurer paid 150,000 USD.
        assertThat(shenzhen.indemnity(usd("440000"))).isEqualTo(usd("352000.00"));
        assertThat(shenzhen.payout(usd("440000"), usd("150000"), usd("1000000"))).isEqualTo(usd("150000.00"));
    }

    @Test
    void payoutIsTheLeastOfIndemnityBuyerLeftAndAggregateLeft() {
        assertThat(henanSmall.payout(usd("50000"), usd("100000"), usd("240000"))).isEqualTo(usd("40000.00"));
        assertThat(henanSmall.payout(usd("50000"), usd("30000"), usd("240000"))).isEqualTo(usd("30000.00"));
        assertThat(henanSmall.payout(usd("50000"), usd("100000"), usd("12345.67"))).isEqualTo(usd("12345.67"));
        assertThat(henanSmall.payout(usd("50000"), usd("100000"), usd("0"))).isEqualTo(usd("0.00"));
        // 80% of 0.01 is 0.008: half-up to 0.01.
        assertThat(henanSmall.indemnity(usd("0.01"))).isEqualTo(usd("0.01"));
    }

    @Test
    void payoutRefusesMoreLeftForABuyerThanTheLimit() {
        assertThatThrownBy(() -> henanSmall.payout(usd("50000"), usd("150000"), usd("240000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme henan-2024-small: perBuyerLeft 150000.00 USD is more than the per-buyer limit"
                        + " 100000.00 USD");
        assertThatThrownBy(() -> henanSmall.payout(usd("-1"), usd("100000"), usd("240000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loss -1 USD must not be negative");
    }

    @Test
    void aSchemeBuiltInCodeChecksItsRules() {
        assertThatThrownBy(() -> scheme("x-2023", new PremiumRule(null, false, null, BigDecimal.ZERO),
                new AggregateLimit.AsOnPolicy(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme x-2023: effectiveOnEnterprisePayment is true but premium.enterpriseShare is 0:"
                        + " there is no payment to wait for");
        assertThatThrownBy(() -> scheme("X 2023", new PremiumRule(null, false, null, BigDecimal.ZERO),
                new AggregateLimit.AsOnPolicy(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scheme id 'X 2023' must be");
        assertThatThrownBy(() -> new PremiumRule(null, false, null, new BigDecimal("0.2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rate is not stated (null: the government pays), so");
        assertThatThrownBy(() -> new AggregateLimit.MultipleOfPremium(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multiple 0 must be above 0");
    }

    @Test
    void fixedAggregateLimitIgnoresThePremium() {
        Scheme fixed = scheme("x-2023", new PremiumRule(null, false, null, BigDecimal.ZERO),
                new AggregateLimit.Fixed(usd("500000")), false);

        assertThat(fixed.aggregateLimit(Premium.notStated())).contains(usd("500000.00"));
    }

    @Test
    void henanPolicyYearsRecurEachSeptemberWhileTheNoticeIsInForce() { // #14
        assertThat(henanSmall.validity()).isEqualTo(new DateRange(date("2024-08-05"), date("2027-12-31")));
        assertThat(henanSmall.policyYears()).containsExactly(
                new PolicyYear(new DateRange(date("2024-09-01"), date("2025-08-31")), date("2024-09-30"), 2023),
                new PolicyYear(new DateRange(date("2025-09-01"), date("2026-08-31")), date("2025-09-30"), 2024),
                new PolicyYear(new DateRange(date("2026-09-01"), date("2027-08-31")), date("2026-09-30"), 2025),
                new PolicyYear(new DateRange(date("2027-09-01"), date("2028-08-31")), date("2027-09-30"), 2026));
    }

    @Test
    void aNoticeOfASingleYearKeepsIt() { // #14
        assertThat(shenzhen.renewsYearly()).isFalse();
        assertThat(shenzhen.policyYears()).containsExactly(
                new PolicyYear(new DateRange(date("2023-07-01"), date("2024-06-30")), date("2023-06-30"), 2022));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-08-05, 2024-09-01", // before the first year: the next to start
        "2025-08-31, 2024-09-01",
        "2025-09-01, 2025-09-01",
        "2026-12-05, 2026-09-01", // the demo's today: the year in force
        "2028-08-31, 2027-09-01",
        "2028-09-01, ''"})
    void thePolicyYearOnADayIsTheOneInForceOrElseTheNext(String day, String start) { // #14
        assertThat(henanSmall.policyYearOn(date(day)).map(PolicyYear::start))
                .isEqualTo(start.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(date(start)));
    }

    @Test
    void coverageOfALaterYearUsesThatYearsCollectByDate() { // #14
        PolicyYear y2026 = henanSmall.policyYearStarting(date("2026-09-01")).orElseThrow();

        assertThat(henanSmall.coverage(y2026, date("2026-09-30"), null))
                .isEqualTo(new DateRange(date("2026-09-01"), date("2027-08-31")));
        assertThat(henanSmall.coverage(y2026, date("2026-12-05"), date("2026-12-05")))
                .isEqualTo(new DateRange(date("2026-12-05"), date("2027-08-31")));
        assertThat(henanSmall.policyYearStarting(date("2026-09-02"))).isEmpty();
    }

    @Test
    void theFirstYearMustStartWithinTheValidity() { // #14
        assertThatThrownBy(() -> scheme("x-2023", new DateRange(date("2023-08-01"), date("2024-12-31")), false))
                .isInstanceOf(SchemeDataException.class)
                .hasMessage("scheme x-2023: the first policy year starts on 2023-07-01, outside the validity"
                        + " 2023-08-01..2024-12-31; a policy year starts while the notice is in force")
                .extracting(e -> ((SchemeDataException) e).field()).isEqualTo("validity");
    }

    @Test
    void aRenewingYearMayNotBeLongerThanAYear() { // #14
        Scheme ok = scheme("x-2023", new DateRange(date("2023-07-01"), date("2025-12-31")), true);
        assertThat(ok.policyYears()).extracting(PolicyYear::start)
                .containsExactly(date("2023-07-01"), date("2024-07-01"), date("2025-07-01"));

        assertThatThrownBy(() -> new Scheme("x-2023", "测试", "Test", Scheme.EnterpriseSize.SMALL_MICRO,
                new Region("4403", "深圳市", "Shenzhen"), new Eligibility(2022, null, usd("8000000")),
                new PremiumRule(null, false, null, BigDecimal.ZERO), new BigDecimal("0.80"), usd("150000"),
                new AggregateLimit.AsOnPolicy(), new DateRange(date("2023-07-01"), date("2024-07-01")),
                date("2023-06-30"), new DateRange(date("2023-07-01"), date("2025-12-31")), true, 3,
                Scheme.ExtraCreditReports.CHARGED, false, new LossDeadlines(60, 120), "test", List.of()))
                .isInstanceOf(SchemeDataException.class)
                .hasMessage("scheme x-2023: renewsYearly is true but the policy year 2023-07-01..2024-07-01 is longer"
                        + " than a year, so the years would overlap");
    }

    private static Scheme scheme(String id, DateRange validity, boolean renews) {
        return new Scheme(id, "测试", "Test", Scheme.EnterpriseSize.SMALL_MICRO, new Region("4403", "深圳市", "Shenzhen"),
                new Eligibility(2022, null, usd("8000000")), new PremiumRule(null, false, null, BigDecimal.ZERO),
                new BigDecimal("0.80"), usd("150000"), new AggregateLimit.AsOnPolicy(),
                new DateRange(date("2023-07-01"), date("2024-06-30")), date("2023-06-30"), validity, renews, 3,
                Scheme.ExtraCreditReports.CHARGED, false, new LossDeadlines(60, 120), "test", List.of());
    }

    private static Scheme scheme(String id, PremiumRule premium, AggregateLimit aggregate, boolean onPayment) {
        return new Scheme(id, "测试", "Test", Scheme.EnterpriseSize.SMALL_MICRO, new Region("4403", "深圳市", "Shenzhen"),
                new Eligibility(2022, null, usd("8000000")), premium, new BigDecimal("0.80"), usd("150000"),
                aggregate, new DateRange(date("2023-07-01"), date("2024-06-30")), date("2023-06-30"),
                new DateRange(date("2023-07-01"), date("2024-06-30")), false, 3, Scheme.ExtraCreditReports.CHARGED, onPayment,
                new LossDeadlines(60, 120), "test", List.of());
    }

    private static PolicyYear first(Scheme s) {
        return s.policyYears().get(0);
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
