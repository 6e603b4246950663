package cn.creditwindow.answers;

import static cn.creditwindow.validation.Text.blankToNull;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Regions;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The submissions of one {@link Kind}, as everyone who may see them reads them and as the insurer's staff answer each
 * once. Writing a new one is the kind's own (its fields, its rules); this reads it back ({@link #read}).
 *
 * <p>Who sees what is {@link Tenancy}'s: an enterprise's people their enterprise's, an account manager their
 * portfolio's, reviewers and administrators all; a submission of someone else answers not found, as if it did not
 * exist.
 */
public final class Submissions<T extends Submission<S>, S extends Enum<S> & State> {
    /** The longest answer, in characters. */
    public static final int MAX_ANSWER = 2000;

    private final Database db;
    private final Regions regions;
    private final Notifier notifier;
    private final Clock clock;
    private final Kind<T, S> kind;
    private final String select;

    public Submissions(Database db, Regions regions, Notifier notifier, Clock clock, Kind<T, S> kind) {
        this.db = Objects.requireNonNull(db, "db");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.select = "SELECT t.*, s.display_name AS submitted_by_name, a.display_name AS " + kind.answeredBy()
                + "_name FROM " + kind.table() + " t JOIN users s ON s.id = t.submitted_by"
                + " LEFT JOIN users a ON a.id = t." + kind.answeredBy();
    }

    /** The kind these are. */
    public Kind<T, S> kind() {
        return kind;
    }

    /** One page of the submissions the principal may see, newest first; {@code state} null for every state. */
    public Paged<T> list(Principal who, S state, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(who, "t.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(f.args()));
        String where = " WHERE " + f.sql();
        if (state != null) {
            where += " AND t.state = ?";
            args.add(state);
        }
        String sql = select + where;
        return db.read(tx -> page.select(tx, sql, "t.id DESC", kind.row(), args.toArray()));
    }

    /** One submission, or not found when it does not exist or the principal may not see its enterprise. */
    public T find(Principal who, long id) {
        return db.read(tx -> visible(tx, who, id));
    }

    /** The submission {@code id} as it stands in this transaction, such as one the kind has just written. */
    public T read(Tx tx, long id) {
        return tx.one(select + " WHERE t.id = ?", kind.row(), id).orElseThrow(
                () -> new IllegalStateException(kind.table() + " " + id + " not found"));
    }

    /**
     * The insurer's staff answer a waiting submission, which moves it to the answered state with the answer, who gave
     * it and when; then the kind's {@link Kind#notices notices} are sent in the same transaction. Refused in this order: not allowed for someone not of the staff, not found for a submission
     * the principal may not see, a conflict for one answered already (whatever the answer says: the first answer
     * stands as given, and of two staff answering at once one wins and the other gets a conflict), invalid input
     * for an answer missing or longer than {@link #MAX_ANSWER}.
     */
    public T answer(Principal who, long id, Input<String> answer) {
        if (!staff(who)) {
            throw new NotAllowedException(kind.words().staffOnly(), kind.words().staffOnlyZh());
        }
        return db.inTransaction(tx -> {
            tx.lock(kind.table(), id); // the submission owns its one answer (store package: concurrency)
            T before = visible(tx, who, id);
            if (before.state() != kind.waiting()) {
                throw answeredAlready(before);
            }
            String text = answer.check((a, errors) -> {
                String t = blankToNull(a);
                if (t == null || t.length() > MAX_ANSWER) {
                    errors.add(new FieldError(kind.answer(), kind.words().ruleZh(), kind.words().rule()));
                }
                return t;
            });
            // the state in the WHERE clause is the guard against a second answer that got in since we read it
            int n = tx.update("UPDATE " + kind.table() + " SET state = ?, " + kind.answer() + " = ?, "
                            + kind.answeredBy() + " = ?, " + kind.answeredAt() + " = ? WHERE id = ? AND state = ?",
                    kind.answered(), text, who.userId(), clock.instant(), id, kind.waiting());
            if (n == 0) {
                throw answeredAlready(before);
            }
            T after = read(tx, id);
            for (Notice notice : kind.notices().apply(after, text)) {
                notifier.send(tx, notice);
            }
            return after;
        });
    }

    /** True when the principal may answer this submission now: one of the staff, and it is still waiting. */
    public boolean canAnswer(Principal who, T submission) {
        return submission.state() == kind.waiting() && staff(who);
    }

    /** The insurer's staff, who answer: reviewers, administrators and account managers (for their portfolio). */
    public static boolean staff(Principal p) {
        return p.is(Role.REVIEWER) || p.is(Role.ADMIN) || p.is(Role.ACCOUNT_MANAGER);
    }

    /** The list's {@code state} filter as sent: null (every state) when blank, else one of the kind's states. */
    public S state(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        S[] states = kind.waiting().getDeclaringClass().getEnumConstants();
        for (S s : states) {
            if (s.name().equals(raw.strip())) {
                return s;
            }
        }
        // e.g. 状态应为 SUBMITTED（已提交）或 ANSWERED（已答复） / state must be SUBMITTED or ANSWERED
        throw new InvalidInputException("state", Arrays.stream(states).map(s -> s.name() + "（" + s.zh() + "）")
                .collect(Collectors.joining("或 ", "状态应为 ", "")),
                Arrays.stream(states).map(Enum::name).collect(Collectors.joining(" or ", "state must be ", "")));
    }

    /** What an empty form starts with for the principal ({@link Submitter#NOBODY} for the insurer's staff). */
    public Submitter submitter(Principal who) {
        if (!who.role().isEnterpriseUser()) {
            return Submitter.NOBODY;
        }
        return db.read(tx -> tx.one("SELECT e.name_zh, e.division_code, u.display_name, u.mobile, u.email FROM users u"
                        + " JOIN enterprises e ON e.id = u.enterprise_id WHERE u.id = ?", r -> {
                    List<String> codes = regions.lineage(r.string("division_code"));
                    return new Submitter(r.string("name_zh"), codes.get(0), codes.get(1), codes.get(2),
                            r.string("display_name"), orEmpty(r.string("mobile")), orEmpty(r.string("email")));
                }, who.userId())
                .orElseThrow(() -> new NotFoundException("user " + who.userId() + " not found", "用户不存在")));
    }

    private T visible(Tx tx, Principal who, long id) {
        T found = tx.one(select + " WHERE t.id = ?", kind.row(), id).orElse(null);
        if (found == null || !Tenancy.canSee(tx, who, found.enterpriseId())) {
            throw new NotFoundException(kind.words().noun() + " " + id + " not found",
                    kind.words().nounZh() + " " + id + " 不存在");
        }
        return found;
    }

    private ConflictException answeredAlready(T submission) {
        Words<T> w = kind.words();
        return new ConflictException(w.already().apply(submission), w.alreadyZh().apply(submission));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
