package cn.creditwindow.store;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write refused by one of the database's own constraints (a unique index, a foreign key, a CHECK).
 * The transaction it happened in has been rolled back. Domain code that expects a particular
 * constraint catches this around {@code inTransaction} and turns it into a refusal the user
 * understands (for example "请勿重复授权"), using {@link #names(String)} to tell which one it was.
 */
public final class ConstraintViolationException extends RuntimeException {
    /** What kind of rule was broken. */
    public enum Kind { UNIQUE, FOREIGN_KEY, CHECK, NOT_NULL, OTHER }

    /** SQLite: "… constraint failed: t.a, t.b)" (a unique index's or NOT NULL's columns, a named CHECK's name). */
    private static final Pattern SQLITE = Pattern.compile("constraint failed: ([^)]*)\\)?\\s*$");
    /** PostgreSQL: {@code … violates unique constraint "ux_name"}, {@code … check constraint "ck_name"}. */
    private static final Pattern POSTGRESQL = Pattern.compile("constraint \"([^\"]+)\"");
    /** PostgreSQL's NOT NULL: {@code null value in column "c" of relation "t" violates not-null constraint}. */
    private static final Pattern POSTGRESQL_COLUMN = Pattern.compile("column \"([^\"]+)\" of relation \"([^\"]+)\"");

    private final Kind kind;
    private final String constraint;

    ConstraintViolationException(Kind kind, String context, SQLException cause) {
        super(context + ": " + cause.getMessage(), cause);
        this.kind = kind;
        this.constraint = reported(cause.getMessage());
    }

    public Kind kind() {
        return kind;
    }

    /**
     * What the database reported as broken, lower case: PostgreSQL's constraint name ({@code ux_policies_active}),
     * SQLite's column list of a unique index or NOT NULL ({@code policies.enterprise_id}) or a named CHECK's name;
     * empty when it named none (SQLite's foreign keys). Never the failing statement's text.
     */
    public String constraint() {
        return constraint;
    }

    /**
     * True if the database reported this constraint or index name, or this column among the columns it reported
     * (for example {@code ux_policies_active} or {@code authorisations.enterprise_id}). SQLite names the columns of
     * a unique index, PostgreSQL the index; migrations name indexes so both can be matched. Only what the database
     * reported is searched, not the statement: a statement that mentions a column may fail on another rule.
     */
    public boolean names(String constraintOrColumns) {
        String wanted = constraintOrColumns.toLowerCase(Locale.ROOT).strip();
        if (constraint.isEmpty() || wanted.isEmpty()) {
            return false;
        }
        return constraint.equals(wanted)
                || Arrays.stream(constraint.split(",")).map(String::strip).anyMatch(wanted::equals);
    }

    /** The constraint or columns named in a driver's message; empty when none. */
    static String reported(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = POSTGRESQL.matcher(message);
        if (m.find()) {
            return m.group(1).toLowerCase(Locale.ROOT);
        }
        m = POSTGRESQL_COLUMN.matcher(message);
        if (m.find()) {
            return (m.group(2) + "." + m.group(1)).toLowerCase(Locale.ROOT);
        }
        m = SQLITE.matcher(message.strip());
        return m.find() ? m.group(1).strip().toLowerCase(Locale.ROOT) : "";
    }

    /** The violation this exception stands for, or null if {@code e} is not a constraint violation. */
    public static ConstraintViolationException of(SQLException e, String context) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.startsWith("23") || message.contains("SQLITE_CONSTRAINT")) {
            Kind kind = state.equals("23505") || message.contains("SQLITE_CONSTRAINT_UNIQUE")
                    || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY") ? Kind.UNIQUE
                    : state.equals("23503") || message.contains("SQLITE_CONSTRAINT_FOREIGNKEY") ? Kind.FOREIGN_KEY
                    : state.equals("23514") || message.contains("SQLITE_CONSTRAINT_CHECK") ? Kind.CHECK
                    : state.equals("23502") || message.contains("SQLITE_CONSTRAINT_NOTNULL") ? Kind.NOT_NULL
                    : Kind.OTHER;
            return new ConstraintViolationException(kind, context, e);
        }
        return null;
    }
}
