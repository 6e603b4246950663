package cn.creditwindow.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the countries and industries a news item mentions, for tagging articles at ingest.
 *
 * <p>Countries are matched by every name and alias in {@link Countries}; industries by their keywords in
 * {@link Industries}. The phrases of {@code /reference/gazetteer-phrases.csv} come on top and override a
 * name or keyword with the same folded form: bilateral short forms ({@code 中美} → US, {@code 俄乌} → RU,
 * UA), metonyms ({@code 美联储} → US), and stop phrases that tag nothing but hide a name or keyword inside
 * them (regions such as {@code 中美洲}, Chinese places such as {@code 内蒙古}, {@code 河南} before
 * {@code 非法}, words such as {@code 中老年}, {@code 国家政策} hiding {@code 家政}). China is never tagged:
 * every article mentions it, so its names are stop phrases ({@code 中国香港} still tags HK, because the
 * longer alias wins). {@link PhraseTrie} describes the matching rules: longest match, word boundaries for
 * Latin, exact case for abbreviations such as {@code US}.
 *
 * <p>Immutable and thread-safe. A typical 30-character title takes well under a microsecond
 * (see BENCHMARKS.md).
 */
public final class Gazetteer {
    /** China: the home country, never derived from text. */
    static final String HOME_COUNTRY = "CN";
    static final String PHRASES_RESOURCE = "/reference/gazetteer-phrases.csv";
    private static final List<String> PHRASES_HEADER = List.of("kind", "phrase", "codes", "note");

    private final PhraseTrie countryTrie;
    private final PhraseTrie industryTrie;

    /** Uses the bundled {@code /reference/gazetteer-phrases.csv}. */
    public Gazetteer(Countries countries, Industries industries) {
        this(countries, industries, bundledPhrases());
    }

    /**
     * @param phrases bilateral forms, metonyms and stop phrases, each replacing a name or keyword with the
     *                same folded form
     * @throws IllegalArgumentException when a phrase names an unknown country or industry code
     */
    Gazetteer(Countries countries, Industries industries, List<Phrase> phrases) {
        Objects.requireNonNull(countries, "countries");
        Objects.requireNonNull(industries, "industries");
        Objects.requireNonNull(phrases, "phrases");
        PhraseTrie.Builder names = new PhraseTrie.Builder();
        for (Country country : countries.all()) {
            List<String> codes = country.alpha2().equals(HOME_COUNTRY) ? List.of() : List.of(country.alpha2());
            names.add(country.nameZh(), codes);
            names.add(country.nameEn(), codes);
            country.aliases().forEach(alias -> names.add(alias, codes));
        }
        PhraseTrie.Builder keywords = new PhraseTrie.Builder();
        for (Industry industry : industries.all()) {
            industry.keywords().forEach(keyword -> keywords.add(keyword, List.of(industry.code())));
        }
        for (Phrase phrase : phrases) {
            for (String code : phrase.codes()) {
                boolean known = phrase.kind() == Phrase.Kind.COUNTRY
                        ? countries.find(code).filter(c -> c.alpha2().equals(code)).isPresent()
                        : industries.find(code).filter(i -> i.code().equals(code)).isPresent();
                if (!known) {
                    throw new IllegalArgumentException("gazetteer phrase '" + phrase.phrase() + "' names unknown "
                            + phrase.kind().name().toLowerCase(Locale.ROOT) + " code '" + code + "'");
                }
            }
            (phrase.kind() == Phrase.Kind.COUNTRY ? names : keywords).replace(phrase.phrase(), phrase.codes());
        }
        this.countryTrie = names.build();
        this.industryTrie = keywords.build();
    }

    /**
     * The countries and industries mentioned in a title and a body.
     *
     * @param title    plain text, not null
     * @param bodyText plain text (HTML already stripped), or null for none; scanned after the title, so
     *                 the title's mentions come first
     */
    public Tags tag(String title, String bodyText) {
        Objects.requireNonNull(title, "title");
        Set<String> countryCodes = new LinkedHashSet<>();
        Set<String> industryCodes = new LinkedHashSet<>();
        countryTrie.scan(title, countryCodes);
        industryTrie.scan(title, industryCodes);
        if (bodyText != null) {
            countryTrie.scan(bodyText, countryCodes);
            industryTrie.scan(bodyText, industryCodes);
        }
        return new Tags(new ArrayList<>(countryCodes), new ArrayList<>(industryCodes));
    }

    /**
     * One row of {@code gazetteer-phrases.csv}.
     *
     * @param kind   which trie the phrase belongs to
     * @param phrase the text to match
     * @param codes  the alpha-2 or industry codes it tags; empty for a stop phrase
     */
    record Phrase(Kind kind, String phrase, List<String> codes) {
        enum Kind { COUNTRY, INDUSTRY }

        Phrase {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(phrase, "phrase");
            codes = List.copyOf(codes);
        }
    }

    static List<Phrase> bundledPhrases() {
        List<Phrase> phrases = new ArrayList<>();
        for (ReferenceCsv.Row row : ReferenceCsv.readResource(PHRASES_RESOURCE, PHRASES_HEADER)) {
            Phrase.Kind kind = switch (row.get(0).strip()) {
                case "country" -> Phrase.Kind.COUNTRY;
                case "industry" -> Phrase.Kind.INDUSTRY;
                default -> throw row.error("kind must be country or industry but was '" + row.get(0) + "'");
            };
            if (row.get(1).isBlank()) {
                throw row.error("phrase must not be blank");
            }
            phrases.add(new Phrase(kind, row.get(1).strip(), ReferenceCsv.list(row.get(2))));
        }
        return phrases;
    }
}
