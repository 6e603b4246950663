package cn.creditwindow.agreements;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of data an enterprise authorises the single window to give the insurer (企业数据授权, manual 2.2),
 * each summarised monthly in {@code authorised_data}.
 */
public enum DataType implements Bilingual {
    CUSTOMS_EXPORT_DECLARATIONS("出口报关单数据", "customs export declarations", true),
    EXPORT_RECEIPTS("出口收汇数据", "export receipts", true),
    ENTERPRISE_BASICS("企业基本信息", "basic enterprise information", false),
    CUSTOMS_CREDIT_RATING("海关企业信用等级", "customs credit rating", false);

    private final Names names;
    private final boolean hasAmount;

    DataType(String zh, String en, boolean hasAmount) {
        this.names = new Names(zh, en);
        this.hasAmount = hasAmount;
    }

    @Override
    public Names names() {
        return names;
    }

    /** True if its records carry a US dollar amount. */
    public boolean hasAmount() {
        return hasAmount;
    }

    /** The type named by its code (any case) or its Chinese name. */
    public static Optional<DataType> parse(String s) {
        String t = s.strip();
        return Arrays.stream(values())
                .filter(d -> d.name().equals(t.toUpperCase(Locale.ROOT).replace('-', '_')) || d.zh().equals(t))
                .findFirst();
    }
}
