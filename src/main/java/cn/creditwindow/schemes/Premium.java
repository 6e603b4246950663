package cn.creditwindow.schemes;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One enterprise's annual premium under a scheme, in USD with two decimals.
 *
 * <p>When the scheme states no rate (the government pays the whole premium, as in Shenzhen 2023), the total
 * and the subsidy are unknown: {@code total} and {@code subsidyPart} are then null, {@link #stated()} is false,
 * and {@code enterprisePart} is 0.00, which is known. Use {@link #knownTotal()} where a null would be a trap.
 *
 * @param total          the whole premium, or null when not stated
 * @param enterprisePart what the enterprise pays itself (企业自缴)
 * @param subsidyPart    what the subsidy pays, {@code total - enterprisePart}, or null when not stated
 */
public record Premium(BigDecimal total, BigDecimal enterprisePart, BigDecimal subsidyPart) {
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    public Premium {
        enterprisePart = Amounts.usd("enterprisePart", enterprisePart);
        if (total == null || subsidyPart == null) {
            if (total != null || subsidyPart != null || enterprisePart.signum() != 0) {
                throw new IllegalArgumentException("a premium that is not stated has neither total nor subsidyPart,"
                        + " and enterprisePart 0; was total " + total + ", enterprisePart " + enterprisePart
                        + ", subsidyPart " + subsidyPart);
            }
        } else {
            total = Amounts.usd("total", total);
            subsidyPart = Amounts.usd("subsidyPart", subsidyPart);
            if (enterprisePart.add(subsidyPart).compareTo(total) != 0) {
                throw new IllegalArgumentException("enterprisePart " + enterprisePart + " + subsidyPart " + subsidyPart
                        + " must equal total " + total);
            }
        }
    }

    /** The premium of a scheme without a stated rate: the government pays an amount not known here. */
    public static Premium notStated() {
        return new Premium(null, ZERO, null);
    }

    /** True when the total is known. */
    public boolean stated() {
        return total != null;
    }

    /** The total, or empty when not stated. */
    public Optional<BigDecimal> knownTotal() {
        return Optional.ofNullable(total);
    }
}
