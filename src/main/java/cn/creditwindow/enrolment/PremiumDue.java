package cn.creditwindow.enrolment;

import cn.creditwindow.schemes.PremiumRule;
import cn.creditwindow.schemes.Scheme;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the enterprise pays of its policy's premium before the policy takes effect (企业自缴, Henan medium), with the
 * formula that gives it, in Chinese and English: the scheme's rate and share applied to the policy's stored insured
 * amount, premium and enterprise part (the amounts are the policy's, computed once when it was pushed; the formula
 * only shows how). E.g. {@code 年度保费 = 投保金额 8,000,000.00 × 0.12% = 9,600.00 美元；企业自缴 20% = 1,920.00 美元}.
 *
 * @param amountCents the amount due, the policy's {@code enterprisePartCents}
 */
public record PremiumDue(long amountCents, String formulaZh, String formulaEn) {

    /**
     * The amount due on a policy of this scheme.
     *
     * @throws IllegalArgumentException when the scheme states no premium (nothing is due then)
     */
    public static PremiumDue of(Policy p, Scheme s) {
        PremiumRule rule = s.premium();
        if (!rule.stated() || p.premiumCents() == null) {
            throw new IllegalArgumentException("scheme " + s.id() + " states no premium for policy " + p.id()
                    + ": the enterprise has nothing to pay");
        }
        String insured = Usd.format(p.insuredCents());
        String rate = percent(rule.rate());
        String share = percent(rule.enterpriseShare());
        String premium = Usd.format(p.premiumCents());
        String part = Usd.format(p.enterprisePartCents());
        // the minimum premium (小微 200 USD) when it raised the premium above insured × rate
        long raw = BigDecimal.valueOf(p.insuredCents()).multiply(rule.rate()).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        String zh = "年度保费 = 投保金额 " + insured + " × " + rate;
        String en = "annual premium = insured amount " + insured + " × " + rate;
        if (raw != p.premiumCents()) {
            zh += " = " + Usd.format(raw) + " 美元，低于最低保费，按 " + premium + " 美元计算";
            en += " = " + Usd.format(raw) + " USD, below the minimum premium, so " + premium + " USD";
        } else {
            zh += " = " + premium + " 美元";
            en += " = " + premium + " USD";
        }
        zh += "；企业自缴 " + share + " = " + part + " 美元";
        en += "; enterprise's share " + share + " = " + part + " USD";
        return new PremiumDue(p.enterprisePartCents(), zh, en);
    }

    /** The amount as pages show it: {@code 1,920.00}. */
    public String amount() {
        return Usd.format(amountCents);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
