package cn.creditwindow.store;

import cn.creditwindow.validation.ConflictException;
import java.sql.SQLException;
import java.util.Set;

/** A database failure that is not a broken constraint: a bug or an unavailable database. */
final class StoreException extends RuntimeException {
    /**
     * PostgreSQL's serialization failure and deadlock: the transaction lost a race with another one and was rolled
     * back, through no fault of the request (see the package documentation).
     */
    private static final Set<String> LOST_RACE = Set.of("40001", "40P01");

    private StoreException(String message, SQLException cause) {
        super(message, cause);
    }

    /**
     * A constraint violation as {@link ConstraintViolationException}; a transaction the database aborted because it
     * ran at the same moment as another (a deadlock, a serialization failure) as a {@link ConflictException} that
     * asks the user to try again, in both languages, never a server error; anything else as a StoreException.
     */
    static RuntimeException wrap(SQLException e, String context) {
        if (e.getSQLState() != null && LOST_RACE.contains(e.getSQLState())) {
            ConflictException busy = new ConflictException("another request changed the same records at the same"
                    + " moment and this one was undone; please try again", "其他请求同时修改了相同的记录，本次操作未保存，请重试");
            busy.initCause(new StoreException(context + ": " + e.getMessage(), e));
            return busy;
        }
        ConstraintViolationException violation = ConstraintViolationException.of(e, context);
        return violation != null ? violation : new StoreException(context + ": " + e.getMessage(), e);
    }
}
