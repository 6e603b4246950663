package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.SharedData;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDecoderTest {

    private static final String TEXT = "<p>海关总署：前4个月进出口增长5.7%</p>";

    @Test
    void aByteOrderMarkWins() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("<meta charset=\"gbk\">" + TEXT).getBytes(StandardCharsets.UTF_8));

        assertThat(ContentDecoder.decode(utf16)).isEqualTo(TEXT);
        assertThat(ContentDecoder.decode(utf8)).isEqualTo("<meta charset=\"gbk\">" + TEXT);
    }

    @Test
    void readsUtf16XmlWithoutAByteOrderMark() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>";

        assertThat(ContentDecoder.decode(xml.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(xml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"people_1.html", "163_9.html", "qq_2.html"})
    void prefersValidUtf8OverADeclaredGb2312(String page) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.require("news-html-zh/" + page));

        assertThat(ContentDecoder.declaredCharset(bytes)).contains(ContentDecoder.GB18030);
        assertThat(ContentDecoder.decode(bytes)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSogouGbkSampleAsGb18030() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.require("sogou-news-sample/news_tensite_xml.smarty.gbk.dat"));

        String text = ContentDecoder.decode(bytes);

        assertThat(text).contains("<contenttitle>公安机关销毁１０余万非法枪支　跨国武器走私渐起</contenttitle>",
                "张绍刚发道歉信网友不认可：他的问题是俯视他人（图）");
    }

    @Test
    void usesTheDeclaredCharsetWhenTheBytesAreNotUtf8() {
        String page = "<html><head><meta charset=\"big5\"></head><body>出口信用保險</body></html>";

        assertThat(ContentDecoder.decode(page.getBytes(Charset.forName("Big5")))).isEqualTo(page);
    }

    @Test
    void ignoresADeclaredUtf8ThatTheBytesContradict() {
        String page = "<html><head><meta charset=\"utf-8\"></head><body>一带一路专报</body></html>";

        assertThat(ContentDecoder.decode(page.getBytes(Charset.forName("GBK")))).isEqualTo(page);
    }

    @Test
    void toleratesATruncatedLastCharacterAndARareCorruptByte() {
        String page = "<meta charset=\"gb2312\"><p>" + "国别风险预警，出口企业注意收汇风险。".repeat(20) + "</p>";
        byte[] utf8 = page.getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(utf8, utf8.length - 5); // cuts "</p>" and the last byte of "。"
        byte[] corrupt = utf8.clone();
        corrupt[40] = (byte) 0xFF;

        assertThat(ContentDecoder.isUtf8(truncated)).isTrue();
        assertThat(ContentDecoder.decode(truncated)).startsWith("<meta charset=\"gb2312\"><p>国别风险预警");
        assertThat(ContentDecoder.isUtf8(corrupt)).isTrue();
        assertThat(ContentDecoder.decode(corrupt)).contains("\uFFFD").endsWith("出口企业注意收汇风险。</p>");
    }

    @Test
    void doesNotMistakeGbkForUtf8() {
        byte[] gbk = "国别风险预警，出口企业注意收汇风险。".repeat(20).getBytes(Charset.forName("GBK"));

        assertThat(ContentDecoder.isUtf8(gbk)).isFalse();
    }

    @Test
    void rejectsBinaryContent() {
        assertThatThrownBy(() -> ContentDecoder.decode(new byte[] {'P', 'K', 3, 4, 20, 0}))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("binary content: looks like ZIP archive (or .docx/.xlsx)");
        assertThatThrownBy(() -> ContentDecoder.decode(new byte[] {'<', 'r', 's', 's', 0, 1}))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("binary content: NUL byte at offset 4");
        assertThatThrownBy(() -> ContentDecoder.decode(new byte[] {1, 2, 3, 4, 5, 6, 'a', 'b'}))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("binary content: mostly control characters");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
