package cn.creditwindow.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A thing's two names, held once and read through {@link Bilingual}. #15 */
class NamesTest {
    /** A small state of its own, as the domains write theirs. */
    private enum Light implements Bilingual {
        RED("红灯", "red"),
        GREEN("绿灯", "green");

        private final Names names;

        Light(String zh, String en) {
            this.names = new Names(zh, en);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    @Test
    void bilingualReadsItsNames() {
        assertThat(Light.RED.zh()).isEqualTo("红灯");
        assertThat(Light.RED.en()).isEqualTo("red");
        assertThat(Light.GREEN.names()).isEqualTo(new Names("绿灯", "green"));
    }

    @Test
    void bothNamesAreRequired() {
        assertThatThrownBy(() -> new Names(" ", "submitted")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Chinese name of 'submitted' is blank; both names are required");
        assertThatThrownBy(() -> new Names("已提交", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the English name of '已提交' is blank; both names are required");
        assertThatThrownBy(() -> new Names(null, "submitted")).isInstanceOf(NullPointerException.class)
                .hasMessage("zh");
        assertThatThrownBy(() -> new Names("已提交", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("en");
    }
}
