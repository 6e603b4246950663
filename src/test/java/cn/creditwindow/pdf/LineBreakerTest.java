package cn.creditwindow.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class LineBreakerTest {
    /** Every character one unit wide, so widths read as character counts. */
    private static final ToDoubleFunction<String> CHARACTERS = s -> s.codePointCount(0, s.length());

    private static List<String> wrap(String text, int width) {
        return LineBreaker.wrap(text, width, width, CHARACTERS).stream().map(LineBreaker.Line::text).toList();
    }

    @Test
    void wrapsChineseBetweenAnyTwoCharacters() {
        assertThat(wrap("中国国际贸易单一窗口", 4)).containsExactly("中国国际", "贸易单一", "窗口");
    }

    @Test
    void keepsClosingPunctuationOffTheStartOfALine() {
        assertThat(wrap("出口信用保险，服务协议。", 6)).containsExactly("出口信用保", "险，服务协", "议。");
        assertThat(wrap("签署服务协议》", 6)).containsExactly("签署服务协", "议》");
    }

    @Test
    void keepsOpeningPunctuationOffTheEndOfALine() {
        assertThat(wrap("签署《服务协议》", 3)).containsExactly("签署", "《服务", "协议》");
        assertThat(wrap("通过“单一窗口”", 3)).containsExactly("通过", "“单一", "窗口”");
    }

    @Test
    void breaksLatinTextBetweenWordsAndDropsTheSpaceAtTheBreak() {
        assertThat(wrap("insurance of export credit", 12)).containsExactly("insurance of", "export", "credit");
        assertThat(wrap("出口信用保险Export Credit Insurance", 10))
                .containsExactly("出口信用保险", "Export", "Credit", "Insurance");
    }

    @Test
    void splitsAWordOnlyWhenItAloneIsWiderThanTheLine() {
        assertThat(wrap("ABCDEFGHIJ", 4)).containsExactly("ABCD", "EFGH", "IJ");
        // No break opportunity inside SA-2026-000123 (a hyphen before digits may be a minus sign).
        assertThat(wrap("号码 SA-2026-000123", 9)).containsExactly("号码", "SA-2026-0", "00123");
        assertThat(wrap("号码 SA-2026-000123", 14)).containsExactly("号码", "SA-2026-000123");
    }

    @Test
    void lineFeedsAreHardBreaksAndStartParts() {
        List<LineBreaker.Line> lines = LineBreaker.wrap("一二三四五六\r\n\n七\t八", 3, 4, CHARACTERS);

        assertThat(lines).containsExactly(new LineBreaker.Line("一二三", true), new LineBreaker.Line("四五六", false),
                new LineBreaker.Line("", true), new LineBreaker.Line("七 八", true));
    }

    @Test
    void measuresTheLongestUnbreakablePiece() {
        assertThat(LineBreaker.widestUnbreakable("买方 Handelsgesellschaft 德国", CHARACTERS)).isEqualTo(19);
        assertThat(LineBreaker.widestUnbreakable("出口信用保险", CHARACTERS)).isEqualTo(1);
    }
}
