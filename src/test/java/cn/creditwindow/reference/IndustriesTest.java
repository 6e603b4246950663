package cn.creditwindow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustriesTest {
    private final Industries industries = Industries.load();

    @Test
    void hasTheTwentySectionsOfGbt4754() {
        assertThat(industries.all().stream().filter(i -> i.code().matches("[A-Z]")))
                .extracting(Industry::code)
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P",
                        "Q", "R", "S", "T")
                .allSatisfy(code -> assertThat(industries.find(code).orElseThrow().isRoot()).isTrue());
    }

    @Test
    void hasTheNinetySevenDivisionsEachUnderItsSection() {
        List<Industry> divisions = industries.all().stream().filter(i -> i.code().matches("[0-9]{2}")).toList();

        assertThat(divisions).extracting(Industry::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 97).mapToObj(n -> String.format("%02d", n)).toList());
        assertThat(divisions).allSatisfy(d -> assertThat(d.parent()).matches("[A-T]"));
        assertThat(industries.find("17").orElseThrow().parent()).isEqualTo("C");
        assertThat(industries.find("44").orElseThrow().parent()).isEqualTo("D");
        assertThat(industries.find("97").orElseThrow().parent()).isEqualTo("T");
    }

    @Test
    void hasTheEightKeyIndustriesWithTheirParents() {
        Map<String, String> parents = industries.all().stream()
                .filter(i -> i.code().contains("-") || i.code().equals("photovoltaics"))
                .collect(Collectors.toMap(Industry::code, i -> String.valueOf(i.parent())));

        assertThat(parents).containsExactlyInAnyOrderEntriesOf(Map.of(
                "electronic-info", "39",
                "home-electronics", "38",
                "medical-devices", "35",
                "new-energy", "null",
                "new-energy-vehicles", "new-energy",
                "photovoltaics", "new-energy",
                "lithium-batteries", "new-energy",
                "energy-storage", "new-energy"));
        assertThat(industries.find("photovoltaics").orElseThrow().nameZh()).isEqualTo("光伏");
        assertThat(industries.all()).hasSize(20 + 97 + 8);
    }

    @Test
    void allKeepsFileOrder() {
        assertThat(industries.all()).extracting(Industry::code)
                .startsWith("A", "01", "02", "03", "04", "05", "B", "06")
                .endsWith("new-energy", "new-energy-vehicles", "photovoltaics", "lithium-batteries", "energy-storage");
    }

    @Test
    void namesAreTheStandardsWording() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("gbt4754-2017/gbt4754_2017.csv"), StandardCharsets.UTF_8);
        Map<String, String> standard = ReferenceCsv.read("gbt4754_2017.csv", lines,
                        List.of("level", "section", "division", "group", "class", "code", "name", "remark"))
                .stream()
                .filter(row -> row.get(0).equals("1") || row.get(0).equals("2"))
                .collect(Collectors.toMap(row -> row.get(5), row -> row.get(6).strip()));

        assertThat(standard).hasSize(117);
        standard.forEach((code, name) -> assertThat(industries.find(code).orElseThrow().nameZh()).as(code).isEqualTo(name));
    }

    @Test
    void everySectionHasKeywords() {
        assertThat(industries.all().stream().filter(Industry::isRoot))
                .allSatisfy(root -> assertThat(root.keywords()).as(root.code()).isNotEmpty());
    }

    @Test
    void withAncestorsAddsEveryAncestorOnce() {
        assertThat(industries.withAncestors(List.of("photovoltaics"))).containsExactly("photovoltaics", "new-energy");
        assertThat(industries.withAncestors(List.of("17"))).containsExactly("17", "C");
        assertThat(industries.withAncestors(List.of("electronic-info"))).containsExactly("electronic-info", "39", "C");
        assertThat(industries.withAncestors(List.of("17", "18", "c"))).containsExactly("17", "C", "18");
        assertThat(industries.withAncestors(List.of())).isEmpty();
    }

    @Test
    void withAncestorsRejectsUnknownCodes() {
        assertThatThrownBy(() -> industries.withAncestors(List.of("17", "solar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown industry code 'solar'");
    }

    @Test
    void childrenAreDirectChildrenInFileOrder() {
        assertThat(industries.children("new-energy")).extracting(Industry::code)
                .containsExactly("new-energy-vehicles", "photovoltaics", "lithium-batteries", "energy-storage");
        assertThat(industries.children("C")).extracting(Industry::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(13, 43).mapToObj(String::valueOf).toList());
        assertThat(industries.children("38")).extracting(Industry::code).containsExactly("home-electronics");
        assertThat(industries.children("photovoltaics")).isEmpty();
        assertThatThrownBy(() -> industries.children("ZZ")).hasMessage("unknown industry code 'ZZ'");
    }

    @ParameterizedTest
    @CsvSource({
        "17, 17", "c, C", "C, C", "Ｃ, C", "PHOTOVOLTAICS, photovoltaics", "' new-energy ', new-energy",
        "纺织业, 17", "制造业, C", "光伏, photovoltaics", "新能源汽车, new-energy-vehicles",
        "Manufacture of Textiles, 17", "manufacture of textiles, 17", "photovoltaics, photovoltaics",
        "锂电, lithium-batteries", "面料, 17", "储能, energy-storage",
        "房地产业, K", "教育, P", "国际组织, T"
    })
    void findsByCodeNameOrUniqueKeyword(String query, String code) {
        assertThat(industries.find(query)).map(Industry::code).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"纺织服装", "textiles", "电", "ZZ", ""})
    void findsNothingForSharedKeywordsPartialEnglishNamesOrUnknownCodes(String query) {
        assertThat(industries.find(query)).isEmpty();
    }

    @Test
    void rejectsSingleCharacterKeywords() {
        assertThatThrownBy(() -> new Industry("38", "C", "电气机械和器材制造业", "Electrical", List.of("电")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyword '电' is shorter than two characters");
    }

    @Test
    void rejectsAParentListedAfterItsChild() {
        Industry child = new Industry("photovoltaics", "new-energy", "光伏", "Photovoltaics", List.of("光伏"));
        Industry parent = new Industry("new-energy", null, "新能源", "New Energy", List.of("新能源"));

        assertThatThrownBy(() -> new Industries(List.of(child, parent)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("industry photovoltaics: parent 'new-energy' must be an industry listed before it");
    }
}
