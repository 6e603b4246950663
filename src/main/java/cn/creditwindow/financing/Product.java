package cn.creditwindow.financing;

import java.util.List;
import java.util.Objects;

/**
 * A financing product of a bank, as listed in {@code financing/products.json}.
 *
 * @param minYuan                 the smallest amount one may apply for, whole yuan (inclusive)
 * @param maxYuan                 the largest amount, whole yuan (inclusive)
 * @param requiresEffectivePolicy only enterprises holding an effective policy may apply
 */
public record Product(String id, String kindZh, String kindEn, String nameZh, String nameEn, String bankZh,
                      String bankEn, long minYuan, long maxYuan, int minTermMonths, int maxTermMonths, String rateZh,
                      String rateEn, boolean requiresEffectivePolicy, String summaryZh, String summaryEn,
                      List<String> requirementsZh, List<String> requirementsEn) {
    public Product {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("product id '" + id + "' must be 1-40 lower-case letters, digits or -");
        }
        if (minYuan <= 0 || maxYuan < minYuan) {
            throw new IllegalArgumentException("product " + id + ": amounts must be 0 < minYuan <= maxYuan, were "
                    + minYuan + " and " + maxYuan);
        }
        if (minTermMonths < 1 || maxTermMonths > 120 || maxTermMonths < minTermMonths) {
            throw new IllegalArgumentException("product " + id + ": terms must be 1 <= minTermMonths <= maxTermMonths"
                    + " <= 120, were " + minTermMonths + " and " + maxTermMonths);
        }
        requirementsZh = List.copyOf(requirementsZh);
        requirementsEn = List.copyOf(requirementsEn);
        if (requirementsZh.size() != requirementsEn.size()) {
            throw new IllegalArgumentException("product " + id + ": requirementsZh and requirementsEn differ in length");
        }
    }
}
