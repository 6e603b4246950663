package cn.creditwindow.store;

import java.sql.SQLException;
import java.util.Locale;

/**
 * A write refused by one of the database's own constraints (a unique index, a foreign key, a CHECK).
 * The transaction it happened in has been rolled back. Domain code that expects a particular
 * constraint catches this around {@code inTransaction} and turns it into a refusal the user
 * understands (for example "请勿重复授权"), using {@link #names(String)} to tell which one it was.
 */
public final class ConstraintViolationException extends RuntimeException {
    /** What kind of rule was broken. */
    public enum Kind { UNIQUE, FOREIGN_KEY, CHECK, NOT_NULL, OTHER }

    private final Kind kind;

    ConstraintViolationException(Kind kind, String context, SQLException cause) {
        super(context + ": " + cause.getMessage(), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * True if the database named this constraint, index, or column list (for example
     * {@code ux_policies_active} or {@code authorisations.enterprise_id}) in its message. SQLite names the
     * columns of a unique index, PostgreSQL the index; migrations name indexes so both can be matched.
     */
    public boolean names(String constraintOrColumns) {
        String m = getMessage() == null ? "" : getMessage().toLowerCase(Locale.ROOT);
        return m.contains(constraintOrColumns.toLowerCase(Locale.ROOT));
    }

    /** The violation this exception stands for, or null if {@code e} is not a constraint violation. */
    static ConstraintViolationException of(SQLException e, String context) {
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
