package cn.creditwindow.schemes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sponsored-policy schemes the service knows, read from data files (see {@code schemes/README.md}), with
 * lookup by id and by enterprise. Adding a year or a province is adding a file, or an entry to one; no code
 * changes. Immutable and thread-safe.
 */
public final class Schemes {
    /** The classpath folder of the bundled data files. */
    public static final String FOLDER = "/schemes";
    /** The file in a folder that lists its data files, one name a line. */
    static final String INDEX = "index.txt";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

    private final List<Scheme> all;
    private final Map<String, Scheme> byId;

    /**
     * @throws IllegalArgumentException when two schemes share an id, or two schemes of the same region have
     *                                  eligibility bands that share an amount and a policy year each (of all
     *                                  their years) that share a day (an enterprise would be eligible for both)
     */
    public Schemes(List<Scheme> schemes) {
        Objects.requireNonNull(schemes, "schemes");
        checkIdsAndOverlaps(schemes.stream().map(s -> new Located(null, s)).toList());
        List<Scheme> sorted = new ArrayList<>(schemes);
        sorted.sort(Comparator.comparing(Scheme::id));
        this.all = List.copyOf(sorted);
        Map<String, Scheme> ids = new HashMap<>();
        all.forEach(s -> ids.put(s.id(), s));
        this.byId = Map.copyOf(ids);
    }

    /** Reads the bundled schemes: the files listed in {@code /schemes/index.txt} on the classpath. */
    public static Schemes load() {
        return load(FOLDER);
    }

    /**
     * Reads the data files listed in {@code index.txt} of a classpath folder such as {@code /schemes}. The
     * index lists file names in that folder, one a line; blank lines and lines starting with {@code #} are
     * skipped.
     *
     * @throws IllegalArgumentException naming the file, scheme and field of the first broken rule
     */
    public static Schemes load(String folder) {
        Objects.requireNonNull(folder, "folder");
        String index = folder + "/" + INDEX;
        return loadFiles(readIndex(index).stream().map(name -> folder + "/" + name).toList());
    }

    /** Reads these classpath resources (such as {@code /schemes/henan-2024.json}) as one set of schemes. */
    static Schemes loadFiles(List<String> resources) {
        List<Located> schemes = new ArrayList<>();
        for (String resource : resources) {
            SchemeJson.readResource(resource).forEach(s -> schemes.add(new Located(resource, s)));
        }
        // Checked here first so that the messages name the files; the constructor's check then passes.
        checkIdsAndOverlaps(schemes);
        return new Schemes(schemes.stream().map(Located::scheme).toList());
    }

    /**
     * These schemes and {@code added} (an administrator's, {@link SchemeCatalogue}) as one set, checked as files are:
     * no two ids alike, no overlapping years and bands. Messages name an added scheme as {@code added: scheme …}.
     *
     * @throws SchemeDataException naming the added scheme, the field and the scheme it clashes with
     */
    Schemes with(List<Scheme> added) {
        List<Located> located = new ArrayList<>();
        all.forEach(s -> located.add(new Located(null, s)));
        added.forEach(s -> located.add(new Located("added", s)));
        checkIdsAndOverlaps(located);
        List<Scheme> both = new ArrayList<>(all);
        both.addAll(added);
        return new Schemes(both);
    }

    /** Every scheme, sorted by id. */
    public List<Scheme> all() {
        return all;
    }

    /** The scheme with this id (exact, case-sensitive), or empty. */
    public Optional<Scheme> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /**
     * The scheme an enterprise falls under on a date, as a convenience: an administrator importing a list of
     * eligible enterprises names the scheme id explicitly instead.
     *
     * <ol>
     *   <li>Region: the schemes whose division prefix is the longest prefix of {@code divisionCode} that any
     *       scheme has. A city with its own schemes (Shenzhen, 4403) is never given its province's (44), even
     *       when none of its own fits.</li>
     *   <li>Of those, the ones whose eligibility band contains the exports and that have a policy year for
     *       {@code onDate} ({@link Scheme#policyYearOn}: one in force, or the next to start; a policy can still be
     *       collected until its year ends).</li>
     *   <li>Of those, the one whose year for {@code onDate} starts first: the one in force on {@code onDate} if there
     *       is one, otherwise the next one, whose policy can be collected ahead of its start (Shenzhen's 2023
     *       policies were collected by 30 June for a year starting 1 July). The load-time rule against
     *       overlapping years makes this one unique.</li>
     * </ol>
     *
     * @param divisionCode    the enterprise's 6-digit administrative division code
     * @param lastYearExports its exports in USD of the year before
     * @param onDate          the day asked about, usually today
     * @return the scheme, or empty when none fits
     * @throws IllegalArgumentException when the division code is not 6 digits or the exports are negative or
     *                                  have fractions of a cent
     */
    public Optional<Scheme> schemeFor(String divisionCode, BigDecimal lastYearExports, LocalDate onDate) {
        Region.checkDivisionCode(divisionCode);
        Amounts.usd("lastYearExports", lastYearExports);
        Objects.requireNonNull(onDate, "onDate");
        int longest = all.stream()
                .filter(s -> s.region().contains(divisionCode))
                .mapToInt(s -> s.region().divisionPrefix().length())
                .max().orElse(0);
        return all.stream()
                .filter(s -> s.region().contains(divisionCode) && s.region().divisionPrefix().length() == longest)
                .filter(s -> s.isEligible(lastYearExports) && s.policyYearOn(onDate).isPresent())
                .min(Comparator.comparing((Scheme s) -> s.policyYearOn(onDate).orElseThrow().start()));
    }

    private static List<String> readIndex(String index) {
        List<String> lines;
        try (InputStream in = Schemes.class.getResourceAsStream(index)) {
            if (in == null) {
                throw new IllegalArgumentException("scheme index " + index + " not found on the classpath");
            }
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + index, e);
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(index + " line " + (i + 1) + ": '" + name
                        + "' must be the name of a .json file in the same folder");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(index + " line " + (i + 1) + ": " + name + " is listed twice");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(index + " lists no scheme files");
        }
        return names;
    }

    private static void checkIdsAndOverlaps(List<Located> schemes) {
        Map<String, Located> ids = new HashMap<>();
        for (Located located : schemes) {
            Objects.requireNonNull(located.scheme(), "scheme");
            Located previous = ids.putIfAbsent(located.scheme().id(), located);
            if (previous != null) {
                throw new SchemeDataException(located.where() + ": id: duplicate id, also used by "
                        + previous.where(), "id", "duplicate id, also used by " + previous.where(), null);
            }
        }
        for (int i = 0; i < schemes.size(); i++) {
            for (int j = i + 1; j < schemes.size(); j++) {
                checkOverlap(schemes.get(i), schemes.get(j));
            }
        }
    }

    private static void checkOverlap(Located earlier, Located later) {
        Scheme a = earlier.scheme();
        Scheme b = later.scheme();
        if (!a.region().divisionPrefix().equals(b.region().divisionPrefix())
                || !a.eligibility().overlaps(b.eligibility())) {
            return;
        }
        for (PolicyYear x : a.policyYears()) {
            for (PolicyYear y : b.policyYears()) {
                if (x.range().overlaps(y.range())) {
                    throw new SchemeDataException(later.where() + ": eligibility: overlaps " + earlier.where()
                            + " (same region " + a.region().divisionPrefix() + ", policy years " + y + " and " + x
                            + " share days, and the bands " + b.eligibility() + " and " + a.eligibility()
                            + " share amounts), so an enterprise would be eligible for both; make the bands or the"
                            + " policy years disjoint", "eligibility", "overlaps " + earlier.where() + ": policy years "
                            + y + " and " + x + " share days and the bands " + b.eligibility() + " and "
                            + a.eligibility() + " share amounts", null);
                }
            }
        }
    }

    /** A scheme and the file it came from (null when built in code), for messages. */
    private record Located(String file, Scheme scheme) {
        String where() {
            return (file == null ? "" : file + ": ") + "scheme " + scheme.id();
        }
    }
}
