package cn.creditwindow.notify;

/** Where an e-mail notice is on its way to the SMTP server (see {@link MailDispatcher}). */
public enum Delivery {
    /** Recorded; the dispatcher sends it when it is due (at once, or at the next attempt after a failure). */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Refused for good, or still failing after the last attempt; the error says why. */
    FAILED,
    /** Recorded only: no SMTP server was configured when it was recorded. */
    SKIPPED
}
