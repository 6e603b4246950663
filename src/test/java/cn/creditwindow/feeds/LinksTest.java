package cn.creditwindow.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {

    private static final URI FILE = URI.create("file:/srv/credit-window/feeds/country-alerts/tr.xml");

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = ';', textBlock = """
            file:/srv/credit-window/feeds/country-alerts/tr.xml ; attachments/x.pdf        ; file:/srv/credit-window/feeds/country-alerts/attachments/x.pdf
            file:/srv/credit-window/feeds/country-alerts/tr.xml ; ../shared/清单.xlsx       ; file:/srv/credit-window/feeds/shared/清单.xlsx
            http://upload.local                                 ; a.pdf                    ; http://upload.local/a.pdf
            https://www.example.cn/news/2024/page.html          ; '  //cdn.example.cn/x.pdf ' ; https://cdn.example.cn/x.pdf
            https://www.example.cn/news/2024/page.html          ; 2024 年报.pdf             ; https://www.example.cn/news/2024/2024%20年报.pdf
            https://www.example.cn/news/2024/page.html          ; files/a|b.pdf?x=100%     ; https://www.example.cn/news/2024/files/a%7Cb.pdf?x=100%25
            https://www.example.cn/news/2024/page.html          ; HTTPS://Other.example/y  ; HTTPS://Other.example/y
            """)
    void resolvesAgainstTheBase(String base, String href, String expected) {
        assertThat(Links.resolve(URI.create(base), href, Links.ITEM_SCHEMES)).contains(URI.create(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
            "data:text/html,x", "vbscript:x", "mailto:a@example.cn", "http://[bad", "#a#b"})
    void refusesWhatIsNotAWebOrFileAddress(String href) {
        assertThat(Links.resolve(FILE, href, Links.ITEM_SCHEMES)).isEmpty();
    }
}
