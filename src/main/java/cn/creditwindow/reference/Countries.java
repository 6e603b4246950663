package cn.creditwindow.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ISO 3166-1 countries and territories, with lookup by code or by any of their names.
 * Immutable and thread-safe.
 */
public final class Countries {
    /** The bundled data file; see {@code reference/README.md} for its sources. */
    static final String RESOURCE = "/reference/countries.csv";
    private static final List<String> HEADER =
            List.of("alpha2", "alpha3", "numeric", "name_zh", "name_en", "aliases", "belt_and_road");

    private final List<Country> all;
    private final Map<String, Country> byKey;

    /**
     * @throws IllegalArgumentException when two countries share a code, or a name or alias that folds to
     *                                  the same lookup key (so {@link #find} would be ambiguous)
     */
    public Countries(List<Country> countries) {
        Objects.requireNonNull(countries, "countries");
        List<Country> sorted = new ArrayList<>(countries);
        sorted.sort(Comparator.comparing(Country::alpha2));
        this.all = List.copyOf(sorted);
        Map<String, Country> keys = new HashMap<>();
        for (Country country : all) {
            index(keys, country.alpha2(), country);
            index(keys, country.alpha3(), country);
            index(keys, country.nameZh(), country);
            index(keys, country.nameEn(), country);
            country.aliases().forEach(alias -> index(keys, alias, country));
        }
        this.byKey = Map.copyOf(keys);
    }

    /** Reads the bundled {@code /reference/countries.csv} from the classpath. */
    public static Countries load() {
        List<Country> countries = new ArrayList<>();
        for (ReferenceCsv.Row row : ReferenceCsv.readResource(RESOURCE, HEADER)) {
            String beltAndRoad = row.get(6);
            if (!beltAndRoad.equals("Y") && !beltAndRoad.equals("N")) {
                throw row.error("belt_and_road must be Y or N but was '" + beltAndRoad + "'");
            }
            try {
                countries.add(new Country(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4),
                        ReferenceCsv.list(row.get(5)), beltAndRoad.equals("Y")));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return new Countries(countries);
    }

    /** All countries, sorted by alpha-2 code. */
    public List<Country> all() {
        return all;
    }

    /**
     * The country with this alpha-2 or alpha-3 code (any case), Chinese name, English name (any case) or
     * alias. Surrounding whitespace is ignored and full-width characters match their half-width forms,
     * so {@code " ａｅ "}, {@code 阿拉伯联合酋长国}, {@code 阿拉伯聯合大公國} and {@code uae} all find AE.
     * Ambiguous short forms that are not aliases (such as {@code 刚果} or {@code 中非}) find nothing.
     */
    public Optional<Country> find(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(Fold.key(codeOrName)));
    }

    private static void index(Map<String, Country> keys, String name, Country country) {
        String key = Fold.key(name);
        Country previous = keys.putIfAbsent(key, country);
        if (previous != null && previous != country) {
            throw new IllegalArgumentException("'" + name + "' names both " + previous.alpha2() + " and "
                    + country.alpha2() + "; a name or alias must belong to one country");
        }
    }
}
