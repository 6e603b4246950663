package cn.creditwindow.schemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SchemeJsonTest {
    private static final String DIR = "/schemes/invalid/";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        negative-per-buyer-limit.json      | scheme test-2023: perBuyerLimit -1 USD must not be negative
        negative-exports-bound.json        | scheme test-2023: eligibility: exportsAtMost -5 USD must not be negative
        end-before-start.json              | scheme test-2023: policyYear: end 2023-06-30 is before start 2023-07-01
        unknown-aggregate-kind.json        | scheme test-2023: aggregateLimit.kind: unknown kind 'percentOfExports'; the kinds are asOnPolicy, multipleOfPremium, maxOfMultipleAndPerBuyer, fixed
        unknown-field.json                 | scheme test-2023: perBuyerLimt: unknown field; the fields here are aggregateLimit, assumptions, collectBy, effectiveOnEnterprisePayment, eligibility, enterpriseSize, extraCreditReports, freeCreditReports, id, indemnityRatio, lossDeadlines, nameEn, nameZh, perBuyerLimit, policyYear, premium, region, renewsYearly, source, validity
        missing-field.json                 | scheme test-2023: collectBy: is missing (every field must be written; nullable ones as null)
        fraction-of-a-cent.json            | scheme test-2023: premium: minimum 200.001 USD has fractions of a cent; amounts are whole cents
        rate-in-quotes.json                | scheme test-2023: premium.rate: must be a number (written without quotes) but was "0.0008"
        collect-by-after-year.json         | scheme test-2023: collectBy 2024-07-01 must not be after the end of the policy year 2024-06-30
        premium-multiple-without-rate.json | scheme test-2023: aggregateLimit multipleOfPremium is computed from the premium, so premium.rate must be stated
        bad-date.json                      | scheme test-2023: collectBy: '2023-06-31' is not a date written YYYY-MM-DD
        indemnity-above-one.json           | scheme test-2023: indemnityRatio 80 must be a fraction from 0 to 1 (0.80 for 80%)
        bad-extra-credit-reports.json      | scheme test-2023: extraCreditReports: 'FREE' is neither CHARGED nor REFUSED
        not-an-array.json                  | must be a JSON array of schemes, [ {…}, … ]
        """)
    void rejectsABadFileNamingTheFileSchemeAndField(String file, String message) {
        assertThatThrownBy(() -> SchemeJson.readResource(DIR + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(DIR + file + ": " + message);
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        assertThatThrownBy(() -> SchemeJson.readResource(DIR + "broken.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(DIR + "broken.json: not valid JSON at line 2, column ");
    }

    @Test
    void rejectsADuplicateKey() {
        assertThatThrownBy(() -> SchemeJson.readResource(DIR + "duplicate-key.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(DIR + "duplicate-key.json: not valid JSON at line 35")
                .hasMessageContaining("freeCreditReports");
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> SchemeJson.readResource(DIR + "absent.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme file /schemes/invalid/absent.json not found on the classpath");
    }

    @Test
    void namesTheEntryWhenTheIdIsMissing() {
        assertThatThrownBy(() -> read("[ {\"nameZh\": \"x\"} ]"))
                .hasMessage("t.json: entry 1: id: is missing (every field must be written; nullable ones as null)");
        assertThatThrownBy(() -> read("[ 1 ]"))
                .hasMessage("t.json: entry 1: must be a JSON object");
    }

    @Test
    void readsOneSchemeAsAnAdministratorSendsItNamingTheFieldOfABadOne() throws IOException { // #14
        String henan = henan();
        String first = henan.substring(henan.indexOf('{'), henan.indexOf("\n  },") + 4);

        assertThat(readOne(first.replace("henan-2024-small", "henan-2025-small")).id()).isEqualTo("henan-2025-small");
        assertThatThrownBy(() -> readOne(first.replace("\"2027-12-31\"", "\"2027-12-32\"")))
                .isInstanceOf(SchemeDataException.class)
                .hasMessage("sent: scheme henan-2024-small: validity.end: '2027-12-32' is not a date written YYYY-MM-DD")
                .extracting(e -> ((SchemeDataException) e).field()).isEqualTo("validity.end");
        assertThatThrownBy(() -> readOne(first.replace("\"renewsYearly\": true", "\"renewsYearly\": \"yes\"")))
                .extracting(e -> ((SchemeDataException) e).field()).isEqualTo("renewsYearly");
        assertThatThrownBy(() -> readOne("[" + first + "]"))
                .extracting(e -> ((SchemeDataException) e).field()).isEqualTo("");
    }

    @ParameterizedTest // #15: the scheme is bound by Jackson; each complaint names the field and the rule
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        freeCreditReports     | null                 | must not be null
        freeCreditReports     | 1.5                  | must be a whole number but was 1.5
        freeCreditReports     | "0"                  | must be a whole number but was "0"
        freeCreditReports     | 9999999999           | must be a whole number but was 9999999999
        renewsYearly          | 1                    | must be true or false but was 1
        nameEn                | 5                    | must be a string but was 5
        enterpriseSize        | "SMALL"              | 'SMALL' is none of SMALL_MICRO, MEDIUM, SMALL_MEDIUM_MICRO
        region.nameZh         | null                 | must not be null
        region.x              | 1                    | unknown field; the fields here are divisionPrefix, nameEn, nameZh
        premium.minimum       |                      | is missing (every field must be written; nullable ones as null)
        aggregateLimit.amount | 1                    | unknown field; the fields here are kind, multiple
        aggregateLimit.kind   |                      | is missing; the kinds are asOnPolicy, multipleOfPremium, maxOfMultipleAndPerBuyer, fixed
        aggregateLimit.multiple | 0                  | multiple 0 must be above 0
        collectBy             | 20240930             | must be a date written "YYYY-MM-DD" but was 20240930
        policyYear            | 2024                 | must be a JSON object but was 2024
        assumptions           | "none"               | must be an array of strings but was "none"
        assumptions           | [1]                  | must be an array of strings but holds 1
        assumptions           | [null]               | must not be null
        """)
    void namesTheFieldAndTheRuleOfABadValue(String field, String value, String rule) throws IOException {
        ObjectNode scheme = (ObjectNode) new ObjectMapper().readTree(henan()).get(0);
        int dot = field.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? scheme : (ObjectNode) scheme.get(field.substring(0, dot));
        String name = field.substring(dot + 1);
        if (value == null) {
            parent.remove(name);
        } else {
            parent.set(name, new ObjectMapper().readTree(value));
        }
        // A constructor's complaint is reported against the object it builds.
        String where = name.equals("multiple") ? "aggregateLimit" : field;

        assertThatThrownBy(() -> readOne(scheme.toString()))
                .isInstanceOf(SchemeDataException.class)
                .hasMessage("sent: scheme henan-2024-small: " + where + ": " + rule)
                .extracting(e -> ((SchemeDataException) e).field()).isEqualTo(where);
    }

    private static String henan() {
        try {
            return new String(SchemeJson.class.getResourceAsStream("/schemes/henan-2024.json").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Scheme readOne(String json) throws IOException {
        return SchemeJson.readOne("sent", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAmountsAndFractionsAsExactDecimals() throws IOException {
        List<Scheme> schemes = SchemeJson.readResource("/schemes/henan-2024.json");

        PremiumRule small = schemes.get(0).premium();
        assertThat(small.rate()).isEqualTo(new BigDecimal("0.0008"));
        assertThat(small.minimum()).isEqualTo(new BigDecimal("200.00"));
        assertThat(schemes.get(1).premium().enterpriseShare()).isEqualTo(new BigDecimal("0.20"));
        assertThat(schemes.get(1).indemnityRatio()).isEqualTo(new BigDecimal("0.80"));
        assertThat(schemes.get(1).eligibility().exportsAbove()).isEqualTo(new BigDecimal("5000000.00"));
    }

    private static List<Scheme> read(String json) throws IOException {
        return SchemeJson.read("t.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
