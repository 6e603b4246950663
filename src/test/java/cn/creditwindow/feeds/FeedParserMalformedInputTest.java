package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gives items, rejections or a {@link FeedFormatException}, and never any other exception:
 * truncated and corrupted fixtures, random bytes, and pathological markup.
 */
class FeedParserMalformedInputTest {

    private static final URI BASE = URI.create("http://upload.credit-window.local/posted/7");

    private final FeedParser parser = new FeedParser();

    @ParameterizedTest
    @ValueSource(strings = {"rss-risk-alerts.xml", "atom-industry-alerts.xml", "rdf-rss1.xml", "rss-gbk.xml",
            "rss-hostile.xml", "article-page.html"})
    void survivesEveryTruncation(String fixture) throws IOException {
        byte[] whole = fixture(fixture);
        for (int length = 0; length <= whole.length; length += 7) {
            parsesOrFailsCleanly(Arrays.copyOf(whole, length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss-risk-alerts.xml", "atom-industry-alerts.xml", "article-page.html"})
    void survivesCorruptedBytes(String fixture) throws IOException {
        byte[] whole = fixture(fixture);
        Random random = new Random(fixture.hashCode());
        for (int round = 0; round < 200; round++) {
            byte[] corrupt = whole.clone();
            for (int flips = 1 + random.nextInt(20); flips > 0; flips--) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            parsesOrFailsCleanly(corrupt);
        }
    }

    @Test
    void survivesRandomBytes() {
        Random random = new Random(20240512);
        for (int round = 0; round < 300; round++) {
            byte[] noise = new byte[1 + random.nextInt(round < 150 ? 64 : 8192)];
            random.nextBytes(noise);
            parsesOrFailsCleanly(noise);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<", "<?xml", "<?xml version=\"1.0\"?>", "<!-- only a comment -->", "<!DOCTYPE html>", "<rss", "<rss/>",
        "<rss><channel>", "<rss><channel><item><title>", "<rss><channel><item><title><![CDATA[未闭合",
        "<feed", "<feed><entry><title type=\"html\">&lt;b", "<rdf:RDF><item><title>x</title></item></rdf:RDF>",
        "<html></html>", "<html><body>   </body></html>", "<html><body><p>只有正文没有标题</p></body></html>",
        "<h1>只有标题</h1>", "纯文本，没有任何标记", "<<<<>>>>", "&#0;&#xD800;&#x110000;&bogus;",
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><rss><channel><item>"
                + "<title>&lol2;</title></item></channel></rss>",
        "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&xxe;</title>"
                + "</item></channel></rss>",
        "<rss><channel><item><title>t</title><link>http://[bad</link><enclosure url=\"::\" length=\"-5\"/>"
                + "<pubDate>Sun, 99 Foo 2024</pubDate></item></channel></rss>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"::not a uri\"><entry><title>t</title>"
                + "<link href=\"%zz\"/><content type=\"xhtml\"></content></entry></feed>",
    })
    void survivesPathologicalDocuments(String document) {
        parsesOrFailsCleanly(document.getBytes(StandardCharsets.UTF_8));
    }

    // #13: a feed with a DOCTYPE and entities answered "XML without a root element" (or was read as an HTML page)
    @Test
    void refusesAFeedWithADoctypeSayingSoAndNeverResolvesItsEntities() {
        String xxe = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss><channel><title>c</title><item><title>标题&xxe;</title></item></channel></rss>";
        String declared = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n  <!ENTITY a \"aaaa\">\n  <!ENTITY b \"&a;&a;\">\n]>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&b;</title></entry></feed>";
        String netscape = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel><title>c</title>"
                + "<item><title>标题</title></item></channel></rss>";
        for (String feed : List.of(xxe, declared, netscape)) {
            assertThatThrownBy(() -> parser.parse(feed.getBytes(StandardCharsets.UTF_8), BASE))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessage("XML with a DOCTYPE declaration is refused: feeds need none, and a DOCTYPE can declare"
                            + " entities (remove the <!DOCTYPE …> line)");
        }
        // an article page's HTML doctype is no feed's, with or without the optional <html> tag
        for (String html : List.of("<!DOCTYPE html><html><head><title>页面标题</title></head><body><p>正文内容</p>"
                + "</body></html>", "<!DOCTYPE html><head><title>页面标题</title></head><body><p>正文内容</p></body>",
                "<!DOCTYPE html><meta charset=\"utf-8\"><title>页面标题</title><p>正文内容</p>")) {
            ParsedFeed page = parser.parse(html.getBytes(StandardCharsets.UTF_8), BASE);
            assertThat(page.items()).as(html).extracting(FeedItem::title).containsExactly("页面标题");
        }
    }

    @Test
    void survivesDeepNesting() {
        String deepHtml = "<html><head><title>深</title></head><body>" + "<div>".repeat(20_000) + "正文"
                + "</div>".repeat(20_000) + "</body></html>";
        String deepXml = "<rss><channel><item><title>深</title><description>"
                + "<div>".repeat(20_000) + "正文" + "</div>".repeat(20_000) + "</description></item></channel></rss>";

        parsesOrFailsCleanly(deepHtml.getBytes(StandardCharsets.UTF_8));
        parsesOrFailsCleanly(deepXml.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns normally or throws FeedFormatException; anything else fails the test. */
    private void parsesOrFailsCleanly(byte[] content) {
        try {
            ParsedFeed feed = parser.parse(content, BASE);
            assertThat(feed.items()).allSatisfy(item -> assertThat(item.title()).isNotBlank().hasSizeLessThanOrEqualTo(
                    2 * FeedParser.MAX_TITLE_CHARS));
        } catch (FeedFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserMalformedInputTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }
}
