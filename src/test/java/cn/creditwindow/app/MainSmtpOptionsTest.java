package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.config.Config;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** mail: serve's SMTP options become {@link Config.Smtp}, or none, and bad combinations are refused by name. */
class MainSmtpOptionsTest {
    private static Main.Serve parse(String... args) {
        Main.Serve serve = new Main.Serve();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    @Test
    void noSmtpHostMeansNoSmtpServer() {
        assertThat(parse().smtp()).isNull();
    }

    @Test
    void theOptionsMakeTheSettingsWithStartTlsOnByDefault() {
        Config.Smtp s = parse("--smtp-host", "smtp.example.cn", "--mail-from", "出口信用单一窗口 <noreply@example.cn>",
                "--smtp-user", "window").smtp();
        assertThat(s.host()).isEqualTo("smtp.example.cn");
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.from()).isEqualTo("出口信用单一窗口 <noreply@example.cn>");
        assertThat(s.username()).isEqualTo("window");
        assertThat(s.startTls()).isTrue();
        Config.Smtp relay = parse("--smtp-host", "127.0.0.1", "--smtp-port", "25", "--mail-from", "noreply@example.cn",
                "--no-smtp-starttls").smtp();
        assertThat(relay.port()).isEqualTo(25);
        assertThat(relay.startTls()).isFalse();
        assertThat(relay.username()).isNull();
    }

    @Test
    void badCombinationsAreRefusedAsOptionErrors() {
        assertThatThrownBy(() -> parse("--smtp-host", "smtp.example.cn").smtp())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--mail-from");
        assertThatThrownBy(() -> parse("--mail-from", "noreply@example.cn").smtp())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("need --smtp-host");
        assertThatThrownBy(() -> parse("--smtp-host", "smtp.example.cn", "--mail-from", "noreply").smtp())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("'noreply' is not one e-mail address");
        assertThatThrownBy(() -> parse("--smtp-host", "smtp.example.cn", "--smtp-port", "70000", "--mail-from",
                "noreply@example.cn").smtp())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("port");
    }
}
