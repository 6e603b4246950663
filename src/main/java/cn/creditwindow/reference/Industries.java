package cn.creditwindow.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The industry tree: GB/T 4754-2017 sections and divisions plus the key policy industries, in file order
 * (each section followed by its divisions, the key industries last). Immutable and thread-safe.
 */
public final class Industries {
    /** The bundled data file; see {@code reference/README.md} for its sources. */
    static final String RESOURCE = "/reference/industries.csv";
    private static final List<String> HEADER = List.of("code", "parent", "name_zh", "name_en", "keywords");

    private final List<Industry> all;
    private final Map<String, Industry> byCode;
    private final Map<String, Industry> byName;
    private final Map<String, List<Industry>> byKeyword;
    private final Map<String, List<Industry>> children;

    /**
     * @throws IllegalArgumentException when a code repeats (ignoring case), or a parent is unknown or listed
     *                                  after its child (which also rules out cycles)
     */
    public Industries(List<Industry> industries) {
        Objects.requireNonNull(industries, "industries");
        this.all = List.copyOf(industries);
        Map<String, Industry> codes = new LinkedHashMap<>();
        Map<String, Industry> names = new HashMap<>();
        Map<String, List<Industry>> keywords = new HashMap<>();
        Map<String, List<Industry>> kids = new HashMap<>();
        for (Industry industry : all) {
            if (industry.parent() != null && !codes.containsKey(codeKey(industry.parent()))) {
                throw new IllegalArgumentException("industry " + industry.code() + ": parent '" + industry.parent()
                        + "' must be an industry listed before it");
            }
            if (codes.putIfAbsent(codeKey(industry.code()), industry) != null) {
                throw new IllegalArgumentException("industry code '" + industry.code() + "' is listed twice");
            }
            // A section and its only division can share a name (房地产业): the first, the section, wins.
            names.putIfAbsent(Fold.key(industry.nameZh()), industry);
            names.putIfAbsent(Fold.key(industry.nameEn()), industry);
            for (String keyword : industry.keywords()) {
                keywords.computeIfAbsent(Fold.key(keyword), k -> new ArrayList<>()).add(industry);
            }
            kids.put(industry.code(), new ArrayList<>());
            if (industry.parent() != null) {
                kids.get(codes.get(codeKey(industry.parent())).code()).add(industry);
            }
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.byName = Map.copyOf(names);
        Map<String, List<Industry>> frozenKeywords = new HashMap<>();
        keywords.forEach((k, v) -> frozenKeywords.put(k, List.copyOf(v)));
        this.byKeyword = Map.copyOf(frozenKeywords);
        Map<String, List<Industry>> frozenKids = new HashMap<>();
        kids.forEach((k, v) -> frozenKids.put(k, List.copyOf(v)));
        this.children = Map.copyOf(frozenKids);
    }

    /** Reads the bundled {@code /reference/industries.csv} from the classpath. */
    public static Industries load() {
        List<Industry> industries = new ArrayList<>();
        for (ReferenceCsv.Row row : ReferenceCsv.readResource(RESOURCE, HEADER)) {
            String parent = row.get(1).strip();
            try {
                industries.add(new Industry(row.get(0).strip(), parent.isEmpty() ? null : parent,
                        row.get(2).strip(), row.get(3).strip(), ReferenceCsv.list(row.get(4))));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        return new Industries(industries);
    }

    /** All industries in file order: each section, then its divisions; the key industries last. */
    public List<Industry> all() {
        return all;
    }

    /**
     * The industry with this code (any case: {@code c}, {@code 17}, {@code Photovoltaics}), Chinese name,
     * English name (any case), or a keyword that belongs to exactly one industry, tried in that order.
     * A name shared by a section and its only division ({@code 房地产业}, {@code 教育}, {@code 国际组织})
     * finds the section. A keyword shared by several industries ({@code 纺织服装}) finds nothing.
     */
    public Optional<Industry> find(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        Industry byCodeHit = byCode.get(codeKey(codeOrName));
        if (byCodeHit != null) {
            return Optional.of(byCodeHit);
        }
        String key = Fold.key(codeOrName);
        Industry byNameHit = byName.get(key);
        if (byNameHit != null) {
            return Optional.of(byNameHit);
        }
        List<Industry> withKeyword = byKeyword.getOrDefault(key, List.of());
        return withKeyword.size() == 1 ? Optional.of(withKeyword.get(0)) : Optional.empty();
    }

    /**
     * The given codes followed by all their ancestors, without duplicates, in that order: what an
     * article is indexed under, so that filtering by {@code new-energy} or {@code C} also finds articles
     * tagged {@code photovoltaics}. Codes are matched ignoring case and returned in their canonical form.
     *
     * @throws IllegalArgumentException for a code that is not an industry
     */
    public Set<String> withAncestors(Collection<String> codes) {
        Set<String> result = new LinkedHashSet<>();
        for (String code : codes) {
            for (Industry industry = require(code); industry != null; industry = parentOf(industry)) {
                result.add(industry.code());
            }
        }
        return Collections.unmodifiableSet(result);
    }

    /**
     * The direct children of an industry in file order (empty for a leaf).
     *
     * @throws IllegalArgumentException for a code that is not an industry
     */
    public List<Industry> children(String code) {
        return children.get(require(code).code());
    }

    private Industry require(String code) {
        Industry industry = code == null ? null : byCode.get(codeKey(code));
        if (industry == null) {
            throw new IllegalArgumentException("unknown industry code '" + code + "'");
        }
        return industry;
    }

    private Industry parentOf(Industry industry) {
        return industry.parent() == null ? null : byCode.get(codeKey(industry.parent()));
    }

    private static String codeKey(String code) {
        return Fold.key(code);
    }
}
