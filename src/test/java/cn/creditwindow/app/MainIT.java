package cn.creditwindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.Fixtures;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as an operator uses it: ingest, then search. */
class MainIT {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path fixtureFeeds() throws IOException {
        Path feeds = dir.resolve("feeds");
        Fixtures.copyTree(TestServer.fixtures("feeds"), feeds);
        return feeds;
    }

    @Test
    void ingestSummarisesThenSearchPrintsHits() throws IOException {
        Path feeds = fixtureFeeds();
        Files.writeString(feeds.resolve("trade-news/broken.xml"), "\u0000\u0001binary");
        String index = dir.resolve("index").toString();
        Run ingest = run("ingest", "--index", index, "--feeds", feeds.toString());
        assertThat(ingest.exit()).isZero();
        assertThat(ingest.out()).contains("files:  4 read, 0 unchanged, 1 failed", "items:  8 new, 0 updated, 0 unchanged, 0 rejected",
                "failed   trade-news/broken.xml: binary content");
        assertThat(ingest.err()).contains("5/5");
        Run again = run("ingest", "--index", index, "--feeds", feeds.toString());
        assertThat(again.out()).contains("files:  0 read, 4 unchanged, 1 failed");

        Run search = run("search", "关税", "--index", index);
        assertThat(search.exit()).isZero();
        assertThat(search.out()).contains("1 articles match", "2026-11-17  trade-news", "美国加征关税新清单公布", "[US]");
        Run filtered = run("search", "--country", "阿联酋", "--industry", "39", "--index", index);
        assertThat(filtered.out()).contains("1 articles match", "阿联酋迪拜一电子产品买家申请破产保护");
        Run bad = run("search", "--country", "火星", "--module", "sports", "--index", index);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("country: unknown country: '火星'", "module: unknown module 'sports'");
    }

    @Test
    void ingestFailsOnlyWhenNothingCouldBeRead() throws IOException {
        Path feeds = dir.resolve("feeds");
        Files.createDirectories(feeds.resolve("trade-news"));
        Files.writeString(feeds.resolve("trade-news/broken.xml"), "\u0000\u0001binary");
        Run run = run("ingest", "--index", dir.resolve("index").toString(), "--feeds", feeds.toString());
        assertThat(run.exit()).isEqualTo(1);
        Run empty = run("ingest", "--index", dir.resolve("index2").toString(), "--feeds", dir.resolve("none").toString());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.out()).contains("no feed files found");
    }

    // #13: the README said the jar had four commands; --help listed five
    @Test
    void theReadmeDescribesEveryCommandTheJarHas() throws IOException {
        java.util.Set<String> commands = new CommandLine(new Main()).getSubcommands().keySet();
        String readme = Files.readString(Path.of("README.md"));
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("`target/credit-window\\.jar` has (\\w+) commands")
                .matcher(readme);
        assertThat(count.find()).as("the README says how many commands the jar has").isTrue();
        java.util.List<String> words = java.util.List.of("no", "one", "two", "three", "four", "five", "six", "seven",
                "eight", "nine");
        assertThat(count.group(1)).isEqualTo(words.get(commands.size()));
        java.util.Set<String> rows = new java.util.TreeSet<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `([a-z-]+)[ `]").matcher(
                readme.substring(count.end(), readme.indexOf("\n## ", count.end())));
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(commands);
        assertThat(run("--help").out()).contains(commands);
    }

    @Test
    void addAdminWritesToAPostgresqlDatabaseGivenAsAJdbcUrl() { // #17
        String url = TestPostgres.emptyDatabase() + "?user=" + TestPostgres.USER; // the login could be in the URL too
        InputStream stdin = System.in;
        Run run;
        try {
            System.setIn(new ByteArrayInputStream("admin-pass-2026\n".getBytes(StandardCharsets.UTF_8)));
            run = run("add-admin", "--db", url, "--username", "root");
        } finally {
            System.setIn(stdin);
        }
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("administrator root created in " + url);
        try (Database db = Database.open(url, null, null, 2)) {
            long admins = db.read(tx -> tx.number("SELECT COUNT(*) FROM users WHERE username = 'root' AND role = 'ADMIN'"));
            assertThat(admins).isEqualTo(1);
        }
    }

    @Test
    void searchWithoutAnIndexSaysWhatToDo() {
        Run run = run("search", "关税", "--index", dir.resolve("missing").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("run 'ingest'");
    }
}
