package cn.creditwindow.reference;

import java.util.Objects;

/**
 * A division as a record keeps it: its code and the name it had when the record was made (a later edition of the
 * codes may rename it; the record keeps what was chosen).
 */
public record Place(String code, String name) {
    public Place {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /** The division's code and current name; null for null. */
    public static Place of(Division d) {
        return d == null ? null : new Place(d.code(), d.name());
    }

    /** The stored code and name, or null when the code is null (no district). */
    public static Place of(String code, String name) {
        return code == null ? null : new Place(code, name);
    }

    /** The names of an address's places joined with spaces, placeholders (市辖区, 县, 省直辖…) left out. */
    public static String label(Place province, Place city, Place district) {
        StringBuilder s = new StringBuilder(province.name());
        if (!isPlaceholder(city.name())) {
            s.append(' ').append(city.name());
        }
        if (district != null) {
            s.append(' ').append(district.name());
        }
        return s.toString();
    }

    static boolean isPlaceholder(String name) {
        return name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
    }
}
