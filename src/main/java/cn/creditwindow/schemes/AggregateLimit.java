package cn.creditwindow.schemes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scheme sets an enterprise's aggregate limit (单一企业最高赔偿限额), the most it can be paid in a policy year
 * over all its buyers. Each kind has a name used in the data files ({@link #kind()}).
 */
sealed interface AggregateLimit {
    /** The names of the kinds, as written in the data files. */
    List<String> KINDS = List.of("asOnPolicy", "multipleOfPremium", "maxOfMultipleAndPerBuyer", "fixed");

    /** This kind's name in the data files. */
    String kind();

    /** True when the limit is computed from the premium, which the scheme must then state a rate for. */
    boolean needsPremium();

    /**
     * The limit in USD, or empty when only the policy states it.
     *
     * @param premiumTotal  the premium's total; may be null only when {@link #needsPremium()} is false
     * @param perBuyerLimit the scheme's per-buyer limit
     */
    Optional<BigDecimal> amount(BigDecimal premiumTotal, BigDecimal perBuyerLimit);

    /** No formula: the limit is whatever the issued policy says (Shenzhen 2023: 以正式保单约定为准). */
    record AsOnPolicy() implements AggregateLimit {
        @Override
        public String kind() {
            return "asOnPolicy";
        }

        @Override
        public boolean needsPremium() {
            return false;
        }

        @Override
        public Optional<BigDecimal> amount(BigDecimal premiumTotal, BigDecimal perBuyerLimit) {
            return Optional.empty();
        }
    }

    /** {@code multiple} × the annual premium (Henan medium: 年度保费的 60 倍). */
    record MultipleOfPremium(int multiple) implements AggregateLimit {
        public MultipleOfPremium {
            checkMultiple(multiple);
        }

        @Override
        public String kind() {
            return "multipleOfPremium";
        }

        @Override
        public boolean needsPremium() {
            return true;
        }

        @Override
        public Optional<BigDecimal> amount(BigDecimal premiumTotal, BigDecimal perBuyerLimit) {
            return Optional.of(times(multiple, premiumTotal));
        }
    }

    /**
     * The larger of {@code multiple} × the annual premium and the per-buyer limit (Henan small: 不得低于年度保费的 60 倍
     * 或单一买方/开证行最高赔偿限额（按最高标准执行）). Where the source says "at least", this is that floor.
     */
    record MaxOfMultipleAndPerBuyer(int multiple) implements AggregateLimit {
        public MaxOfMultipleAndPerBuyer {
            checkMultiple(multiple);
        }

        @Override
        public String kind() {
            return "maxOfMultipleAndPerBuyer";
        }

        @Override
        public boolean needsPremium() {
            return true;
        }

        @Override
        public Optional<BigDecimal> amount(BigDecimal premiumTotal, BigDecimal perBuyerLimit) {
            return Optional.of(times(multiple, premiumTotal).max(perBuyerLimit));
        }
    }

    /** A fixed amount in USD, whatever the premium. */
    record Fixed(BigDecimal amount) implements AggregateLimit {
        public Fixed {
            amount = Amounts.usd("amount", amount);
            if (amount.signum() == 0) {
                throw new IllegalArgumentException("amount must be above 0");
            }
        }

        @Override
        public String kind() {
            return "fixed";
        }

        @Override
        public boolean needsPremium() {
            return false;
        }

        @Override
        public Optional<BigDecimal> amount(BigDecimal premiumTotal, BigDecimal perBuyerLimit) {
            return Optional.of(amount);
        }
    }

    private static void checkMultiple(int multiple) {
        if (multiple <= 0) {
            throw new IllegalArgumentException("multiple " + multiple + " must be above 0");
        }
    }

    private static BigDecimal times(int multiple, BigDecimal premiumTotal) {
        Objects.requireNonNull(premiumTotal, "premiumTotal");
        return premiumTotal.multiply(BigDecimal.valueOf(multiple));
    }
}
