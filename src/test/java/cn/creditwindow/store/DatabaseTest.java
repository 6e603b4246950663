package cn.creditwindow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded SQLite file: {@link DatabaseContract}, and what only a database in a file does. */
class DatabaseTest extends DatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected Database open() {
        return Database.openFile(dir.resolve("sub/folder/t.db"));
    }

    @Override
    protected Database reopen() {
        return open();
    }

    @Override
    protected String usccUniqueConstraint() {
        return "enterprises.uscc"; // SQLite names the index's columns
    }

    @Test
    void opensTheFileInFoldersItCreates() {
        assertThat(Files.isRegularFile(dir.resolve("sub/folder/t.db"))).isTrue();
        assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void aSqliteUrlOpensTheFile() { // #17: --db takes a JDBC URL too
        db.close();
        db = Database.open("jdbc:sqlite:" + dir.resolve("sub/folder/t.db"), null, null, 1);
        assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
        long enterprises = db.read(tx -> tx.number("SELECT COUNT(*) FROM enterprises"));
        assertThat(enterprises).isZero();
    }

    @Test
    void countersGoOnFromTheNumbersAFileGaveBeforeThem() throws Exception { // #17: an existing file's upgrade
        Path file = dir.resolve("before-counters.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations(Dialect.SQLITE.migrationLocations())
                .placeholders(Dialect.SQLITE.placeholders()).target("20").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO enterprises (id, uscc, name_zh, division_code, created_at)"
                    + " VALUES (1, '914403065X7D8E2A1J', '示例', '440306', '2024-06-01T00:00:00.000Z')");
            s.executeUpdate("INSERT INTO users (id, username, password_hash, display_name, role, enterprise_id,"
                    + " created_at) VALUES (1, 'op1', 'x', '操作员', 'OPERATOR', 1, '2024-06-01T00:00:00.000Z')");
            String[][] serials = {{"20240617", "1"}, {"20240617", "7"}, {"20240618", "3"}};
            for (String[] d : serials) {
                s.executeUpdate("INSERT INTO inquiries (serial, serial_day, serial_seq, enterprise_id, submitted_by,"
                        + " company_name, province_code, province_name, city_code, city_name, address, contact_name,"
                        + " mobile, email, inquiry_type, state, submitted_at) VALUES ('ZX" + d[0]
                        + String.format("%04d", Integer.parseInt(d[1])) + "', '" + d[0] + "', " + d[1] + ", 1, 1,"
                        + " '示例', '440000', '广东省', '441900', '东莞市', '某路 1 号', '李', '13800138000',"
                        + " 'li@example.com', 'INSURE', 'SUBMITTED', '2024-06-17T01:00:00.000Z')");
            }
            for (String code : new String[] {"AE0000012", "AE0000003", "DE0000004"}) {
                s.executeUpdate("INSERT INTO buyers (code, name_en, name_key, country_code, source, created_at)"
                        + " VALUES ('" + code + "', 'Buyer " + code + "', 'buyer " + code.toLowerCase(java.util.Locale.ROOT) + "', '"
                        + code.substring(0, 2) + "', 'INSURER', '2024-06-01T00:00:00.000Z')");
            }
        }
        try (Database upgraded = Database.openFile(file)) {
            List<Long> next = upgraded.inTransaction(tx -> List.of(tx.nextValue("inquiry_serial:20240617"),
                    tx.nextValue("inquiry_serial:20240618"), tx.nextValue("inquiry_serial:20240619"),
                    tx.nextValue("buyer_code:AE"), tx.nextValue("buyer_code:DE"), tx.nextValue("buyer_code:FR")));
            assertThat(next).containsExactly(8L, 4L, 1L, 13L, 5L, 1L);
        }
    }
}
