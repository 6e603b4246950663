package cn.creditwindow.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** #13: a state change with the right anti-forgery token but {@code Origin: https://evil.example} was accepted. */
class SameOriginTest {
    private final SameOrigin direct = new SameOrigin(null);
    private final SameOrigin proxied = new SameOrigin("https://window.example.cn/");

    @Test
    void theHostTheRequestWasSentToIsTheWindowsOwnOrigin() {
        assertThat(direct.foreign("http://localhost:7070", null, "localhost:7070")).isNull();
        assertThat(direct.foreign("http://LocalHost:7070", null, "localhost:7070")).isNull();
        assertThat(direct.foreign("https://window.example.cn", null, "window.example.cn")).isNull();
        assertThat(direct.foreign("https://window.example.cn:443", null, "window.example.cn")).isNull();
        assertThat(direct.foreign("http://[::1]:7070", null, "[::1]:7070")).isNull();
    }

    @Test
    void anotherSiteAnotherPortOrAnOpaqueOriginIsForeign() {
        assertThat(direct.foreign("https://evil.example", null, "localhost:7070")).isEqualTo("https://evil.example");
        assertThat(direct.foreign("http://localhost:7071", null, "localhost:7070")).isEqualTo("http://localhost:7071");
        assertThat(direct.foreign("http://localhost.evil.example:7070", null, "localhost:7070")).isNotNull();
        assertThat(direct.foreign("null", null, "localhost:7070")).isEqualTo("null");
        assertThat(direct.foreign("file://", null, "localhost:7070")).isNotNull();
        assertThat(direct.foreign("https://evil.example", null, null)).isNotNull();
    }

    @Test
    void withoutOriginTheRefererDecidesAndWithNeitherTheOtherChecksDo() {
        assertThat(direct.foreign(null, "http://localhost:7070/claims/3/edit?x=1", "localhost:7070")).isNull();
        assertThat(direct.foreign(null, "https://evil.example/page", "localhost:7070"))
                .isEqualTo("https://evil.example/page");
        assertThat(direct.foreign(null, null, "localhost:7070")).isNull();
        // Origin wins over Referer
        assertThat(direct.foreign("https://evil.example", "http://localhost:7070/", "localhost:7070")).isNotNull();
    }

    @Test
    void behindAProxyThePublicAddressIsTheOrigin() {
        assertThat(proxied.foreign("https://window.example.cn", null, "127.0.0.1:7070")).isNull();
        assertThat(proxied.foreign(null, "https://window.example.cn/credit", "127.0.0.1:7070")).isNull();
        assertThat(proxied.foreign("https://evil.example", null, "127.0.0.1:7070")).isNotNull();
        assertThat(proxied.foreign("https://window.example.cn.evil.example", null, "127.0.0.1:7070")).isNotNull();
    }
}
