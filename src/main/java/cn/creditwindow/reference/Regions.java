package cn.creditwindow.reference;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.validation.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mainland's administrative divisions in three levels, province → city → district, for the cascading
 * address selects (省/市 — 市 — 区) of the inquiry and message-board forms: lookup by code, the children of a
 * division, and whether a district lies in a city. Municipalities have the placeholder cities 市辖区 (and 县 for
 * Chongqing), and the counties a province administers directly sit under 省直辖县级行政区划 (e.g. 419000 → 419001
 * 济源市), so every chain has three levels except the four prefecture-level cities without districts (东莞, 中山,
 * 儋州: their chain ends at the city). Immutable and thread-safe.
 */
public final class Regions {
    /** The bundled data file; see {@code reference/README.md} for its source, version and licence. */
    static final String RESOURCE = "/reference/regions.csv";
    private static final List<String> HEADER = List.of("code", "name", "parent");

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> children;
    private final List<Division> provinces;

    /**
     * @throws IllegalArgumentException when two divisions share a code or one names a parent that is not there
     */
    public Regions(List<Division> divisions) {
        Objects.requireNonNull(divisions, "divisions");
        Map<String, Division> codes = new LinkedHashMap<>();
        for (Division d : divisions) {
            if (codes.putIfAbsent(d.code(), d) != null) {
                throw new IllegalArgumentException("division code " + d.code() + " is listed twice");
            }
        }
        Map<String, List<Division>> kids = new HashMap<>();
        List<Division> top = new ArrayList<>();
        for (Division d : codes.values()) {
            if (d.parent() == null) {
                top.add(d);
            } else if (!codes.containsKey(d.parent())) {
                throw new IllegalArgumentException("division " + d.code() + " " + d.name() + " names the parent "
                        + d.parent() + ", which is not listed");
            } else {
                kids.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, List<Division>> sorted = new HashMap<>();
        kids.forEach((parent, list) -> {
            list.sort((a, b) -> a.code().compareTo(b.code()));
            sorted.put(parent, List.copyOf(list));
        });
        top.sort((a, b) -> a.code().compareTo(b.code()));
        this.byCode = Map.copyOf(codes);
        this.children = Map.copyOf(sorted);
        this.provinces = List.copyOf(top);
    }

    /** Reads the bundled {@code /reference/regions.csv} from the classpath. */
    public static Regions load() {
        List<Division> divisions = new ArrayList<>();
        for (ReferenceCsv.Row row : ReferenceCsv.readResource(RESOURCE, HEADER)) {
            try {
                divisions.add(new Division(row.get(0), row.get(1), row.get(2).isEmpty() ? null : row.get(2)));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return new Regions(divisions);
    }

    /** The province-level units, by code. */
    public List<Division> provinces() {
        return provinces;
    }

    /** The division with this 6-digit code. */
    public Optional<Division> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /** The divisions directly under this one, by code; empty for a district, a city without districts, or an unknown code. */
    public List<Division> children(String code) {
        return code == null ? List.of() : children.getOrDefault(code.strip(), Collections.emptyList());
    }

    /** True when {@code child} is listed directly under {@code parent} (a district in that city, a city in that province). */
    public boolean isIn(String child, String parent) {
        return find(child).map(d -> d.parent() != null && d.parent().equals(parent == null ? null : parent.strip()))
                .orElse(false);
    }

    /**
     * The province, city and district codes leading to a division, blank below its level ({@code 440300} →
     * {@code [440000, 440300, ""]}); three blanks for an unknown code. For forms that start from an enterprise's
     * registered division.
     */
    public List<String> lineage(String code) {
        Division d = find(code).orElse(null);
        if (d == null) {
            return List.of("", "", "");
        }
        return switch (d.level()) {
            case PROVINCE -> List.of(d.code(), "", "");
            case CITY -> List.of(d.parent(), d.code(), "");
            case DISTRICT -> List.of(byCode.get(d.parent()).parent(), d.parent(), d.code());
        };
    }

    /** How many divisions are listed. */
    public int size() {
        return byCode.size();
    }

    /**
     * A registered address's province, city and district, checked as a chain: the province must be one, the city
     * one of its cities, the district one of the city's districts (required unless the city has none).
     *
     * @param district null when the city has no districts (东莞市, 中山市, 儋州市)
     */
    public record Chain(Division province, Division city, Division district) {
        /** The names joined, e.g. 广东省 深圳市 罗湖区 (placeholders such as 市辖区 left out). */
        public String label() {
            return Place.label(Place.of(province), Place.of(city), Place.of(district));
        }

        /** The most precise code: the district's, else the city's. */
        public String code() {
            return district != null ? district.code() : city.code();
        }
    }

    /**
     * What the three selects of a cascade offer and hold: every province, the chosen province's cities, the chosen
     * city's districts (empty until a parent is chosen, or when the chosen city is not in the chosen province), and
     * the chosen codes as typed. Pages render it without script; the script only refills the lists sooner.
     */
    public record Cascade(List<Division> provinces, List<Division> cities, List<Division> districts, String province,
                          String city, String district) {
        public boolean provinceIs(Division d) {
            return d.code().equals(province);
        }

        public boolean cityIs(Division d) {
            return d.code().equals(city);
        }

        public boolean districtIs(Division d) {
            return d.code().equals(district);
        }

        /** True when a city is chosen that has no districts (the third select is then not needed). */
        public boolean noDistricts() {
            return city != null && !city.isBlank() && districts.isEmpty() && cities.stream().anyMatch(this::cityIs);
        }
    }

    /** The cascade for the codes chosen so far (any of them blank or wrong). */
    public Cascade cascade(String province, String city, String district) {
        String p = blankToNull(province);
        String c = blankToNull(city);
        List<Division> cities = p == null ? List.of() : children(p);
        List<Division> districts = c != null && isIn(c, p) ? children(c) : List.of();
        return new Cascade(provinces, cities, districts, p, c, blankToNull(district));
    }

    /**
     * Checks the three codes of a cascade as a chain and answers it, or adds one {@link FieldError} per bad field
     * (named {@code province}, {@code city}, {@code district} after {@code prefix}) to {@code errors} and answers
     * empty. A field whose parent is missing or wrong is not checked against it: the first wrong link says what to
     * fix; only a missing city is named with a bad province, since a city is needed whatever the province.
     */
    public Optional<Chain> chain(String prefix, String province, String city, String district, List<FieldError> errors) {
        String pf = prefix + "province";
        String cf = prefix + "city";
        String df = prefix + "district";
        Division p = find(blankToNull(province)).filter(d -> d.level() == Division.Level.PROVINCE).orElse(null);
        if (p == null) {
            errors.add(blankToNull(province) == null
                    ? new FieldError(pf, "请选择省/直辖市/自治区", "choose the province")
                    : new FieldError(pf, "省份代码“" + province + "”不存在", "there is no province with code '" + province + "'"));
            if (blankToNull(city) == null) { // a city is always needed: named now, not once the province is fixed
                errors.add(new FieldError(cf, "请选择城市", "choose the city"));
            }
            return Optional.empty();
        }
        Division c = find(blankToNull(city)).orElse(null);
        if (c == null || !p.code().equals(c.parent())) {
            errors.add(blankToNull(city) == null
                    ? new FieldError(cf, "请选择城市", "choose the city")
                    : new FieldError(cf, "所选城市不属于" + p.name() + "，请重新选择",
                            "the city '" + city + "' is not in " + p.name() + " (" + p.code() + "); choose again"));
            return Optional.empty();
        }
        List<Division> districts = children(c.code());
        String dc = blankToNull(district);
        if (districts.isEmpty()) {
            if (dc != null) {
                errors.add(new FieldError(df, c.name() + "下不设区县，请勿选择区县",
                        c.name() + " (" + c.code() + ") has no districts; leave the district empty"));
                return Optional.empty();
            }
            return Optional.of(new Chain(p, c, null));
        }
        Division d = find(dc).orElse(null);
        if (d == null || !c.code().equals(d.parent())) {
            errors.add(dc == null
                    ? new FieldError(df, "请选择区/县", "choose the district")
                    : new FieldError(df, "所选区县不属于" + p.name() + c.name() + "，请重新选择",
                            "the district '" + district + "' is not in " + c.name() + " (" + c.code() + "); choose again"));
            return Optional.empty();
        }
        return Optional.of(new Chain(p, c, d));
    }
}
