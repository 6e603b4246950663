package cn.creditwindow.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The current row of a query result, read by column name with the store's conventions (see {@link Tx}). */
public final class Row {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    public String string(String column) throws SQLException {
        return rs.getString(column);
    }

    public long longValue(String column) throws SQLException {
        return rs.getLong(column);
    }

    long longValue(int index) throws SQLException {
        return rs.getLong(index);
    }

    /** A nullable number column. */
    public Long nullableLong(String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** A BLOB (SQLite) or BYTEA (PostgreSQL) column's bytes, or null. */
    public byte[] bytes(String column) throws SQLException {
        return rs.getBytes(column);
    }

    public int intValue(String column) throws SQLException {
        return rs.getInt(column);
    }

    public boolean bool(String column) throws SQLException {
        return rs.getInt(column) != 0;
    }

    /** A timestamp column, or null. */
    public Instant instant(String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Instant.parse(s);
    }

    /** A date column, or null. */
    public LocalDate date(String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : LocalDate.parse(s);
    }

    /** An enum column, or null. */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Enum.valueOf(type, s);
    }

    /** Fixed-width UTC text (millisecond precision), so that timestamps sort correctly as text. */
    static String format(Instant t) {
        return INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
