package cn.creditwindow.enrolment;

import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One-time verification codes that confirm an application: 6 random digits, stored only as a SHA-256,
 * valid {@value #VALID_MINUTES} minutes, dead after {@value #TRIES} wrong tries. A policy's application has one
 * live code at a time, whoever asked for it: a new request, by the same person or another of the enterprise's
 * people, kills the earlier ones, and only the newest code of the policy is ever checked. The code belongs to
 * the person who asked for it: typed by another, it is refused without costing a try, naming who holds it and
 * to which mobile it went. Works inside the caller's transaction.
 */
final class VerificationCodes {
    static final int VALID_MINUTES = 5;
    static final int TRIES = 5;

    private final Clock clock;
    private final SecureRandom random;

    VerificationCodes(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The contact details typed with a code request, kept to fill the form again. */
    record Draft(String contactName, String mobile, String email) {
    }

    /** A live code's request, without the code: who asked ({@code userId}, {@code requester}'s name) and for what. */
    record Issued(long id, long userId, String requester, Draft draft, Instant expiresAt, int triesLeft) {
    }

    /** Creates the policy's code for this user (every earlier one dies) and returns it in clear, to be sent. */
    String issue(Tx tx, long policyId, long userId, Draft draft) {
        Instant now = clock.instant();
        tx.update("UPDATE verification_codes SET used_at = ? WHERE policy_id = ? AND used_at IS NULL", now, policyId);
        String code = String.format("%06d", random.nextInt(1_000_000));
        tx.insert("INSERT INTO verification_codes (policy_id, user_id, code_hash, contact_name, mobile, email,"
                        + " created_at, expires_at, tries_left) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", policyId, userId,
                hash(code), draft.contactName(), draft.mobile(), draft.email(), now,
                now.plus(Duration.ofMinutes(VALID_MINUTES)), TRIES);
        return code;
    }

    /** What checking a code found. */
    sealed interface Check {
        /** The code was right; it is now used. */
        record Right(Draft draft) implements Check {
        }

        /** No code was requested, or the latest was used or replaced. */
        record None(boolean used) implements Check {
        }

        record Expired() implements Check {
        }

        /** Wrong; {@code triesLeft} 0 means the code is now dead. */
        record Wrong(int triesLeft) implements Check {
        }

        /** The code was already dead from wrong tries. */
        record Dead() implements Check {
        }

        /** The code is right but was sent to another mobile number than the one submitted; still live. */
        record OtherMobile(String sentTo) implements Check {
        }

        /**
         * The policy's live code was asked for by another person ({@code requester}), and sent to {@code sentTo}:
         * only they can use it; nothing was tried, and it stays live.
         */
        record OtherRequester(String requester, String sentTo) implements Check {
        }
    }

    /**
     * Checks {@code code} against the newest code of this policy: a right one is marked used, a wrong one costs a
     * try, a right one for another mobile number is refused and stays live (written in {@code tx}, which the caller
     * must commit even though the request fails). When the newest live code is another person's, nothing is
     * compared and nothing counted.
     */
    Check check(Tx tx, long policyId, long userId, String code, String mobile) {
        Optional<Stored> latest = newest(tx, policyId);
        if (latest.isEmpty()) {
            return new Check.None(false);
        }
        Stored s = latest.get();
        Instant now = clock.instant();
        if (s.userId != userId) {
            return s.liveAt(now) ? new Check.OtherRequester(s.requester, s.draft.mobile()) : new Check.None(true);
        }
        if (s.usedAt != null) {
            return new Check.None(true);
        }
        if (s.triesLeft <= 0) {
            return new Check.Dead();
        }
        if (!now.isBefore(s.expiresAt)) {
            return new Check.Expired();
        }
        if (!MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
                s.hash.getBytes(StandardCharsets.US_ASCII))) {
            tx.update("UPDATE verification_codes SET tries_left = tries_left - 1 WHERE id = ?", s.id);
            return new Check.Wrong(s.triesLeft - 1);
        }
        if (!s.draft.mobile().equals(mobile)) {
            return new Check.OtherMobile(s.draft.mobile());
        }
        tx.update("UPDATE verification_codes SET used_at = ? WHERE id = ?", now, s.id);
        return new Check.Right(s.draft);
    }

    /** The policy's live (unused, unexpired, not dead) code request, whoever asked for it, if any. */
    Optional<Issued> live(Tx tx, long policyId) {
        return newest(tx, policyId)
                .filter(s -> s.liveAt(clock.instant()))
                .map(s -> new Issued(s.id, s.userId, s.requester, s.draft, s.expiresAt, s.triesLeft));
    }

    private static Optional<Stored> newest(Tx tx, long policyId) {
        return tx.one("SELECT v.*, u.display_name FROM verification_codes v JOIN users u ON u.id = v.user_id"
                + " WHERE v.policy_id = ? ORDER BY v.id DESC LIMIT 1", VerificationCodes::stored, policyId);
    }

    private record Stored(long id, long userId, String requester, String hash, Draft draft, Instant expiresAt,
                          int triesLeft, Instant usedAt) {
        /** Not used, replaced, dead from wrong tries or expired at {@code now}. */
        boolean liveAt(Instant now) {
            return usedAt == null && triesLeft > 0 && now.isBefore(expiresAt);
        }
    }

    private static Stored stored(Row r) throws SQLException {
        return new Stored(r.longValue("id"), r.longValue("user_id"), r.string("display_name"), r.string("code_hash"),
                new Draft(r.string("contact_name"), r.string("mobile"), r.string("email")), r.instant("expires_at"),
                r.intValue("tries_left"), r.instant("used_at"));
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (code == null ? "" : code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
