package cn.creditwindow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// One instance for all cases: the gazetteer is immutable, and building it 150 times would dominate the run.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GazetteerTest {
    private final Countries countries = Countries.load();
    private final Industries industries = Industries.load();
    private final Gazetteer gazetteer = new Gazetteer(countries, industries);

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/reference/gazetteer-titles.tsv", delimiter = '\t', numLinesToSkip = 1)
    void tagsHeadline(String title, String countryCodes, String industryCodes) {
        Tags tags = gazetteer.tag(title, null);

        assertThat(tags.countries()).as("countries of %s", title).containsExactlyElementsOf(codes(countryCodes));
        assertThat(tags.industries()).as("industries of %s", title).containsExactlyElementsOf(codes(industryCodes));
    }

    @ParameterizedTest
    @CsvSource({
        "印度尼西亚, ID", "印度, IN", "几内亚比绍, GW", "几内亚, GN", "赤道几内亚, GQ", "巴布亚新几内亚, PG",
        "南苏丹, SS", "苏丹, SD", "尼日利亚, NG", "尼日尔, NE", "多米尼加, DO", "多米尼克, DM",
        "多米尼加共和国, DO", "北马其顿, MK", "英属维尔京群岛, VG", "美属维尔京群岛, VI"
    })
    void longestNameWins(String text, String alpha2) {
        assertThat(gazetteer.tag(text + "局势", null).countries()).containsExactly(alpha2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"内蒙古自治区", "中美洲", "中非合作", "中欧班列", "中东局势", "东南亚", "南亚次大陆",
        "蒙古族", "朝鲜族", "印度洋", "中巴经济走廊", "中新社", "中老年人", "家中老人", "其中老旧设备",
        "河南非法集资", "上海地区", "沿海地区", "精英国际学校", "完美方案", "超级马里奥", "苏丹红"})
    void regionsProvincesAndLookalikeWordsTagNothing(String text) {
        assertThat(gazetteer.tag(text, null).countries()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"美元", "英镑", "日元", "欧元", "港元", "US$5 million", "HK$100"})
    void currenciesTagNothing(String text) {
        assertThat(gazetteer.tag("汇率：" + text + "走强", null).countries()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "中美贸易, US", "中美元首会晤, US", "中日关系, JP", "中韩自贸协定, KR", "中俄能源合作, RU",
        "中英对话, GB", "中法建交, FR", "中德合作, DE", "中印边界, IN", "中澳关系, AU", "中泰铁路, TH",
        "中越边贸, VN", "中老铁路, LA", "中缅油气管道, MM", "美方回应, US", "俄方表示, RU", "日方抗议, JP",
        "美联储议息, US", "白宫声明, US", "中澳门合作, MO", "中印尼合作, ID"
    })
    void bilateralShortFormsAndMetonymsTagTheForeignCountry(String text, String alpha2) {
        assertThat(gazetteer.tag(text, null).countries()).containsExactly(alpha2);
    }

    @Test
    void bilateralFormsOfTwoForeignCountriesTagBoth() {
        assertThat(gazetteer.tag("俄乌冲突", null).countries()).containsExactly("RU", "UA");
        assertThat(gazetteer.tag("巴以和谈", null).countries()).containsExactly("PS", "IL");
        assertThat(gazetteer.tag("港澳台", null).countries()).containsExactly("HK", "MO", "TW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"中国", "我国", "中华人民共和国", "中國", "China", "PRC", "People's Republic of China"})
    void chinaIsNeverTagged(String text) {
        assertThat(gazetteer.tag(text + "出口", null).countries()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"中国香港, HK", "香港, HK", "Hong Kong, HK", "中国澳门, MO", "澳门, MO", "台湾, TW", "中国台湾, TW"})
    void hongKongMacaoAndTaiwanAreTagged(String text, String alpha2) {
        assertThat(gazetteer.tag(text + "转口贸易", null).countries()).containsExactly(alpha2);
    }

    @Test
    void abbreviationsMatchOnlyAsWholeUpperCaseWords() {
        assertThat(gazetteer.tag("US tariffs", null).countries()).containsExactly("US");
        assertThat(gazetteer.tag("对US加征", null).countries()).containsExactly("US");
        assertThat(gazetteer.tag("UK, UAE and KSA", null).countries()).containsExactly("GB", "AE", "SA");
        assertThat(gazetteer.tag("USB chargers", null).countries()).isEmpty();
        assertThat(gazetteer.tag("BUS and USD", null).countries()).isEmpty();
        assertThat(gazetteer.tag("a focus on us", null).countries()).isEmpty();
        assertThat(gazetteer.tag("Us and them; uk style; uae", null).countries()).isEmpty();
    }

    @Test
    void englishNamesMatchIgnoringCaseOnWordBoundaries() {
        assertThat(gazetteer.tag("JAPAN and germany", null).countries()).containsExactly("JP", "DE");
        assertThat(gazetteer.tag("Nigeria, not Niger", null).countries()).containsExactly("NG", "NE");
        assertThat(gazetteer.tag("Japanese cars and Indian tea", null).countries()).isEmpty();
        assertThat(gazetteer.tag("Oman, not a woman", null).countries()).containsExactly("OM");
        assertThat(gazetteer.tag("New Jersey and New Mexico", null).countries()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"美國, US", "沙烏地阿拉伯, SA", "俄羅斯, RU", "阿拉伯聯合大公國, AE", "德國, DE", "越南, VN", "紐西蘭, NZ"})
    void traditionalScriptNamesMatch(String text, String alpha2) {
        assertThat(gazetteer.tag(text + "經濟", null).countries()).containsExactly(alpha2);
    }

    @Test
    void fullWidthAndHalfWidthFormsMatchAlike() {
        assertThat(gazetteer.tag("ＵＡＥ", null).countries()).containsExactly("AE");
        assertThat(gazetteer.tag("刚果(金)与刚果（布）", null).countries()).containsExactly("CD", "CG");
    }

    @Test
    void industryKeywordsUseLongestMatch() {
        assertThat(gazetteer.tag("锂电池", null).industries()).containsExactly("lithium-batteries");
        assertThat(gazetteer.tag("电池", null).industries()).containsExactly("38");
        assertThat(gazetteer.tag("新能源汽车", null).industries()).containsExactly("new-energy-vehicles");
        assertThat(gazetteer.tag("汽车零部件", null).industries()).containsExactly("36");
        assertThat(gazetteer.tag("太阳能电池", null).industries()).containsExactly("photovoltaics");
        assertThat(gazetteer.tag("工程机械", null).industries()).containsExactly("35");
        assertThat(gazetteer.tag("出口信用保险", null).industries()).containsExactly("68");
    }

    @Test
    void industryStopPhrasesHideKeywords() {
        assertThat(gazetteer.tag("国家政策", null).industries()).isEmpty();
        assertThat(gazetteer.tag("丝绸之路", null).industries()).isEmpty();
        assertThat(gazetteer.tag("三家电信运营商", null).industries()).containsExactly("63");
    }

    @Test
    void tagReturnsAssignedCodesOnlyWithAncestorsAddedByTheIndexer() {
        Tags tags = gazetteer.tag("光伏组件出口", null);

        assertThat(tags.industries()).containsExactly("photovoltaics");
        assertThat(industries.withAncestors(tags.industries())).containsExactly("photovoltaics", "new-energy");
    }

    @Test
    void titleMentionsComeFirstAndNothingRepeats() {
        Tags tags = gazetteer.tag("越南纺织业预警", "越南、泰国和美国的纺织品订单下降，泰国尤甚。汽车出口也受影响。");

        assertThat(tags.countries()).containsExactly("VN", "TH", "US");
        assertThat(tags.industries()).containsExactly("17", "36");
        assertThat(gazetteer.tag("", null)).isEqualTo(new Tags(List.of(), List.of()));
    }

    @Test
    void aPhraseNamingAnUnknownCodeIsRejected() {
        List<Gazetteer.Phrase> phrases =
                List.of(new Gazetteer.Phrase(Gazetteer.Phrase.Kind.COUNTRY, "中欧", List.of("EU")));

        assertThatThrownBy(() -> new Gazetteer(countries, industries, phrases))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gazetteer phrase '中欧' names unknown country code 'EU'");
    }

    private static List<String> codes(String field) {
        return field == null || field.isBlank() ? List.of() : Arrays.asList(field.trim().split(" +"));
    }
}
