package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The download's Content-Disposition: the name for browsers per RFC 5987, an ASCII one beside it. */
class AttachmentHandlersTest {
    private static Attachment named(String name, AttachmentType type) {
        return new Attachment(7, 3, name, type, type.contentType(), 10, "0".repeat(64), null, null, 1, "示例",
                Instant.EPOCH);
    }

    @Test
    void chineseNamesArePercentEncodedUtf8WithAnAsciiFallback() {
        String cd = AttachmentHandlers.contentDisposition(named("发票 第1批(终版).pdf", AttachmentType.PDF));
        assertThat(cd).isEqualTo("attachment; filename=\"attachment-7.pdf\"; filename*=UTF-8''"
                + "%E5%8F%91%E7%A5%A8%20%E7%AC%AC1%E6%89%B9%28%E7%BB%88%E7%89%88%29.pdf");
        String encoded = cd.substring(cd.indexOf("''") + 2);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("发票 第1批(终版).pdf");
    }

    @Test
    void asciiNamesAreTheirOwnFallback() {
        assertThat(AttachmentHandlers.contentDisposition(named("invoice-001.pdf", AttachmentType.PDF)))
                .isEqualTo("attachment; filename=\"invoice-001.pdf\"; filename*=UTF-8''invoice-001.pdf");
        assertThat(AttachmentHandlers.rfc5987("a b;c=d%e'f")).isEqualTo("a%20b%3Bc%3Dd%25e%27f");
        assertThat(AttachmentHandlers.contentDisposition(named("100%.pdf", AttachmentType.PDF)))
                .startsWith("attachment; filename=\"attachment-7.pdf\"");
    }
}
