package cn.creditwindow.bench;

import cn.creditwindow.bench.QueryMix.BenchQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The naive alternative: the titles in an SQLite table with an index on the publication time, searched
 * with {@code LIKE '%keyword%'}: {@code ORDER BY published DESC LIMIT 15} for the page and
 * {@code COUNT(*)} for the total.
 */
final class SqliteBaseline implements AutoCloseable {
    private final Connection db;
    private int rows;

    SqliteBaseline(Path file) throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("PRAGMA cache_size=-262144"); // 256 MiB: the whole table stays in SQLite's own cache
            s.execute("CREATE TABLE IF NOT EXISTS article (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
                    + " published INTEGER NOT NULL, country1 TEXT, country2 TEXT)");
            s.execute("CREATE INDEX IF NOT EXISTS article_published ON article (published)");
        }
    }

    /** Adds articles {@code rows()} up to {@code to} (exclusive), so the table mirrors the index. */
    void fillTo(Corpus corpus, int to) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO article (id, title, published, country1, country2) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = rows; i < to; i++) {
                List<String> countries = corpus.countries(i);
                insert.setInt(1, i);
                insert.setString(2, corpus.title(i));
                insert.setLong(3, corpus.published(i).toEpochMilli());
                insert.setString(4, countries.isEmpty() ? null : countries.get(0));
                insert.setString(5, countries.size() < 2 ? null : countries.get(1));
                insert.addBatch();
                if ((i + 1) % 10_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        rows = to;
    }

    /** The total and the newest 15 titles, as two statements. */
    RawLucene.Page search(BenchQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<String> params = new ArrayList<>();
        for (String k : q.keywords()) {
            where.append(" AND title LIKE ?");
            params.add("%" + k + "%");
        }
        if (!q.countries().isEmpty()) {
            String marks = String.join(",", Collections.nCopies(q.countries().size(), "?"));
            where.append(" AND (country1 IN (").append(marks).append(") OR country2 IN (").append(marks).append("))");
            params.addAll(q.countries());
            params.addAll(q.countries());
        }
        List<String> titles = new ArrayList<>();
        try (PreparedStatement page = prepare("SELECT title FROM article" + where + " ORDER BY published DESC LIMIT 15", params);
             ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
                titles.add(rs.getString(1));
            }
        }
        try (PreparedStatement count = prepare("SELECT COUNT(*) FROM article" + where, params);
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return new RawLucene.Page(rs.getLong(1), titles);
        }
    }

    /** Reads the whole table once, so the first measured query does not pay for the disk. */
    void warm() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM article WHERE title LIKE '%warm-up%'")) {
            rs.next();
        }
    }

    private PreparedStatement prepare(String sql, List<String> params) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, params.get(i));
        }
        return ps;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
