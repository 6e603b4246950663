package cn.creditwindow.articles;

import cn.creditwindow.accounts.Guard;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.GoneException;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Articles taken off the window (撤下) by the insurer — the wrong country, a legal complaint, the same item from two
 * feeds — and kept off. The table {@code withdrawn_articles} is the rule; the index only forgets. A withdrawal is
 * recorded first and the article then deleted from the index, so that a failure in between (a search cluster that
 * does not answer) leaves the record, and withdrawing again, or ingesting the item again, completes the removal.
 * Ingestion asks {@link #among} which of a document's items are withdrawn, and leaves those out.
 *
 * <p>Safe for concurrent use: two withdrawals of one article record the first.
 */
public final class Withdrawals {
    /** Most characters of a reason. */
    public static final int MAX_REASON = 200;
    /** Ids per {@code IN (…)} of {@link #among}: well under what SQLite and PostgreSQL bind in one statement. */
    private static final int IDS_PER_QUERY = 500;
    private static final String COLUMNS = "article_id, title, withdrawn_by, withdrawn_at, reason";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Database db;
    private final ArticleIndex index;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * One withdrawn article.
     *
     * @param title       its title when it was withdrawn (the index no longer has it)
     * @param withdrawnBy who withdrew it: a person's sign-in name, or the name of an API token
     */
    public record Withdrawal(String articleId, String title, String withdrawnBy, Instant withdrawnAt, String reason) {
    }

    /** What a withdrawal says: why (required, 1–{@value #MAX_REASON} characters). */
    public record Request(String reason) {
    }

    /**
     * @param zone where the date a withdrawn article's answer names is the users' date
     */
    public Withdrawals(Database db, ArticleIndex index, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** True if {@code p} may withdraw articles: the insurer's reviewers and administrators, and its feed-pushing systems. */
    public static boolean mayWithdraw(Principal p) {
        return Guard.REVIEWER.admits(p) || Guard.ADMIN.admits(p) || Guard.FEED_PUSH.admits(p);
    }

    /**
     * Withdraws the article {@code id}: records who, when and why, then deletes it from the index. Refused in this
     * order: not allowed for anyone {@link #mayWithdraw} does not admit; not found when the article is neither in the
     * index nor withdrawn; invalid input without a reason of 1–{@value #MAX_REASON} characters. An article withdrawn
     * already is answered with that first withdrawal (the reason given now is not kept), and the index is asked again
     * to forget it: repeating a withdrawal that failed half-way completes it.
     *
     * @throws cn.creditwindow.search.SearchUnavailableException when the search cluster does not answer; the withdrawal
     *                                                           stays recorded if it got that far
     */
    public Withdrawal withdraw(Principal by, String id, Input<Request> request) {
        if (!mayWithdraw(by)) {
            throw new NotAllowedException("a " + by.role().en() + " may not withdraw articles",
                    by.role().zh() + "无权撤下文章");
        }
        Optional<Withdrawal> earlier = find(id);
        Withdrawal withdrawal;
        if (earlier.isPresent()) {
            request.check(Withdrawals::reason);
            withdrawal = earlier.get();
        } else {
            Article article = index.find(id).orElseThrow(() -> notFound(id));
            String reason = request.check(Withdrawals::reason);
            withdrawal = record(new Withdrawal(id, article.title(), by.username(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), reason));
        }
        try {
            index.delete(List.of(id));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting withdrawn article " + id + " from the index", e);
        }
        return withdrawal;
    }

    /** The withdrawal of this article, if it was withdrawn. */
    public Optional<Withdrawal> find(String id) {
        return db.read(tx -> tx.one("SELECT " + COLUMNS + " FROM withdrawn_articles WHERE article_id = ?",
                Withdrawals::withdrawal, id));
    }

    /**
     * The article the window shows under this id. Refused as gone (with the date) once it was withdrawn, even while a
     * removal that failed has left it in the index; as not found when the index has no such article.
     */
    public Article shown(String id) {
        Optional<Withdrawal> w = find(id);
        if (w.isPresent()) {
            String day = DAY.format(w.get().withdrawnAt().atZone(zone));
            throw new GoneException("article " + id + " was withdrawn on " + day, "该文章已于 " + day + " 撤下：" + id);
        }
        return index.find(id).orElseThrow(() -> notFound(id));
    }

    /** Which of these article ids are withdrawn: one query per {@value #IDS_PER_QUERY} distinct ids. */
    public Set<String> among(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Set<String> withdrawn = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_QUERY) {
            List<String> part = distinct.subList(from, Math.min(from + IDS_PER_QUERY, distinct.size()));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            withdrawn.addAll(db.read(tx -> tx.list("SELECT article_id FROM withdrawn_articles WHERE article_id IN ("
                    + marks + ")", r -> r.string("article_id"), part.toArray())));
        }
        return withdrawn;
    }

    /** Records a new withdrawal; when another was recorded meanwhile, that one stands and is returned. */
    private Withdrawal record(Withdrawal w) {
        return db.inTransaction(tx -> {
            int added = tx.update("INSERT INTO withdrawn_articles (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (article_id) DO NOTHING", w.articleId(), w.title(), w.withdrawnBy(),
                    w.withdrawnAt(), w.reason());
            return added == 1 ? w : first(tx, w.articleId());
        });
    }

    private static Withdrawal first(Tx tx, String id) {
        return tx.one("SELECT " + COLUMNS + " FROM withdrawn_articles WHERE article_id = ?", Withdrawals::withdrawal, id)
                .orElseThrow(() -> new IllegalStateException("withdrawal of " + id + " neither added nor found"));
    }

    private static String reason(Request r, List<FieldError> errors) {
        return Text.required("reason", r == null ? null : r.reason(), MAX_REASON, "撤下原因", "the reason for withdrawing", errors);
    }

    private static Withdrawal withdrawal(Row r) throws SQLException {
        return new Withdrawal(r.string("article_id"), r.string("title"), r.string("withdrawn_by"),
                r.instant("withdrawn_at"), r.string("reason"));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("article " + id + " not found", "文章不存在：" + id);
    }
}
