package cn.creditwindow.credit;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of report that may be ordered, as read from {@code credit/report-types.json} (see the README there).
 *
 * @param requires             what an order must name: {@code buyer}, {@code country}, {@code hsCode}
 * @param usesFreeQuota        true when an order takes one of the sponsored policy's free reports
 * @param smallExportersOnly   true for the reports only enterprises exporting under 20M USD a year may order
 * @param defaultPriceFen      the price (CNY fen) until an administrator sets one
 * @param defaultSurchargeFen  the urgent surcharge (CNY fen) until an administrator sets one
 */
public record ReportType(String id, String nameZh, String nameEn, List<String> requires, boolean urgentAllowed,
                         boolean usesFreeQuota, boolean smallExportersOnly, long defaultPriceFen,
                         long defaultSurchargeFen) {
    static final Set<String> REQUIREMENTS = Set.of("buyer", "country", "hsCode");

    public ReportType {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("report type id '" + id + "' must be upper-case letters and _");
        }
        requires = List.copyOf(requires);
        for (String r : requires) {
            if (!REQUIREMENTS.contains(r)) {
                throw new IllegalArgumentException("report type " + id + ": unknown requirement '" + r
                        + "'; the requirements are buyer, country, hsCode");
            }
        }
        if (defaultPriceFen < 0 || defaultSurchargeFen < 0) {
            throw new IllegalArgumentException("report type " + id + ": prices must not be negative");
        }
        if (usesFreeQuota && !requires.contains("buyer")) {
            throw new IllegalArgumentException("report type " + id + ": only buyer reports use the free quota");
        }
    }

    public boolean needsBuyer() {
        return requires.contains("buyer");
    }

    public boolean needsCountry() {
        return requires.contains("country");
    }

    public boolean needsHsCode() {
        return requires.contains("hsCode");
    }
}
