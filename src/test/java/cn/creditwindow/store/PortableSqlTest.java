package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the SQL portable to PostgreSQL: the migrations and the SQL in the Java sources use none of
 * SQLite's own dialect, and the migrations take the types that differ from {@link Dialect}'s placeholders.
 * (They run on a real PostgreSQL in {@link PostgresDatabaseIT} and the API tests' PostgreSQL run, #17; this catches
 * the SQLite-only forms at {@code mvn test}.)
 */
class PortableSqlTest {
    /** SQLite-only syntax, with what to write instead. */
    private static final List<String[]> SQLITE_ONLY = List.of(
            new String[]{"AUTOINCREMENT", "${id}"},
            new String[]{"INSERT OR ", "INSERT … ON CONFLICT DO NOTHING / DO UPDATE"},
            new String[]{"REPLACE INTO", "INSERT … ON CONFLICT DO UPDATE"},
            new String[]{"IFNULL(", "COALESCE("},
            new String[]{"DATETIME(", "timestamps bound from Java"},
            new String[]{"STRFTIME(", "timestamps bound from Java"},
            new String[]{"JULIANDAY(", "timestamps bound from Java"},
            new String[]{" GLOB ", "LIKE"},
            new String[]{"WITHOUT ROWID", "a plain table"},
            new String[]{"LAST_INSERT_ROWID", "Tx.insert (generated keys)"},
            new String[]{"GROUP_CONCAT(", "a second query joined in Java (PostgreSQL's is STRING_AGG)"}); // #17

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void migrationsUseThePlaceholdersForWhatDiffers() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.sorted().toList()) {
                String sql = Files.readString(f).replaceAll("--[^\n]*", "");
                String upper = sql.toUpperCase(Locale.ROOT);
                check(f.getFileName().toString(), upper, problems);
                if (upper.contains("INTEGER PRIMARY KEY")) {
                    problems.add(f.getFileName() + ": INTEGER PRIMARY KEY — use ${id}");
                }
                if (Pattern.compile("\\bBIGINT\\b").matcher(upper.replaceAll("\\$\\{\\w+}", "")).find()) {
                    problems.add(f.getFileName() + ": BIGINT — use ${bigint} (SQLite's STRICT tables only know INTEGER)");
                }
                Matcher tables = Pattern.compile("CREATE TABLE\\s+(\\w+)\\s*\\((.*?)\\)\\s*([^;]*);", Pattern.DOTALL)
                        .matcher(sql);
                while (tables.find()) {
                    if (!tables.group(3).contains("${strict}")) {
                        problems.add(f.getFileName() + ": table " + tables.group(1) + " does not end with ${strict}");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void eachDatabasesOwnStepsAreTheSameVersionsForBoth() throws IOException { // #14
        List<String> sqlite = names(Path.of("src/main/resources/db/sqlite"));
        List<String> postgresql = names(Path.of("src/main/resources/db/postgresql"));
        assertThat(sqlite).isNotEmpty().isEqualTo(postgresql);
        List<String> sharedVersions = names(MIGRATIONS).stream().map(n -> n.substring(0, n.indexOf("__"))).toList();
        assertThat(sqlite).allSatisfy(n -> assertThat(sharedVersions).doesNotContain(n.substring(0, n.indexOf("__"))));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void javaSourcesUseNoSqliteOnlySql() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                StringBuilder strings = new StringBuilder();
                Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(f));
                while (m.find()) {
                    strings.append(m.group(1)).append('\n');
                }
                String upper = strings.toString().toUpperCase(Locale.ROOT);
                if (upper.contains("SELECT ") || upper.contains("INSERT ") || upper.contains("UPDATE ")) {
                    check(f.toString(), upper, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void rowsWithoutAnIdAreInsertedWithUpdateNotInsert() throws IOException { // #17
        // Tx.insert returns the new row's id column: SQLite hands back a rowid for any table, PostgreSQL fails on a
        // table without an id (mail_deliveries did)
        java.util.Set<String> withoutId = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher table = Pattern.compile("CREATE TABLE\\s+(\\w+)\\s*\\((.*?)\\n\\)", Pattern.DOTALL)
                        .matcher(Files.readString(f));
                while (table.find()) {
                    if (!Pattern.compile("(?m)^\\s*id\\s+\\$\\{id}").matcher(table.group(2)).find()) {
                        withoutId.add(table.group(1));
                    }
                }
            }
        }
        assertThat(withoutId).contains("mail_deliveries", "sessions", "counters");
        List<String> problems = new ArrayList<>();
        Pattern insert = Pattern.compile("\\.insert\\(\\s*\"INSERT INTO (\\w+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = insert.matcher(Files.readString(f));
                while (m.find()) {
                    if (withoutId.contains(m.group(1))) {
                        problems.add(f + ": Tx.insert into " + m.group(1) + ", which has no id column — use Tx.update");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String where, String upperSql, List<String> problems) {
        for (String[] rule : SQLITE_ONLY) {
            if (upperSql.contains(rule[0])) {
                problems.add(where + ": " + rule[0].strip() + " is SQLite only — use " + rule[1]);
            }
        }
    }
}
