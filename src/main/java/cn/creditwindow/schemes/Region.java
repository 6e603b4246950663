package cn.creditwindow.schemes;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a scheme applies: the enterprises whose 6-digit administrative division code (行政区划代码, GB/T 2260)
 * starts with {@code divisionPrefix}.
 *
 * @param divisionPrefix 2 digits for a province ({@code 41}, Henan), 4 for a prefecture-level city
 *                       ({@code 4403}, Shenzhen) or 6 for a county or district
 * @param nameZh         the region's Chinese name ({@code 深圳市})
 * @param nameEn         its English name ({@code Shenzhen})
 */
public record Region(String divisionPrefix, String nameZh, String nameEn) {
    private static final Pattern PREFIX = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    public Region {
        Objects.requireNonNull(divisionPrefix, "divisionPrefix");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        if (!PREFIX.matcher(divisionPrefix).matches()) {
            throw new IllegalArgumentException("divisionPrefix '" + divisionPrefix
                    + "' must be 2, 4 or 6 digits (province, city or district of a division code)");
        }
        if (nameZh.isBlank() || nameEn.isBlank()) {
            throw new IllegalArgumentException("nameZh and nameEn must not be blank");
        }
    }

    /**
     * True when the enterprise's division code lies in this region.
     *
     * @throws IllegalArgumentException when {@code divisionCode} is not 6 digits
     */
    public boolean contains(String divisionCode) {
        return checkDivisionCode(divisionCode).startsWith(divisionPrefix);
    }

    static String checkDivisionCode(String divisionCode) {
        Objects.requireNonNull(divisionCode, "divisionCode");
        if (!CODE.matcher(divisionCode).matches()) {
            throw new IllegalArgumentException("division code '" + divisionCode + "' must be 6 digits");
        }
        return divisionCode;
    }
}
