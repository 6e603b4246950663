package cn.creditwindow.web;

import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.GoneException;
import cn.creditwindow.validation.LockedOutException;
import cn.creditwindow.validation.MalformedRequestException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotSignedInException;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.TooLargeException;
import cn.creditwindow.validation.UnreadableException;
import cn.creditwindow.validation.UnsupportedTypeException;
import java.util.Map;

/**
 * The HTTP status of each kind of {@link Refusal}: the one place that knows it. The server's error mapping
 * answers with it, and a page that shows a refusal in its own form (the sign-in page, an order form) sets it.
 */
public final class Statuses {
    private Statuses() {
    }

    /** Each kind's status; a kind not named here answers as its nearest named superclass (a quota used up: 409). */
    private static final Map<Class<? extends Refusal>, Integer> STATUS = Map.of(
            MalformedRequestException.class, 400,
            NotSignedInException.class, 401,
            NotAllowedException.class, 403,
            NotFoundException.class, 404,
            ConflictException.class, 409, // the request was fine, the record's state is not
            GoneException.class, 410, // withdrawn for good: a client may forget the address
            TooLargeException.class, 413,
            UnsupportedTypeException.class, 415,
            UnreadableException.class, 422,
            LockedOutException.class, 429);

    public static int of(Refusal r) {
        for (Class<?> c = r.getClass(); c != Refusal.class; c = c.getSuperclass()) {
            Integer status = STATUS.get(c);
            if (status != null) {
                return status;
            }
        }
        throw new IllegalArgumentException("no status for " + r.getClass().getName());
    }
}
