package cn.creditwindow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountriesTest {
    private final Countries countries = Countries.load();

    @Test
    void loadsEveryIsoCodeExactlyOnce() {
        List<String> jdkCodes = Arrays.asList(Locale.getISOCountries());

        assertThat(countries.all()).extracting(Country::alpha2).containsExactlyInAnyOrderElementsOf(jdkCodes);
        assertThat(countries.all()).extracting(Country::alpha3).doesNotHaveDuplicates();
        assertThat(countries.all()).extracting(Country::numeric).doesNotHaveDuplicates();
        for (Country country : countries.all()) {
            assertThat(country.alpha3()).as(country.alpha2())
                    .isEqualTo(new Locale("", country.alpha2()).getISO3Country());
        }
    }

    @Test
    void allIsSortedByAlpha2() {
        assertThat(countries.all()).extracting(Country::alpha2).isSorted();
    }

    @Test
    void rowsCarryCodesAndNames() {
        assertThat(countries.find("AE")).contains(new Country("AE", "ARE", "784", "阿联酋", "United Arab Emirates",
                countries.find("AE").orElseThrow().aliases(), true));
        assertThat(countries.find("AF").orElseThrow().numeric()).isEqualTo("004");
        assertThat(countries.find("CN").orElseThrow().beltAndRoad()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "ae, AE", "AE, AE", "are, AE", "ARE, AE", "'  ae ', AE", "ＡＥ, AE",
        "阿联酋, AE", "阿拉伯联合酋长国, AE", "UAE, AE", "uae, AE", "United Arab Emirates, AE",
        "美国, US", "美利坚, US", "美利坚合众国, US", "USA, US", "us, US", "U.S., US",
        "英国, GB", "大不列颠, GB", "UK, GB", "Britain, GB",
        "沙特, SA", "沙特阿拉伯, SA", "KSA, SA",
        "波黑, BA", "波斯尼亚和黑塞哥维那, BA",
        "老挝, LA", "老挝人民民主共和国, LA",
        "朝鲜, KP", "韩国, KR", "南韩, KR",
        "俄罗斯, RU", "俄联邦, RU",
        "孟加拉, BD", "孟加拉国, BD",
        "蒙古, MN", "蒙古国, MN",
        "马其顿, MK", "北马其顿, MK",
        "刚果（金）, CD", "刚果(金), CD", "刚果民主共和国, CD", "刚果（布）, CG",
        "捷克, CZ", "土耳其, TR", "土耳其共和国, TR", "Türkiye, TR", "turkiye, TR", "Turkey, TR",
        "中国香港, HK", "香港, HK", "澳门, MO", "台湾, TW",
        "印尼, ID", "印度尼西亚, ID", "科特迪瓦, CI", "Cote d'Ivoire, CI", "Côte d’Ivoire, CI",
        "多米尼加, DO", "多米尼克, DM"
    })
    void findsByCodeNameOrAlias(String query, String alpha2) {
        assertThat(countries.find(query)).map(Country::alpha2).contains(alpha2);
    }

    @ParameterizedTest
    @CsvSource({"美國, US", "德國, DE", "俄羅斯, RU", "沙烏地阿拉伯, SA", "阿拉伯聯合大公國, AE", "南韓, KR", "印尼, ID"})
    void findsTraditionalScriptNames(String query, String alpha2) {
        assertThat(countries.find(query)).map(Country::alpha2).contains(alpha2);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"刚果", "中非", "中美", "欧盟", "XX", "XXX", "Congo", "America"})
    void findsNothingForUnknownOrAmbiguousNames(String query) {
        assertThat(countries.find(query)).isEmpty();
    }

    @Test
    void marksTheSeventyOneCorridorCountriesAsBeltAndRoad() {
        assertThat(countries.all().stream().filter(Country::beltAndRoad)).hasSize(71);
    }

    @Test
    void everyCountryOfTheStateInformationCenterListIsFoundAndMarked() throws IOException {
        Path list = SharedData.require("belt-and-road/obor_countries_sic_report.csv");
        List<String> rows = Files.readAllLines(list, StandardCharsets.UTF_8);

        assertThat(rows).hasSize(73);
        for (String row : rows.subList(1, rows.size())) {
            String nameZh = row.split(",")[0];
            Optional<Country> country = countries.find(nameZh);
            assertThat(country).as(nameZh).isPresent();
            assertThat(country.orElseThrow().beltAndRoad()).as(nameZh).isEqualTo(!nameZh.equals("中国"));
        }
    }

    @Test
    void rejectsANameThatBelongsToTwoCountries() {
        Country congoKinshasa = new Country("CD", "COD", "180", "刚果（金）", "DR Congo", List.of("刚果"), false);
        Country congoBrazzaville = new Country("CG", "COG", "178", "刚果（布）", "Congo", List.of("刚果"), false);

        assertThatThrownBy(() -> new Countries(List.of(congoKinshasa, congoBrazzaville)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'刚果' names both CD and CG");
    }

    @Test
    void rejectsMalformedCodes() {
        assertThatThrownBy(() -> new Country("usa", "USA", "840", "美国", "United States", List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha2 'usa' must be two upper-case letters");
        assertThatThrownBy(() -> new Country("US", "USA", "84", "美国", "United States", List.of(), false))
                .hasMessageContaining("numeric '84' must be three digits");
    }
}
