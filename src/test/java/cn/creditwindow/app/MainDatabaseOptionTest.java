package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.config.Config;
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
        assertThat(serve.db.file()).isEqualTo(Path.of("x/one.db"));
        assertThat(admin.db.file()).isEqualTo(Path.of("x/two.db"));
        assertThat(digest.db.file()).isEqualTo(Path.of("x/three.db"));
        assertThat(serve.db.postgres()).isNull();
    }

    @Test
    void withoutItTheEmbeddedDefault() {
        Main.Serve serve = new Main.Serve();
        new CommandLine(serve).parseArgs();
        assertThat(serve.db.file()).isEqualTo(Path.of("data/credit-window.db"));
        assertThat(serve.db.postgres()).isNull();
    }

    @Test
    void aPostgresqlUrlIsTheDatabaseWithThePoolSizeGiven() { // #17
        Main.Serve serve = new Main.Serve();
        new CommandLine(serve).parseArgs("--db", "jdbc:postgresql://db1:5432/window", "--db-pool-size", "24");
        Config.Postgres pg = serve.db.postgres();
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://db1:5432/window");
        assertThat(pg.poolSize()).isEqualTo(24);
        // the files still kept beside the database stay in the default place
        assertThat(serve.db.file()).isEqualTo(Path.of("data/credit-window.db"));
        Config config = serve.db.into(Config.builder()).build();
        assertThat(config.postgres()).isEqualTo(pg);
        Main.DigestCommand digest = new Main.DigestCommand();
        new CommandLine(digest).parseArgs("--db", "jdbc:postgresql://db1:5432/window", "--month", "2026-11");
        assertThat(digest.db.postgres().poolSize()).isEqualTo(Config.Postgres.DEFAULT_POOL_SIZE);
    }

    @Test
    void aSqliteUrlIsTheFileAndAnotherDatabasesUrlIsAUsageError() { // #17
        Main.Serve serve = new Main.Serve();
        new CommandLine(serve).parseArgs("--db", "jdbc:sqlite:x/four.db");
        assertThat(serve.db.file()).isEqualTo(Path.of("x/four.db"));
        assertThat(serve.db.postgres()).isNull();
        Main.Serve other = new Main.Serve();
        new CommandLine(other).parseArgs("--db", "jdbc:mysql://db1/window");
        assertThatThrownBy(() -> other.db.postgres()).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/name");
        Main.Serve noPool = new Main.Serve();
        new CommandLine(noPool).parseArgs("--db", "jdbc:postgresql://db1/window", "--db-pool-size", "0");
        assertThatThrownBy(() -> noPool.db.postgres()).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("pool size");
    }

    @Test
    void theDatabasePasswordIsNeverACommandLineOptionNorPrinted() { // #17
        CommandLine serve = new CommandLine(new Main.Serve());
        assertThat(serve.getCommandSpec().options()).noneMatch(o -> String.join(",", o.names()).contains("password"));
        assertThat(new Config.Postgres("jdbc:postgresql://db1/window", "window", "s3cret", 4).toString())
                .doesNotContain("s3cret").contains("****");
    }
}
