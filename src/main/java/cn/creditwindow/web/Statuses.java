package cn.creditwindow.web;

import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.LockedOutException;
import cn.creditwindow.validation.MalformedRequestException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.NotSignedInException;
import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.TooLargeException;
import cn.creditwindow.validation.UnreadableException;
import cn.creditwindow.validation.UnsupportedTypeException;

/**
 * The HTTP status of each kind of {@link Refusal}: the one place that knows it. The server's error mapping
 * answers with it, and a page that shows a refusal in its own form (the sign-in page, an order form) sets it.
 */
public final class Statuses {
    private Statuses() {
    }

    public static int of(Refusal r) {
        if (r instanceof NotSignedInException) {
            return 401;
        } else if (r instanceof NotAllowedException) {
            return 403;
        } else if (r instanceof NotFoundException) {
            return 404;
        } else if (r instanceof ConflictException) {
            return 409; // a quota used up is a conflict too: the request was fine, the record's state is not
        } else if (r instanceof TooLargeException) {
            return 413;
        } else if (r instanceof UnsupportedTypeException) {
            return 415;
        } else if (r instanceof UnreadableException) {
            return 422;
        } else if (r instanceof LockedOutException) {
            return 429;
        } else if (r instanceof MalformedRequestException) {
            return 400;
        }
        throw new IllegalArgumentException("no status for " + r.getClass().getName());
    }
}
