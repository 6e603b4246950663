package cn.creditwindow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void bothLanguagesHaveTheSameKeysAndNoBlankText() {
        Messages zh = Messages.load(Lang.ZH);
        Messages en = Messages.load(Lang.EN);
        assertThat(en.keys()).isEqualTo(zh.keys());
        for (String key : zh.keys()) {
            assertThat(zh.get(key)).as(key).isNotBlank();
            assertThat(en.get(key)).as(key).isNotBlank();
        }
    }

    @Test
    void everyMenuSectionHasANameAndADescription() {
        for (Lang lang : Lang.values()) {
            Messages m = Messages.load(lang);
            for (Section s : Section.values()) {
                assertThat(m.get(s.messageKey())).isNotBlank();
                assertThat(m.get(s.messageKey() + ".about")).isNotBlank();
            }
        }
    }

    @Test
    void argumentsReplaceTheirPlaceholdersAndQuotesNeedNoEscaping() {
        Messages m = new Messages(Lang.EN, Map.of("k", "{0} isn't {1}; {0} again"));
        assertThat(m.get("k", "a", 2)).isEqualTo("a isn't 2; a again");
        assertThat(Messages.load(Lang.ZH).get("pager.page", 3)).isEqualTo("第 3 页");
    }

    @Test
    void oneThingHasItsOwnTextWhereTheLanguageNeedsIt() {
        Messages en = Messages.load(Lang.EN);
        assertThat(en.plural("count.items", 1)).isEqualTo("1 item");
        assertThat(en.plural("count.items", 2)).isEqualTo("2 items");
        assertThat(en.plural("module.summary", 40, 16, 30)).isEqualTo("40 items; showing 16–30, newest first");
        assertThat(Messages.load(Lang.ZH).plural("count.items", 1)).isEqualTo("1 条");
        assertThat(new Messages(Lang.EN, Map.of("k", "{0} x")).plural("k", 1)).isEqualTo("1 x");
    }

    @Test
    void anUnknownKeyIsABugThatNamesTheKeyAndTheFile() {
        assertThatThrownBy(() -> Messages.load(Lang.EN).get("no.such.key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no message 'no.such.key' in /i18n/messages_en.properties");
        assertThat(Messages.load(Lang.EN).getOrDefault("no.such.key", "x")).isEqualTo("x");
    }
}
