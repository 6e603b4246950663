package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodySanitizerTest {

    private static final URI WEB = URI.create("https://www.example.cn/alerts/2024/tr.html");
    private static final URI LOCAL = URI.create("file:/srv/credit-window/feeds/country-alerts/tr.xml");

    private final BodySanitizer sanitizer = new BodySanitizer();

    @Test
    void keepsOrdinaryArticleMarkup() {
        String html = "<h2>风险提示</h2><p>里拉<strong>贬值</strong>，<em>注意</em>收汇。</p>"
                + "<ul><li>缩短账期</li></ul><table><tr><td colspan=\"2\">数据</td></tr></table>"
                + "<blockquote>引文</blockquote><pre><code>code</code></pre>";

        assertThat(sanitizer.sanitize(html, WEB)).isEqualTo("<h2>风险提示</h2><p>里拉<strong>贬值</strong>，<em>注意</em>收汇。</p>"
                + "<ul><li>缩短账期</li></ul><table><tbody><tr><td colspan=\"2\">数据</td></tr></tbody></table>"
                + "<blockquote>引文</blockquote><pre><code>code</code></pre>");
    }

    @Test
    void makesRelativeLinksAbsoluteAndMarksThemNoFollow() {
        assertThat(sanitizer.sanitize("<a href=\"../files/report.pdf\" target=\"_blank\">报告</a>", WEB))
                .isEqualTo("<a href=\"https://www.example.cn/alerts/files/report.pdf\" rel=\"noopener noreferrer nofollow\">报告</a>");
        assertThat(sanitizer.sanitize("<a href=\"mailto:alerts@example.cn\">邮件</a>", WEB))
                .isEqualTo("<a href=\"mailto:alerts@example.cn\" rel=\"noopener noreferrer nofollow\">邮件</a>");
    }

    @Test
    void dropsRelativeLinksOfALocalFeedButKeepsTheirText() {
        assertThat(sanitizer.sanitize("<p><a href=\"attachments/x.pdf\">附件</a></p>", LOCAL)).isEqualTo("<p>附件</p>");
    }

    @Test
    void keepsImagesWithWebSourcesOnly() {
        assertThat(sanitizer.sanitize("<img src=x onerror=alert(1)>", WEB))
                .isEqualTo("<img src=\"https://www.example.cn/alerts/2024/x\">");
        assertThat(sanitizer.sanitize("<p>图<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a\"></p>", WEB))
                .isEqualTo("<p>图</p>");
    }

    @Test
    void removesScriptsWithTheirContent() {
        assertThat(sanitizer.sanitize("<p>正文</p><script>alert(1)</script><style>p{}</style>", WEB))
                .isEqualTo("<p>正文</p>");
    }

    @Test
    void replacesScriptLinksByTheirText() {
        assertThat(sanitizer.sanitize("<a href=\"javascript:alert(1)\">点我</a>", WEB)).isEqualTo("点我");
    }

    @Test
    void rejectsANullBase() {
        assertThatThrownBy(() -> sanitizer.sanitize("<p>x</p>", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("base");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</div>",
        "<p onmouseover=\"alert(1)\">x</p>",
        "<base href=\"javascript:alert(1)//\"><a href=\"x\">x</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<a href=\"x\" onclick=\"alert(1)\" style=\"color:red\">x</a>",
        "<body onload=alert(1)>x</body>",
        "<details open ontoggle=alert(1)>x</details>",
        "<video><source onerror=alert(1)></video>",
        "<<script>script>alert(1)<</script>/script>",
        "<img src=\"x\" alt=\"\" onerror=\"alert(1)\"/>",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\">ok</a>",
    })
    void neutralisesHostileMarkup(String hostile) {
        String clean = sanitizer.sanitize(hostile, WEB);

        // Parse the output as a browser would and look at what it contains, not at its text.
        Document reparsed = Jsoup.parseBodyFragment(clean, WEB.toString());
        assertThat(reparsed.body().select("script, style, iframe, object, embed, form, input, svg, math, base, meta,"
                + " noscript, details, video, source")).isEmpty();
        for (Element element : reparsed.body().getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).doesNotStartWith("on").isNotIn("style", "srcdoc", "action", "xlink:href");
                if (name.equals("href") || name.equals("src")) {
                    assertThat(attribute.getValue()).matches("(?i)(https?|mailto):.*");
                }
            }
        }
        assertThat(clean).doesNotContainPattern("(?i)<\\s*(script|style|iframe|svg|math|object|embed|form|base|meta)");
    }
}
