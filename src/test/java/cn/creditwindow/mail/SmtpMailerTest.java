package cn.creditwindow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.config.Config;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SmtpMailer against GreenMail, a real SMTP server in this JVM; what arrives is parsed back by Jakarta Mail. */
class SmtpMailerTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String FROM = "出口信用单一窗口 <noreply@creditwindow.test>";
    private final TestClock clock = TestClock.at2026();

    @Test
    void sendsTextAndHtmlAsUtf8AlternativesWithAnEncodedChineseSubject() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://window.example.cn/unsubscribe?t=abc123>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mailer().send(new MailMessage("王芳 <wang_fang-1@example.com>", "保单生效通知 / Policy effective",
                "您的保单已生效。\nYour policy is effective.", "<p>您的保单<b>已生效</b>。</p>", headers,
                "<outbox-7.1@creditwindow.test>"));

        MimeMessage m = only();
        assertThat(m.getSubject()).isEqualTo("保单生效通知 / Policy effective");
        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?").doesNotContain("保单");
        assertThat(addresses(m.getRecipients(Message.RecipientType.TO))).containsExactly("wang_fang-1@example.com");
        assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("王芳");
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@creditwindow.test");
        assertThat(from.getPersonal()).isEqualTo("出口信用单一窗口");
        assertThat(m.getHeader("From")[0]).contains("=?UTF-8?");
        assertThat(m.getMessageID()).isEqualTo("<outbox-7.1@creditwindow.test>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(clock.instant());
        assertThat(m.getHeader("List-Unsubscribe")).containsExactly("<https://window.example.cn/unsubscribe?t=abc123>");
        assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        // text travels in canonical form, lines ending CRLF
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("您的保单已生效。\r\nYour policy is effective.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>您的保单<b>已生效</b>。</p>");
        // on the wire every byte is ASCII: headers RFC 2047, bodies quoted-printable or base64
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String wire = raw.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(wire.chars()).allMatch(c -> c < 128);
        assertThat(wire).contains("Content-Type: multipart/alternative");
    }

    @Test
    void aTextOnlyMessageIsOnePlainPartWithARandomMessageId() throws Exception {
        mailer().send(MailMessage.text("a-b_c@example.com", "验证码", "您的验证码为 123456。"));
        MimeMessage m = only();
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(m.getContent()).isEqualTo("您的验证码为 123456。");
        assertThat(m.getMessageID()).matches("<[0-9a-f-]{36}@creditwindow\\.test>");
    }

    @Test
    void aConnectionSendsSeveralMessagesInARow() throws Exception {
        try (SmtpMailer.Connection c = mailer().connect()) {
            for (int i = 1; i <= 3; i++) {
                c.send(MailMessage.text("user" + i + "@example.com", "第 " + i + " 封", "正文 " + i));
            }
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("第 1 封", "第 2 封", "第 3 封");
    }

    @Test
    void aMalformedRecipientFailsForGoodAndSendsNothing() {
        for (String bad : new String[]{"not an address", "a@@b.cn", "one@example.com, two@example.com", "张三@例子.中国"}) {
            assertThatThrownBy(() -> mailer().send(MailMessage.text(bad, "s", "t")), bad)
                    .isInstanceOf(MailException.class)
                    .hasMessageContaining(bad)
                    .matches(e -> ((MailException) e).permanent(), "permanent");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsATransientFailure() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpMailer down = new SmtpMailer(new Config.Smtp("127.0.0.1", closedPort, FROM, null, null, false), clock);
        assertThatThrownBy(() -> down.send(MailMessage.text("a@example.com", "s", "t")))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("cannot connect to SMTP server 127.0.0.1:" + closedPort)
                .matches(e -> !((MailException) e).permanent(), "transient");
    }

    @Test
    void startTlsIsRequiredWhenOn() {
        // GreenMail's plain SMTP port offers no STARTTLS: with it required nothing may be sent in clear
        SmtpMailer tls = new SmtpMailer(new Config.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), FROM, null, null,
                true), clock);
        assertThatThrownBy(() -> tls.send(MailMessage.text("a@example.com", "s", "t")))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aBadFromSettingIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new SmtpMailer(new Config.Smtp("127.0.0.1", 25, "noreply", null, null, false), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'noreply' is not one e-mail address");
    }

    @Test
    void headersCannotInjectOrReplaceFields() {
        assertThatThrownBy(() -> new MailMessage("a@example.com", "s", "t", null,
                Map.of("X-Note", "a\r\nBcc: victim@example.com"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> new MailMessage("a@example.com", "s", "t", null, Map.of("Subject", "x"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("written by the mailer");
        assertThatThrownBy(() -> new MailMessage("a@example.com", "s", "t", null, Map.of("Bad Name", "x"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a mail header name");
        assertThatThrownBy(() -> MailMessage.text("a@example.com", "two\nlines", "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> new MailMessage("a@example.com", "s", "t", null, Map.of(), "no-brackets@x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Message-ID");
    }

    @Test
    void smtpSettingsNeverPrintThePassword() {
        Config.Smtp s = new Config.Smtp("smtp.example.cn", 587, FROM, "window", "s3cret-pass", true);
        assertThat(s.toString()).doesNotContain("s3cret-pass").contains("****", "smtp.example.cn");
        assertThatThrownBy(() -> new Config.Smtp("smtp.example.cn", 587, FROM, null, "s3cret-pass", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a username");
        assertThatThrownBy(() -> new Config.Smtp("smtp.example.cn", 0, FROM, null, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    private SmtpMailer mailer() {
        return new SmtpMailer(new Config.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), FROM, null, null, false), clock);
    }

    private static MimeMessage only() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String[] addresses(Address[] all) {
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = ((InternetAddress) all[i]).getAddress();
        }
        return out;
    }

}
