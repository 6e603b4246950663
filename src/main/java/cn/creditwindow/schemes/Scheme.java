package cn.creditwindow.schemes;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One sponsored small/micro policy scheme (统保政策): one notice's rules for one region and band of exporters, as read
 * from a data file under {@code src/main/resources/schemes/} or added by an administrator (see the README there for
 * every field), with the calculations the scheme defines. A scheme runs for its notice's {@code validity}; its
 * policy years are {@code policyYear} and, when it {@code renewsYearly}, that year shifted by whole years for every
 * start within the validity ({@link #policyYears()}). Amounts are USD with two decimals; fractions are exact
 * decimals. Immutable.
 *
 * @param id                           stable identifier, lower-case letters, digits and hyphens
 *                                     ({@code henan-2024-small}); what an administrator picks
 * @param nameZh                       the scheme's Chinese name
 * @param nameEn                       its English name
 * @param region                       where the enterprise must be registered
 * @param eligibility                  the band of last-year exports the scheme is for
 * @param premium                      how the premium is computed and shared
 * @param indemnityRatio               the fraction of a loss that is paid (赔偿比例, 0.80)
 * @param perBuyerLimit                the most paid for one buyer or issuing bank in the policy year
 *                                     (单一买方/开证行最高赔偿限额)
 * @param aggregateLimit               how the most paid to the enterprise in the policy year is set
 * @param policyYear                   the first policy year (保单年度)
 * @param collectBy                    the last day to collect (领取) the policy of the first year and still be
 *                                     covered from its start; see {@link #coverage}
 * @param validity                     the notice's period (政策执行期限): every policy year starts within it
 * @param renewsYearly                 true when a policy year follows the first each year while the notice is in
 *                                     force (Henan: yearly policies until 2027-12-31); false when the notice gives
 *                                     a single year (Shenzhen 2023)
 * @param freeCreditReports            free overseas buyer credit reports per enterprise and policy year
 * @param extraCreditReports           what happens to an overseas buyer report ordered when the free ones are used up:
 *                                     charged at the configured price, or refused
 * @param effectiveOnEnterprisePayment true when the policy takes effect only once the enterprise's own share
 *                                     of the premium is received (Henan medium: 收到企业自缴的 20% 保费后先行生效保单)
 * @param lossDeadlines                the days to report a possible loss after a due date, and to claim after the
 *                                     report (报损、索赔期限)
 * @param source                       where the rules come from (seed and section)
 * @param assumptions                  what the data assume where the source is silent, one line each, naming the
 *                                     field; to be confirmed with the insurer
 */
public record Scheme(
        String id,
        String nameZh,
        String nameEn,
        EnterpriseSize enterpriseSize,
        Region region,
        Eligibility eligibility,
        PremiumRule premium,
        BigDecimal indemnityRatio,
        BigDecimal perBuyerLimit,
        AggregateLimit aggregateLimit,
        DateRange policyYear,
        LocalDate collectBy,
        DateRange validity,
        boolean renewsYearly,
        int freeCreditReports,
        ExtraCreditReports extraCreditReports,
        boolean effectiveOnEnterprisePayment,
        LossDeadlines lossDeadlines,
        String source,
        List<String> assumptions) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The enterprises a scheme is for, as its notice names them: the application form says it is for them. */
    public enum EnterpriseSize implements Bilingual {
        /** 小微企业 (Henan's small/micro scheme). */
        SMALL_MICRO("小微企业", "small and micro enterprises"),
        /** 中型企业 (Henan's medium scheme). */
        MEDIUM("中型企业", "medium-sized enterprises"),
        /** 中小微企业 (Shenzhen's 外贸中小微企业统保). */
        SMALL_MEDIUM_MICRO("中小微企业", "small, medium and micro enterprises");

        private final Names names;

        EnterpriseSize(String zh, String en) {
            this.names = new Names(zh, en);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    /** What an order for an overseas buyer credit report beyond the free ones gets. */
    public enum ExtraCreditReports {
        /** Charged at the price an administrator configured. */
        CHARGED,
        /** Refused: the scheme gives only its free reports. */
        REFUSED
    }

    /** @throws IllegalArgumentException naming the scheme and the field when a rule is broken */
    public Scheme {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            String rule = "scheme id '" + id + "' must be lower-case letters and digits in hyphen-separated words"
                    + " (henan-2024-small)";
            throw new SchemeDataException(rule, "id", rule, null);
        }
        check(nameZh != null && !nameZh.isBlank(), id, "nameZh must not be blank");
        check(nameEn != null && !nameEn.isBlank(), id, "nameEn must not be blank");
        check(enterpriseSize != null, id, "enterpriseSize is required (SMALL_MICRO, MEDIUM or SMALL_MEDIUM_MICRO)");
        check(region != null, id, "region is required");
        check(eligibility != null, id, "eligibility is required");
        check(premium != null, id, "premium is required");
        check(aggregateLimit != null, id, "aggregateLimit is required");
        check(policyYear != null, id, "policyYear is required");
        check(collectBy != null, id, "collectBy is required");
        check(lossDeadlines != null, id, "lossDeadlines is required");
        check(source != null && !source.isBlank(), id, "source must not be blank");
        check(assumptions != null, id, "assumptions is required (an empty list when there are none)");
        assumptions = List.copyOf(assumptions);
        check(assumptions.stream().noneMatch(String::isBlank), id, "assumptions must not be blank");
        check(indemnityRatio != null, id, "indemnityRatio is required");
        check(perBuyerLimit != null, id, "perBuyerLimit is required");
        try {
            Amounts.fraction("indemnityRatio", indemnityRatio);
            perBuyerLimit = Amounts.usd("perBuyerLimit", perBuyerLimit);
        } catch (IllegalArgumentException e) {
            throw new SchemeDataException("scheme " + id + ": " + e.getMessage(),
                    e.getMessage().split(" ", 2)[0], e.getMessage(), e);
        }
        check(indemnityRatio.signum() > 0, id, "indemnityRatio 0 would pay nothing; it must be above 0");
        check(perBuyerLimit.signum() > 0, id, "perBuyerLimit must be above 0");
        check(!aggregateLimit.needsPremium() || premium.stated(), id, "aggregateLimit " + aggregateLimit.kind()
                + " is computed from the premium, so premium.rate must be stated");
        check(!collectBy.isAfter(policyYear.end()), id, "collectBy", "collectBy " + collectBy
                + " must not be after the end of the policy year " + policyYear.end());
        check(eligibility.exportsYear() < policyYear.start().getYear(), id, "eligibility.exportsYear",
                "eligibility.exportsYear " + eligibility.exportsYear() + " must be a year before the policy year"
                        + " starts (" + policyYear.start() + "): eligibility is judged on last year's exports");
        check(validity != null, id, "validity", "validity is required (the notice's period, from and to)");
        check(validity.contains(policyYear.start()), id, "validity", "the first policy year starts on "
                + policyYear.start() + ", outside the validity " + validity + "; a policy year starts while the"
                + " notice is in force");
        check(!renewsYearly || policyYear.end().isBefore(policyYear.start().plusYears(1)), id, "renewsYearly",
                "renewsYearly is true but the policy year " + policyYear + " is longer than a year, so the years"
                        + " would overlap");
        check(extraCreditReports != null, id, "extraCreditReports is required (CHARGED or REFUSED)");
        check(freeCreditReports >= 0, id, "freeCreditReports " + freeCreditReports + " must not be negative");
        check(!effectiveOnEnterprisePayment || premium.enterpriseShare().signum() > 0, id,
                "effectiveOnEnterprisePayment is true but premium.enterpriseShare is 0:"
                        + " there is no payment to wait for");
    }

    /**
     * True when an enterprise with these exports of {@code eligibility.exportsYear} may join. Does not check the
     * region or the date; {@link Schemes#schemeFor} does.
     *
     * @throws IllegalArgumentException when the exports are negative or have fractions of a cent
     */
    public boolean isEligible(BigDecimal lastYearExports) {
        return eligibility.contains(lastYearExports);
    }

    /**
     * The annual premium for an enterprise with these exports (the insured amount), as {@link PremiumRule} computes
     * it; {@link Premium#notStated()} when the scheme states no rate.
     *
     * @throws IllegalArgumentException when the exports are outside the eligibility band: the formula is the
     *                                  scheme's only for the enterprises it is for
     */
    public Premium premium(BigDecimal lastYearExports) {
        if (!isEligible(lastYearExports)) {
            throw new IllegalArgumentException("scheme " + id + ": exports of " + Amounts.show(lastYearExports)
                    + " USD are not eligible (" + eligibility + "), so it sets no premium for them");
        }
        return premium.premium(Amounts.usd("lastYearExports", lastYearExports));
    }

    /**
     * The enterprise's aggregate limit for this premium, or empty when only the issued policy states it
     * ({@link AggregateLimit.AsOnPolicy}).
     *
     * @throws IllegalArgumentException when the limit depends on the premium and the premium is not stated
     */
    public Optional<BigDecimal> aggregateLimit(Premium premium) {
        Objects.requireNonNull(premium, "premium");
        if (aggregateLimit.needsPremium() && !premium.stated()) {
            throw new IllegalArgumentException("scheme " + id + ": aggregateLimit " + aggregateLimit.kind()
                    + " needs a premium total, and this premium is not stated");
        }
        return aggregateLimit.amount(premium.total(), perBuyerLimit);
    }

    /**
     * The policy years of the scheme, in order: {@link #policyYear} with {@link #collectBy} and {@code
     * eligibility.exportsYear}, and, when the scheme {@link #renewsYearly}, that year shifted by 1, 2, … years for
     * every start within the {@link #validity}. The years never share a day.
     */
    public List<PolicyYear> policyYears() {
        PolicyYear first = new PolicyYear(policyYear, collectBy, eligibility.exportsYear());
        if (!renewsYearly) {
            return List.of(first);
        }
        List<PolicyYear> years = new ArrayList<>();
        for (PolicyYear y = first; !y.start().isAfter(validity.end()); y = first.plusYears(years.size())) {
            years.add(y);
        }
        return List.copyOf(years);
    }

    /**
     * The policy year a policy of this scheme is for on {@code day}: the year in force that day, or else the next
     * one to start (its policy can be collected ahead of it); empty once the last year has ended. A year in force can
     * still be collected until its last day (covered from the issue day, {@link #coverage}).
     */
    public Optional<PolicyYear> policyYearOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return policyYears().stream().filter(y -> !y.end().isBefore(day)).findFirst();
    }

    /** The policy year that starts on {@code start} (a policy's stored year), or empty when the scheme has none. */
    public Optional<PolicyYear> policyYearStarting(LocalDate start) {
        Objects.requireNonNull(start, "start");
        return policyYears().stream().filter(y -> y.start().equals(start)).findFirst();
    }

    /**
     * The days a policy of this scheme for {@code year} covers (保障期限). A policy collected on or before the year's
     * {@link PolicyYear#collectBy} covers the whole policy year; one collected later covers from its actual issue
     * date (usually within a week of collection; never before the policy year starts) to the end of the policy year
     * (seed 000 二(三)). For a scheme that is {@link #effectiveOnEnterprisePayment}, pass the date the policy took
     * effect after the payment as the issue date.
     *
     * @param year        the policy year the policy is for, one of {@link #policyYears()}
     * @param collectedOn the day the enterprise collected (领取) the policy
     * @param issuedOn    the day the insurer issued it; may be null when collected on time, since it does not
     *                    matter then
     * @throws IllegalArgumentException when collected or issued after the policy year ended (no cover is left),
     *                                  issued before collected, or collected late with no issue date
     */
    public DateRange coverage(PolicyYear year, LocalDate collectedOn, LocalDate issuedOn) {
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(collectedOn, "collectedOn");
        LocalDate end = year.end();
        if (collectedOn.isAfter(end)) {
            throw new IllegalArgumentException("scheme " + id + ": policy collected on " + collectedOn
                    + ", after its policy year " + year + " ended; there is no cover left to give");
        }
        if (issuedOn != null && issuedOn.isBefore(collectedOn)) {
            throw new IllegalArgumentException("scheme " + id + ": policy issued on " + issuedOn
                    + ", before it was collected on " + collectedOn + "; a policy is issued on or after collection");
        }
        if (issuedOn != null && issuedOn.isAfter(end)) {
            throw new IllegalArgumentException("scheme " + id + ": policy issued on " + issuedOn
                    + ", after its policy year " + year + " ended; there is no cover left to give");
        }
        if (!collectedOn.isAfter(year.collectBy())) {
            return year.range();
        }
        if (issuedOn == null) {
            throw new IllegalArgumentException("scheme " + id + ": policy collected on " + collectedOn
                    + ", after the collect-by date " + year.collectBy() + ", so its cover starts on the issue date,"
                    + " which is missing");
        }
        return new DateRange(issuedOn.isBefore(year.start()) ? year.start() : issuedOn, end);
    }

    /**
     * {@code indemnityRatio} × the loss, rounded half-up to the cent, before any limit.
     *
     * @throws IllegalArgumentException when the loss is negative or has fractions of a cent
     */
    public BigDecimal indemnity(BigDecimal loss) {
        return Amounts.cents(Amounts.usd("loss", loss).multiply(indemnityRatio));
    }

    /**
     * What a claim pays: the least of {@link #indemnity} of the loss, what is left of the per-buyer limit for
     * that buyer or bank, and what is left of the enterprise's aggregate limit (taken from the policy when the
     * scheme has no formula). The claims domain tracks what is left; this only takes the minimum.
     *
     * @throws IllegalArgumentException when an amount is negative or has fractions of a cent, or
     *                                  {@code perBuyerLeft} is more than the scheme's per-buyer limit
     */
    public BigDecimal payout(BigDecimal loss, BigDecimal perBuyerLeft, BigDecimal aggregateLeft) {
        BigDecimal buyer = Amounts.usd("perBuyerLeft", perBuyerLeft);
        BigDecimal aggregate = Amounts.usd("aggregateLeft", aggregateLeft);
        if (buyer.compareTo(perBuyerLimit) > 0) {
            throw new IllegalArgumentException("scheme " + id + ": perBuyerLeft " + Amounts.show(buyer)
                    + " USD is more than the per-buyer limit " + Amounts.show(perBuyerLimit) + " USD");
        }
        return indemnity(loss).min(buyer).min(aggregate);
    }

    private static void check(boolean ok, String id, String rule) {
        check(ok, id, rule.split("[ :]", 2)[0], rule);
    }

    private static void check(boolean ok, String id, String field, String rule) {
        if (!ok) {
            throw new SchemeDataException("scheme " + id + ": " + rule, field, rule, null);
        }
    }
}
