package cn.creditwindow.mail;

/**
 * A message that could not be handed to the SMTP server. {@link #permanent()} tells whether trying again can
 * help: a malformed address or a recipient the server refuses with a 5xx reply will fail the same way every
 * time; a server that cannot be reached, a timeout or a 4xx reply may pass later.
 */
public final class MailException extends Exception {
    private final boolean permanent;

    public MailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** True when sending the same message again will fail the same way. */
    public boolean permanent() {
        return permanent;
    }
}
