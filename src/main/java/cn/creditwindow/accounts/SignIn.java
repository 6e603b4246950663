package cn.creditwindow.accounts;

import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.LockedOutException;
import cn.creditwindow.validation.NotSignedInException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a user name and password. After {@value #MAX_FAILURES} wrong passwords in a row the account is
 * locked for {@link #LOCK}: further attempts, right or wrong, are refused (locked out) until then, and the
 * count starts again. Unknown names and wrong passwords get the same answer and take the same time.
 */
public final class SignIn {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Database db;
    private final Passwords passwords;
    private final Clock clock;

    public SignIn(Database db, Passwords passwords, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Credentials(long id, String hash, int failures, Instant lockedUntil) {
    }

    private static Credentials credentials(Row r) throws SQLException {
        return new Credentials(r.longValue("id"), r.string("password_hash"), r.intValue("failed_logins"),
                r.instant("locked_until"));
    }

    /**
     * The user, if the password is right and the account is not locked.
     *
     * @throws InvalidInputException for a password over {@link Passwords#MAX_LENGTH} characters (no account is
     *         looked up, no try counted: no password that long was ever set)
     * @throws NotSignedInException for a wrong name or password; LockedOutException while locked
     */
    public User authenticate(String username, String password) {
        String name = username == null ? "" : username.strip();
        String pw = password == null ? "" : password;
        if (Passwords.tooLong(pw)) {
            throw new InvalidInputException(List.of(Passwords.tooLongError("password")));
        }
        Optional<Credentials> found = credentials("username", name);
        if (found.isEmpty()) {
            passwords.verifyNobody(pw);
            throw wrong();
        }
        Credentials c = found.get();
        if (!checkCounted(c, pw)) {
            throw wrong();
        }
        db.inTransaction(tx -> tx.update("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", c.id()));
        return db.read(tx -> tx.one("SELECT * FROM users WHERE id = ?", Accounts::user, c.id())).orElseThrow();
    }

    /**
     * Changes a user's password: the current one must be right (a wrong one counts towards the lock like a wrong
     * sign-in), the new one must be a valid password and differ from it. Every bad field is named at once, with
     * {@code formErrors}: what the caller found wrong in fields of its own (a form's repeated password).
     *
     * @throws InvalidInputException naming {@code currentPassword}, {@code newPassword} and the form's fields
     * @throws LockedOutException while the account is locked
     */
    public void changePassword(long userId, String currentPassword, String newPassword, List<FieldError> formErrors) {
        String current = currentPassword == null ? "" : currentPassword;
        List<FieldError> errors = new ArrayList<>(formErrors);
        Optional<FieldError> badNew = Passwords.check("newPassword", newPassword);
        badNew.ifPresent(errors::add);
        if (current.isEmpty()) {
            errors.add(new FieldError("currentPassword", "请填写当前密码", "the current password is required"));
        } else if (Passwords.tooLong(current)) {
            errors.add(Passwords.tooLongError("currentPassword"));
        } else {
            Credentials c = credentials("id", userId).orElseThrow(() -> new IllegalStateException(
                    "user " + userId + " of a live session does not exist"));
            if (!checkCounted(c, current)) {
                errors.add(new FieldError("currentPassword", "当前密码错误", "the current password is wrong"));
            } else if (badNew.isEmpty() && newPassword.equals(current)) {
                errors.add(new FieldError("newPassword", "新密码不能与当前密码相同",
                        "the new password must differ from the current one"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String hash = passwords.hash(newPassword);
        db.inTransaction(tx -> tx.update("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL"
                + " WHERE id = ?", hash, userId));
    }

    /** The credentials of the user whose {@code column} (a constant: {@code id} or {@code username}) is {@code value}. */
    private Optional<Credentials> credentials(String column, Object value) {
        return db.read(tx -> tx.one("SELECT id, password_hash, failed_logins, locked_until FROM users WHERE " + column
                + " = ?", SignIn::credentials, value));
    }

    /**
     * True if {@code password} is the user's; a wrong one is counted towards the lock.
     *
     * @throws LockedOutException while the account is locked, or when this wrong password locks it
     */
    private boolean checkCounted(Credentials c, String password) {
        Instant now = clock.instant();
        if (c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
            throw locked(c.lockedUntil(), now);
        }
        if (passwords.verify(password, c.hash())) {
            return true;
        }
        Instant lockedUntil = recordFailure(c.id(), now);
        if (lockedUntil != null) {
            throw locked(lockedUntil, now);
        }
        return false;
    }

    /**
     * Counts a failure (atomically, so parallel guesses are all counted); returns the lock's end if the account is
     * locked now: by this failure, or by a parallel one since the credentials were read (then this one is not counted).
     */
    private Instant recordFailure(long id, Instant now) {
        return db.inTransaction(tx -> {
            tx.lock("users", id); // the user owns the count of failures (store package: concurrency)
            // #17: read again under the lock: guesses sent at once all read the account unlocked, and those counted
            // after the fifth locked it were answered "wrong" and counted towards a lock after it, which they extended
            Instant lockedUntil = tx.one("SELECT id, password_hash, failed_logins, locked_until FROM users WHERE id = ?",
                    SignIn::credentials, id).map(Credentials::lockedUntil).orElse(null);
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return lockedUntil;
            }
            // A lock that has run out starts a fresh count.
            tx.update("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ? AND locked_until IS NOT NULL"
                    + " AND locked_until <= ?", id, now);
            tx.update("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?", id);
            Instant until = now.plus(LOCK);
            int locked = tx.update("UPDATE users SET locked_until = ?, failed_logins = 0 WHERE id = ? AND failed_logins >= ?",
                    until, id, MAX_FAILURES);
            return locked > 0 ? until : null;
        });
    }

    private static NotSignedInException wrong() {
        return new NotSignedInException("wrong user name or password", "用户名或密码错误");
    }

    private static LockedOutException locked(Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return new LockedOutException("too many wrong passwords: the account is locked for " + minutes
                + " more minute(s)", "密码错误次数过多，账户已锁定，请 " + minutes + " 分钟后再试");
    }
}
