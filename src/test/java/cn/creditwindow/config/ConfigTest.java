package cn.creditwindow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The settings record: its defaults, what it tidies (blank to none, trailing slashes) and what it refuses by name. */
class ConfigTest {
    private static Config.Smtp smtp(String username, String password) {
        return new Config.Smtp("smtp.example.cn", 587, "noreply@example.cn", username, password, true);
    }

    @Test
    void theBuilderStartsAtTheDocumentedDefaults() {
        Config c = Config.builder().build();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.indexDir()).isEqualTo(Path.of("index"));
        assertThat(c.feedsDir()).isEqualTo(Path.of("feeds"));
        assertThat(c.watchFeeds()).isTrue();
        assertThat(c.rescanInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.cacheSize()).isEqualTo(2000);
        assertThat(c.maxFeedBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.feedToken()).isNull();
        assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Shanghai")).isEqualTo(Config.CHINA);
        assertThat(c.dbFile()).isEqualTo(Path.of("data/credit-window.db"));
        assertThat(c.passwordCost()).isEqualTo(Config.DEFAULT_PASSWORD_COST).isEqualTo(10);
        assertThat(c.secureCookies()).isFalse();
        assertThat(c.smtp()).isNull();
        assertThat(c.publicUrl()).isNull();
    }

    @Test
    void defaultsForAPortAgreeWithTheBuilder() {
        Path index = Path.of("i");
        Path feeds = Path.of("f");
        Path db = Path.of("d.db");
        assertThat(Config.defaults(8080, index, feeds, db))
                .isEqualTo(Config.builder().port(8080).indexDir(index).feedsDir(feeds).dbFile(db).build());
    }

    @Test
    void toBuilderKeepsEverySettingItDoesNotChange() {
        Config c = Config.builder().host("127.0.0.1").port(0).watchFeeds(false).rescanInterval(Duration.ofSeconds(5))
                .cacheSize(0).maxFeedBytes(1).feedToken("tok").zone(ZoneId.of("UTC")).passwordCost(4)
                .secureCookies(true).smtp(smtp("u", "p")).publicUrl("https://window.example.cn").build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        Config moved = c.toBuilder().port(9000).build();
        assertThat(moved.port()).isEqualTo(9000);
        assertThat(moved.toBuilder().port(0).build()).isEqualTo(c);
    }

    @Test
    void portsOutsideTheTcpRangeAreRefused() {
        assertThat(Config.builder().port(0).build().port()).isZero();
        assertThat(Config.builder().port(65_535).build().port()).isEqualTo(65_535);
        assertThatThrownBy(() -> Config.builder().port(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be 0..65535, was -1");
        assertThatThrownBy(() -> Config.builder().port(65_536).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be 0..65535, was 65536");
    }

    @Test
    void passwordCostCacheSizeAndFeedSizeAreChecked() {
        assertThatThrownBy(() -> Config.builder().passwordCost(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("passwordCost must be 4..31, was 3");
        assertThatThrownBy(() -> Config.builder().passwordCost(32).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 32");
        assertThatThrownBy(() -> Config.builder().cacheSize(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cacheSize must be >= 0, was -1");
        assertThatThrownBy(() -> Config.builder().maxFeedBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFeedBytes must be positive, was 0");
    }

    @Test
    void requiredSettingsAreNamedWhenMissing() {
        assertThatThrownBy(() -> Config.builder().host(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("host");
        assertThatThrownBy(() -> Config.builder().dbFile(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("dbFile");
        assertThatThrownBy(() -> Config.builder().zone(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("zone");
    }

    @Test
    void aBlankFeedTokenMeansNone() {
        assertThat(Config.builder().feedToken("   ").build().feedToken()).isNull();
        assertThat(Config.builder().feedToken("abc").build().feedToken()).isEqualTo("abc");
    }

    @Test
    void thePublicUrlLosesItsTrailingSlashesAndABlankOneMeansNone() {
        assertThat(Config.builder().publicUrl("https://window.example.cn/").build().publicUrl())
                .isEqualTo("https://window.example.cn");
        assertThat(Config.builder().publicUrl("  http://10.0.0.5:8080/window//  ").build().publicUrl())
                .isEqualTo("http://10.0.0.5:8080/window");
        assertThat(Config.builder().publicUrl(" ").build().publicUrl()).isNull();
        assertThat(Config.builder().publicUrl("").build().publicUrl()).isNull();
    }

    @Test
    void aPublicUrlThatIsNotHttpOrHasAQueryIsRefused() {
        for (String bad : new String[] {"window.example.cn", "ftp://window.example.cn", "https://", "https://a b.cn",
                "https://window.example.cn?x=1", "https://window.example.cn/#top"}) {
            assertThatThrownBy(() -> Config.builder().publicUrl(bad).build()).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the public URL must be http(s)://host[:port][/path], was ");
        }
    }

    @Test
    void smtpBlankUserAndEmptyPasswordMeanNone() {
        Config.Smtp s = smtp(" ", "");
        assertThat(s.username()).isNull();
        assertThat(s.password()).isNull();
    }

    @Test
    void anSmtpPasswordWithoutAUserIsRefused() {
        assertThatThrownBy(() -> smtp(null, "secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an SMTP password was given without a username (--smtp-user)");
        assertThatThrownBy(() -> smtp("  ", "secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a username");
    }

    @Test
    void smtpHostPortAndFromAreChecked() {
        assertThatThrownBy(() -> new Config.Smtp(" ", 587, "a@example.cn", null, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the SMTP host must not be blank");
        assertThatThrownBy(() -> new Config.Smtp("h", 0, "a@example.cn", null, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the SMTP port must be 1..65535, was 0");
        assertThatThrownBy(() -> new Config.Smtp("h", 65_536, "a@example.cn", null, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 65536");
        assertThatThrownBy(() -> new Config.Smtp("h", 25, " ", null, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the mail From address must not be blank");
        assertThatThrownBy(() -> new Config.Smtp(null, 25, "a@example.cn", null, null, true))
                .isInstanceOf(NullPointerException.class).hasMessage("host");
    }

    @Test
    void smtpSettingsNeverPrintThePassword() {
        assertThat(smtp("window", "s3cret-pass").toString()).doesNotContain("s3cret-pass").contains("password=****")
                .contains("username=window");
        assertThat(smtp(null, null).toString()).contains("password=none");
        assertThat(Config.builder().smtp(smtp("window", "s3cret-pass")).build().toString()).doesNotContain("s3cret");
    }
}
