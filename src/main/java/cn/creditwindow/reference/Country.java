package cn.creditwindow.reference;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ISO 3166-1 country or territory.
 *
 * @param alpha2      ISO 3166-1 alpha-2 code, upper case ({@code AE}); the code articles are tagged with
 * @param alpha3      ISO 3166-1 alpha-3 code, upper case ({@code ARE})
 * @param numeric     ISO 3166-1 numeric code, three digits with leading zeros ({@code 004})
 * @param nameZh      the Simplified Chinese name users know ({@code 阿联酋}), not always the official one
 * @param nameEn      the English short name ({@code United Arab Emirates})
 * @param aliases     other names used for lookup and tagging: official and short Chinese names,
 *                    traditional-script names, English names and abbreviations ({@code UAE})
 * @param beltAndRoad true for the Belt and Road corridor countries of the State Information Center's list
 */
public record Country(
        String alpha2,
        String alpha3,
        String numeric,
        String nameZh,
        String nameEn,
        List<String> aliases,
        boolean beltAndRoad) {

    private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]{3}");

    public Country {
        Objects.requireNonNull(alpha2, "alpha2");
        Objects.requireNonNull(alpha3, "alpha3");
        Objects.requireNonNull(numeric, "numeric");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        aliases = List.copyOf(aliases);
        check(ALPHA2.matcher(alpha2).matches(), alpha2, "alpha2 '" + alpha2 + "' must be two upper-case letters");
        check(ALPHA3.matcher(alpha3).matches(), alpha2, "alpha3 '" + alpha3 + "' must be three upper-case letters");
        check(NUMERIC.matcher(numeric).matches(), alpha2, "numeric '" + numeric + "' must be three digits");
        check(!nameZh.isBlank() && !nameEn.isBlank(), alpha2, "nameZh and nameEn must not be blank");
        check(aliases.stream().noneMatch(String::isBlank), alpha2, "aliases must not be blank");
    }

    private static void check(boolean ok, String alpha2, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("country " + alpha2 + ": " + rule);
        }
    }
}
