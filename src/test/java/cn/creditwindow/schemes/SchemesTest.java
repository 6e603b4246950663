package cn.creditwindow.schemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemesTest {
    private final Schemes bundled = Schemes.load();

    @Test
    void loadsTheBundledSchemesSortedById() {
        assertThat(bundled.all()).extracting(Scheme::id)
                .containsExactly("henan-2024-medium", "henan-2024-small", "shenzhen-2023");
    }

    @Test
    void shenzhen2023IsReadAsSeed000StatesIt() {
        Scheme s = bundled.byId("shenzhen-2023").orElseThrow();

        assertThat(s.region()).isEqualTo(new Region("4403", "深圳市", "Shenzhen"));
        assertThat(s.eligibility()).isEqualTo(new Eligibility(2022, null, usd("8000000")));
        assertThat(s.premium()).isEqualTo(new PremiumRule(null, false, null, new BigDecimal("0")));
        assertThat(s.indemnityRatio()).isEqualByComparingTo("0.8");
        assertThat(s.perBuyerLimit()).isEqualTo(usd("150000.00"));
        assertThat(s.aggregateLimit()).isEqualTo(new AggregateLimit.AsOnPolicy());
        assertThat(s.policyYear()).isEqualTo(new DateRange(date("2023-07-01"), date("2024-06-30")));
        assertThat(s.collectBy()).isEqualTo(date("2023-06-30"));
        assertThat(s.freeCreditReports()).isEqualTo(3);
        assertThat(s.extraCreditReports()).isEqualTo(Scheme.ExtraCreditReports.CHARGED);
        assertThat(s.effectiveOnEnterprisePayment()).isFalse();
        assertThat(s.source()).startsWith("seed 000");
    }

    @Test
    void henan2024IsReadAsSeed003StatesItWithItsAssumptionsMarked() {
        Scheme small = bundled.byId("henan-2024-small").orElseThrow();
        Scheme medium = bundled.byId("henan-2024-medium").orElseThrow();

        assertThat(small.region().divisionPrefix()).isEqualTo("41");
        assertThat(small.eligibility()).isEqualTo(new Eligibility(2023, null, usd("5000000")));
        assertThat(small.premium().rate()).isEqualByComparingTo("0.0008");
        assertThat(small.premium().rateIsCeiling()).isTrue();
        assertThat(small.premium().minimum()).isEqualTo(usd("200.00"));
        assertThat(small.premium().enterpriseShare()).isEqualByComparingTo("0");
        assertThat(small.perBuyerLimit()).isEqualTo(usd("100000.00"));
        assertThat(small.aggregateLimit()).isEqualTo(new AggregateLimit.MaxOfMultipleAndPerBuyer(60));
        assertThat(small.effectiveOnEnterprisePayment()).isFalse();

        assertThat(medium.eligibility()).isEqualTo(new Eligibility(2023, usd("5000000"), usd("10000000")));
        assertThat(medium.premium().rate()).isEqualByComparingTo("0.0012");
        assertThat(medium.premium().rateIsCeiling()).isFalse();
        assertThat(medium.premium().enterpriseShare()).isEqualByComparingTo("0.2");
        assertThat(medium.perBuyerLimit()).isEqualTo(usd("150000.00"));
        assertThat(medium.aggregateLimit()).isEqualTo(new AggregateLimit.MultipleOfPremium(60));
        assertThat(medium.effectiveOnEnterprisePayment()).isTrue();

        for (Scheme s : List.of(small, medium)) {
            assertThat(s.indemnityRatio()).as(s.id()).isEqualByComparingTo("0.8");
            assertThat(s.policyYear()).as(s.id()).isEqualTo(new DateRange(date("2024-09-01"), date("2025-08-31")));
            assertThat(s.collectBy()).as(s.id()).isEqualTo(date("2024-09-30"));
            assertThat(s.freeCreditReports()).as(s.id()).isZero();
            assertThat(s.extraCreditReports()).as(s.id()).isEqualTo(Scheme.ExtraCreditReports.CHARGED);
            assertThat(s.assumptions()).as(s.id())
                    .anyMatch(a -> a.startsWith("policyYear: not stated in seed 003"))
                    .anyMatch(a -> a.startsWith("collectBy: not stated in seed 003"))
                    .anyMatch(a -> a.startsWith("freeCreditReports: "))
                    .anyMatch(a -> a.startsWith("extraCreditReports: "));
        }
        assertThat(medium.assumptions()).anyMatch(a -> a.startsWith("premium.minimum: "));
    }

    @Test
    void theIndexListsEveryBundledDataFile() throws IOException, URISyntaxException {
        Path folder = Path.of(Schemes.class.getResource("/schemes/index.txt").toURI()).getParent();
        List<String> listed = Files.readAllLines(folder.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void byIdIsExact() {
        assertThat(bundled.byId("henan-2024-small")).map(Scheme::id).contains("henan-2024-small");
        assertThat(bundled.byId("HENAN-2024-SMALL")).isEmpty();
        assertThat(bundled.byId("henan-2025-small")).isEmpty();
        assertThat(bundled.byId(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // Henan (41): the band decides between small and medium.
        "410105, 5000000,     2024-08-20, henan-2024-small",
        "410105, 5000000.01,  2024-08-20, henan-2024-medium",
        "411302, 10000000,    2025-08-31, henan-2024-medium",
        "410105, 10000000.01, 2024-10-01, ''",
        // #14 Henan's notice runs to 2027-12-31 and its policy years recur: the small scheme's 2025, 2026 and 2027
        // years follow the first, the last starting 2027-09-01 within the validity and ending 2028-08-31.
        "410105, 100,         2025-09-01, henan-2024-small",
        "410105, 100,         2026-12-05, henan-2024-small",
        "410105, 100,         2028-08-31, henan-2024-small",
        "410105, 100,         2028-09-01, ''",
        // Shenzhen (4403): before, in and after its policy year.
        "440305, 8000000,     2023-06-20, shenzhen-2023",
        "440305, 8000000,     2024-06-30, shenzhen-2023",
        "440305, 8000000.01,  2023-06-20, ''",
        "440305, 100,         2024-07-01, ''",
        // Guangzhou and Beijing have no scheme.
        "440106, 100,         2023-08-01, ''",
        "110101, 100,         2023-08-01, ''"})
    void schemeForBundledData(String code, String exports, String onDate, String expected) {
        assertThat(bundled.schemeFor(code, usd(exports), date(onDate)).map(Scheme::id))
                .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }

    @ParameterizedTest
    @CsvSource({
        // The longest prefix wins, and a city never falls back to its province.
        "440106, 9000000, 2023-08-01, guangdong-2023",
        "440305, 7000000, 2023-08-01, shenzhen-2023",
        "440305, 9000000, 2023-08-01, ''",
        // Before a policy year starts its scheme is offered; the one in force comes first.
        "440305, 7000000, 2023-01-15, shenzhen-2023",
        "440305, 7000000, 2024-06-20, shenzhen-2023",
        "440305, 7000000, 2024-06-30, shenzhen-2023",
        "440305, 7000000, 2024-07-01, shenzhen-2024",
        "440305, 7000000, 2025-06-30, shenzhen-2024",
        "440305, 7000000, 2025-07-01, ''"})
    void schemeForPrefersTheLongestPrefixThenTheSchemeInForceThenTheNext(String code, String exports, String onDate,
            String expected) {
        Schemes lookup = Schemes.load("/schemes/lookup");

        assertThat(lookup.schemeFor(code, usd(exports), date(onDate)).map(Scheme::id))
                .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }

    @Test
    void schemeForRefusesABadDivisionCodeOrExports() {
        assertThatThrownBy(() -> bundled.schemeFor("4403", usd("100"), date("2023-08-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("division code '4403' must be 6 digits");
        assertThatThrownBy(() -> bundled.schemeFor("440305", usd("-100"), date("2023-08-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lastYearExports -100 USD must not be negative");
    }

    @Test
    void rejectsADuplicateIdNamingBothFiles() {
        String a = "/schemes/invalid/duplicate-id-a.json";
        String b = "/schemes/invalid/duplicate-id-b.json";

        assertThatThrownBy(() -> Schemes.loadFiles(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(b + ": scheme test-2023: id: duplicate id, also used by " + a + ": scheme test-2023");
    }

    @Test
    void rejectsOverlappingBandsOfOneRegionAndYear() {
        String file = "/schemes/invalid/overlapping-bands.json";

        assertThatThrownBy(() -> Schemes.loadFiles(List.of(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": scheme test-2023-medium: eligibility: overlaps " + file + ": scheme test-2023-small"
                        + " (same region 4403, policy years 2023-07-01..2024-06-30 and 2023-07-01..2024-06-30 share days,"
                        + " and the bands > 5000000.00 USD and <= 10000000.00 USD of 2022 exports and <= 8000000.00 USD"
                        + " of 2022 exports share amounts), so an enterprise would be eligible for both; make the bands"
                        + " or the policy years disjoint");
    }

    @Test
    void rejectsASchemeWhoseYearOverlapsALaterYearOfARenewingOne() { // #14
        Scheme henan = bundled.byId("henan-2024-small").orElseThrow();
        Scheme next = withYear(henan, "henan-2026-small", new DateRange(date("2026-10-01"), date("2027-09-30")),
                new DateRange(date("2026-09-15"), date("2026-12-31")));

        assertThatThrownBy(() -> bundled.with(List.of(next)))
                .isInstanceOf(SchemeDataException.class)
                .hasMessageStartingWith("added: scheme henan-2026-small: eligibility: overlaps scheme henan-2024-small"
                        + " (same region 41, policy years 2026-10-01..2027-09-30 and 2026-09-01..2027-08-31 share days")
                .extracting(e -> ((SchemeDataException) e).field()).isEqualTo("eligibility");
    }

    @Test
    void acceptsANextNoticeOnceTheRenewingYearsAreOver() { // #14
        Scheme henan = bundled.byId("henan-2024-small").orElseThrow();
        Scheme next = withYear(henan, "henan-2028-small", new DateRange(date("2028-09-01"), date("2029-08-31")),
                new DateRange(date("2028-01-01"), date("2030-12-31")));

        Schemes both = bundled.with(List.of(next));

        assertThat(both.schemeFor("410105", usd("100"), date("2028-08-31")).map(Scheme::id)).contains("henan-2024-small");
        assertThat(both.schemeFor("410105", usd("100"), date("2028-09-01")).map(Scheme::id)).contains("henan-2028-small");
    }

    /** The scheme with another id, first year (collect by its start, exports the year before) and validity. */
    private static Scheme withYear(Scheme s, String id, DateRange year, DateRange validity) {
        int exportsYear = year.start().getYear() - 1;
        return new Scheme(id, s.nameZh(), s.nameEn(), s.enterpriseSize(), s.region(),
                new Eligibility(exportsYear, s.eligibility().exportsAbove(), s.eligibility().exportsAtMost()),
                s.premium(), s.indemnityRatio(), s.perBuyerLimit(), s.aggregateLimit(), year, year.start(), validity,
                true, s.freeCreditReports(), s.extraCreditReports(), s.effectiveOnEnterprisePayment(),
                s.lossDeadlines(), s.source(), s.assumptions());
    }

    @Test
    void acceptsTheSameBandsInDifferentYearsOrRegions() {
        Schemes lookup = Schemes.load("/schemes/lookup");

        assertThat(lookup.all()).extracting(Scheme::id)
                .containsExactly("guangdong-2023", "shenzhen-2023", "shenzhen-2024");
    }

    @Test
    void rejectsAnIndexThatListsAMissingFile() {
        assertThatThrownBy(() -> Schemes.load("/schemes/missing-file"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme file /schemes/missing-file/absent.json not found on the classpath");
        assertThatThrownBy(() -> Schemes.load("/schemes/invalid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme index /schemes/invalid/index.txt not found on the classpath");
    }

    @Test
    void aRegistryBuiltInCodeChecksTheSameRules() {
        Scheme s = bundled.byId("henan-2024-small").orElseThrow();

        assertThatThrownBy(() -> new Schemes(List.of(s, s)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme henan-2024-small: id: duplicate id, also used by scheme henan-2024-small");
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
