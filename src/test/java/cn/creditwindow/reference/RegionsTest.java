package cn.creditwindow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {
    private final Regions regions = Regions.load();

    @Test
    void loadsTheThirtyOneProvinceLevelUnitsAndEveryCityAndDistrict() {
        assertThat(regions.provinces()).hasSize(31);
        assertThat(regions.provinces()).extracting(Division::name).contains("北京市", "广东省", "河南省",
                "新疆维吾尔自治区", "重庆市").doesNotContain("香港特别行政区", "台湾省");
        assertThat(regions.provinces()).extracting(Division::code).isSorted();
        // 2023 statistical division codes: 31 + 342 prefecture-level units + 2,975 county-level ones
        assertThat(regions.size()).isEqualTo(3348);
    }

    @Test
    void luohuIsInShenzhenInGuangdong() {
        Division luohu = regions.find("440303").orElseThrow();
        assertThat(luohu.name()).isEqualTo("罗湖区");
        assertThat(luohu.level()).isEqualTo(Division.Level.DISTRICT);
        assertThat(luohu.parent()).isEqualTo("440300");
        assertThat(regions.find("440300").orElseThrow().name()).isEqualTo("深圳市");
        assertThat(regions.find("440000").orElseThrow().name()).isEqualTo("广东省");
        assertThat(regions.isIn("440303", "440300")).isTrue();
        assertThat(regions.isIn("440300", "440000")).isTrue();
        assertThat(regions.isIn("440303", "440100")).isFalse();
        assertThat(regions.isIn("440303", "440000")).as("directly under, not two levels up").isFalse();
        assertThat(regions.children("440300")).extracting(Division::name).containsExactly("罗湖区", "福田区", "南山区",
                "宝安区", "龙岗区", "盐田区", "龙华区", "坪山区", "光明区");
    }

    @Test
    void municipalitiesCascadeThroughTheirPlaceholderCities() {
        assertThat(regions.children("110000")).extracting(Division::code, Division::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("110100", "市辖区"));
        assertThat(regions.find("110101").orElseThrow().name()).isEqualTo("东城区");
        assertThat(regions.isIn("110101", "110100")).isTrue();
        assertThat(regions.children("500000")).extracting(Division::name).containsExactly("市辖区", "县");
        assertThat(regions.children("310100")).extracting(Division::name).contains("黄浦区", "浦东新区");
        assertThat(regions.children("120100")).extracting(Division::name).contains("和平区", "滨海新区");
    }

    @Test
    void countiesAProvinceAdministersDirectlySitUnderTheirPlaceholder() {
        assertThat(regions.find("419000").orElseThrow().name()).isEqualTo("省直辖县级行政区划");
        assertThat(regions.children("419000")).extracting(Division::name).containsExactly("济源市");
        assertThat(regions.children("429000")).extracting(Division::name).contains("仙桃市", "潜江市", "天门市", "神农架林区");
        assertThat(regions.children("469000")).extracting(Division::name).contains("五指山市", "琼海市");
        assertThat(regions.children("659000")).extracting(Division::name).contains("石河子市");
    }

    @Test
    void luoyangsOldCityDistrict() {
        assertThat(regions.find("410302").orElseThrow().name()).isEqualTo("老城区");
        assertThat(regions.isIn("410302", "410300")).isTrue();
        assertThat(regions.find("410300").orElseThrow().name()).isEqualTo("洛阳市");
    }

    @Test
    void citiesWithoutDistrictsEndTheChain() {
        assertThat(regions.find("441900").orElseThrow().name()).isEqualTo("东莞市");
        assertThat(regions.children("441900")).isEmpty();
        assertThat(regions.children("442000")).isEmpty();
        assertThat(regions.children("460400")).isEmpty();
        List<FieldError> errors = new ArrayList<>();
        Regions.Chain dongguan = regions.chain("", "440000", "441900", "", errors).orElseThrow();
        assertThat(errors).isEmpty();
        assertThat(dongguan.district()).isNull();
        assertThat(dongguan.label()).isEqualTo("广东省 东莞市");
        assertThat(regions.chain("", "440000", "441900", "440303", errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("district");
    }

    @Test
    void everyDivisionButTheProvincesHasAKnownParentOneLevelUp() {
        for (Division p : regions.provinces()) {
            assertThat(regions.children(p.code())).as(p.name()).isNotEmpty();
            for (Division c : regions.children(p.code())) {
                assertThat(c.level()).isEqualTo(Division.Level.CITY);
                for (Division d : regions.children(c.code())) {
                    assertThat(d.level()).isEqualTo(Division.Level.DISTRICT);
                    assertThat(d.code()).startsWith(c.code().substring(0, 4));
                }
            }
        }
    }

    @Test
    void aGoodChainHasItsNamesAndMostPreciseCode() {
        List<FieldError> errors = new ArrayList<>();
        Regions.Chain c = regions.chain("", "440000", "440300", "440303", errors).orElseThrow();
        assertThat(errors).isEmpty();
        assertThat(c.label()).isEqualTo("广东省 深圳市 罗湖区");
        assertThat(c.code()).isEqualTo("440303");
        assertThat(regions.chain("", " 110000", "110100 ", "110101", errors).orElseThrow().label())
                .isEqualTo("北京市 东城区");
    }

    @Test
    void aDistrictNotInTheChosenCityIsNamedOnTheDistrictField() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(regions.chain("", "440000", "440300", "410302", errors)).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("district");
            assertThat(e.zh()).contains("不属于广东省深圳市");
            assertThat(e.en()).contains("not in 深圳市 (440300)");
        });
    }

    @Test
    void aCityNotInTheChosenProvinceIsNamedOnTheCityFieldAndTheDistrictIsNotJudged() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(regions.chain("", "410000", "440300", "440303", errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("city");
        assertThat(errors.get(0).zh()).contains("不属于河南省");
    }

    @Test
    void missingOrUnknownCodesAreNamedPerField() {
        List<FieldError> errors = new ArrayList<>();
        regions.chain("", null, null, null, errors);
        regions.chain("", "440000", "", null, errors);
        regions.chain("", "440000", "440300", " ", errors);
        regions.chain("", "999999", "440300", "440303", errors);
        regions.chain("", "440300", "440303", null, errors);
        // #13: a missing city is named with a bad province, not once it is fixed
        assertThat(errors).extracting(FieldError::field).containsExactly("province", "city", "city", "district",
                "province", "province");
        assertThat(errors).extracting(FieldError::zh).containsExactly("请选择省/直辖市/自治区", "请选择城市", "请选择城市",
                "请选择区/县", "省份代码“999999”不存在", "省份代码“440300”不存在");
    }

    @Test
    void fieldNamesTakeAPrefix() {
        List<FieldError> errors = new ArrayList<>();
        regions.chain("address.", "440000", "440300", "", errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("address.district");
    }

    @Test
    void unknownCodesHaveNoChildrenAndAreInNothing() {
        assertThat(regions.find("123456")).isEmpty();
        assertThat(regions.find(null)).isEmpty();
        assertThat(regions.children("123456")).isEmpty();
        assertThat(regions.children("440303")).isEmpty();
        assertThat(regions.isIn("123456", "440300")).isFalse();
        assertThat(regions.isIn("440000", null)).isFalse();
    }

    @Test
    void aBrokenListIsRefusedNamingTheDivision() {
        assertThatThrownBy(() -> new Regions(List.of(new Division("440000", "广东省", null),
                new Division("440300", "深圳市", "440000"), new Division("440300", "深圳", "440000"))))
                .hasMessageContaining("440300 is listed twice");
        assertThatThrownBy(() -> new Regions(List.of(new Division("440300", "深圳市", "440000"))))
                .hasMessageContaining("names the parent 440000, which is not listed");
        assertThatThrownBy(() -> new Division("440303", "罗湖区", "410300")).hasMessageContaining("cannot belong");
        assertThatThrownBy(() -> new Division("440303", "罗湖区", "440000")).hasMessageContaining("cannot belong");
        assertThatThrownBy(() -> new Division("44030", "罗湖区", "440300")).hasMessageContaining("6 digits");
    }

    @Test
    void theLineageOfADivisionLeadsFromItsProvince() {
        assertThat(regions.lineage("440303")).containsExactly("440000", "440300", "440303");
        assertThat(regions.lineage("440300")).containsExactly("440000", "440300", "");
        assertThat(regions.lineage("110000")).containsExactly("110000", "", "");
        assertThat(regions.lineage("419001")).containsExactly("410000", "419000", "419001");
        assertThat(regions.lineage("999999")).containsExactly("", "", "");
    }

    @Test
    void theCascadeOffersTheChosenParentsChildrenOnly() {
        Regions.Cascade c = regions.cascade("410000", "410300", "410302");
        assertThat(c.provinces()).hasSize(31);
        assertThat(c.cities()).extracting(Division::name).contains("郑州市", "洛阳市", "省直辖县级行政区划");
        assertThat(c.districts()).extracting(Division::name).contains("老城区", "涧西区");
        assertThat(c.noDistricts()).isFalse();
        Regions.Cascade mismatched = regions.cascade("410000", "440300", "");
        assertThat(mismatched.districts()).as("a city not in the province offers no districts").isEmpty();
        assertThat(mismatched.noDistricts()).isFalse();
        assertThat(regions.cascade("440000", "441900", null).noDistricts()).isTrue();
        assertThat(regions.cascade(null, null, null).cities()).isEmpty();
    }
}
