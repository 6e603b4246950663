package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The commands that use the records read one --db option, with one default. #15 */
class MainDatabaseOptionTest {
    @Test
    void everyCommandWithRecordsTakesTheSameDatabaseOption() {
        Main.Serve serve = new Main.Serve();
        Main.AddAdmin admin = new Main.AddAdmin();
        Main.DigestCommand digest = new Main.DigestCommand();
        new CommandLine(serve).parseArgs("--db", "x/one.db");
        new CommandLine(admin).parseArgs("--db", "x/two.db", "--username", "root");
        new CommandLine(digest).parseArgs("--db", "x/three.db", "--month", "2026-11");
        assertThat(serve.db.file).isEqualTo(Path.of("x/one.db"));
        assertThat(admin.db.file).isEqualTo(Path.of("x/two.db"));
        assertThat(digest.db.file).isEqualTo(Path.of("x/three.db"));
    }

    @Test
    void withoutItTheEmbeddedDefault() {
        Main.Serve serve = new Main.Serve();
        new CommandLine(serve).parseArgs();
        assertThat(serve.db.file).isEqualTo(Path.of("data/credit-window.db"));
    }
}
