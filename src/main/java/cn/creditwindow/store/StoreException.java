package cn.creditwindow.store;

import java.sql.SQLException;

/** A database failure that is not a broken constraint: a bug or an unavailable database. */
final class StoreException extends RuntimeException {
    private StoreException(String message, SQLException cause) {
        super(message, cause);
    }

    /** A constraint violation as {@link ConstraintViolationException}, anything else as a StoreException. */
    static RuntimeException wrap(SQLException e, String context) {
        ConstraintViolationException violation = ConstraintViolationException.of(e, context);
        return violation != null ? violation : new StoreException(context + ": " + e.getMessage(), e);
    }
}
