package cn.creditwindow.subscriptions;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Tenancy;
import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Row;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The subscriptions of enterprises: created, listed, edited, paused, resumed and deleted by the enterprise's people
 * (legal representative and operators see and change all of their enterprise's; everyone else's answer not found), read
 * as an Atom feed by anyone holding its private token, and unsubscribed from a digest e-mail's signed link.
 */
public final class Subscriptions {
    /** Longest name. */
    public static final int MAX_NAME = 60;
    /** Most subscriptions of one enterprise. */
    public static final int MAX_PER_ENTERPRISE = 50;
    private static final String SELECT = "SELECT s.*, u.display_name, u.email FROM subscriptions s"
            + " JOIN users u ON u.id = s.user_id";

    private final Database db;
    private final ArticleQueries queries;
    private final Countries countries;
    private final Industries industries;
    private final Clock clock;
    private final SecureRandom random;

    public Subscriptions(Database db, ArticleQueries queries, Countries countries, Industries industries, Clock clock,
                         SecureRandom random) {
        this.db = Objects.requireNonNull(db, "db");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.industries = Objects.requireNonNull(industries, "industries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A subscription as typed: the search page's {@code q}, {@code country}, {@code industry}, the modules as ids
     * (comma-separated), and an optional name.
     */
    public record Draft(String name, String q, String country, String industry, String module) {
    }

    /** A new subscription and the private token of its Atom feed (shown once: only its hash is kept). */
    public record Created(Subscription subscription, String feedToken) {
    }

    /** Validates a draft's conditions (as the search does). */
    public Conditions conditions(Draft d) {
        return Conditions.parse(queries, d.q(), d.country(), d.industry(), d.module());
    }

    /** A draft checked: its conditions and the name it is saved under. */
    public record Checked(Conditions conditions, String name) {
    }

    /** The draft checked whole: invalid input naming every bad field, the name's with the conditions'. */
    public Checked checked(Input<Draft> draft) {
        return draft.check(this::check);
    }

    private Checked check(Draft d, List<FieldError> errors) {
        Conditions c = null;
        try {
            c = conditions(d);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors()); // named with the name's, not before it
        }
        String name = name(d, c, errors);
        return c == null || name == null ? null : new Checked(c, name);
    }

    /**
     * The name a draft is saved under: its own, or a description of its conditions (null when they are bad); null
     * after adding an error for a bad one.
     */
    private String name(Draft d, Conditions c, List<FieldError> errors) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            if (c == null) {
                return null;
            }
            name = c.describe(countries, industries, true);
            return name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name;
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "名称最多 " + MAX_NAME + " 个字符，且不能含控制字符",
                    "name must be at most " + MAX_NAME + " characters without control characters"));
            return null;
        }
        return name;
    }

    /**
     * One page of the subscriptions of the enterprises the principal may see, newest first (an enterprise keeps at
     * most {@value #MAX_PER_ENTERPRISE}, but its people page through them like any list).
     */
    public Paged<Subscription> list(Principal who, PageRequest page) {
        Tenancy.Filter f = Tenancy.filter(who, "s.enterprise_id");
        return db.read(tx -> page.select(tx, SELECT + " WHERE " + f.sql(), "s.id DESC", Subscriptions::row, f.args()));
    }

    /** One subscription, if the principal may see it; else 404. */
    public Subscription find(Principal who, long id) {
        return db.read(tx -> find(tx, who, id));
    }

    private static Subscription find(Tx tx, Principal who, long id) {
        Tenancy.Filter f = Tenancy.filter(who, "s.enterprise_id");
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(List.of(f.args()));
        return tx.one(SELECT + " WHERE s.id = ? AND " + f.sql(), Subscriptions::row, args.toArray())
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Saves a new subscription of the principal (an enterprise's person), active at once: a conflict when the
     * enterprise keeps the most it may (whatever the draft says), then invalid input naming every bad field.
     */
    public Created create(Principal who, Input<Draft> draft) {
        long enterpriseId = own(who);
        String token = newToken();
        Instant now = clock.instant();
        long id = db.inTransaction(tx -> {
            tx.lock("enterprises", enterpriseId); // the enterprise owns its limit of subscriptions
            if (tx.number("SELECT COUNT(*) FROM subscriptions WHERE enterprise_id = ?", enterpriseId)
                    >= MAX_PER_ENTERPRISE) {
                throw new ConflictException("an enterprise may keep at most " + MAX_PER_ENTERPRISE
                        + " subscriptions: delete one first", "每个企业最多保存 " + MAX_PER_ENTERPRISE + " 个订阅，请先删除不用的订阅");
            }
            Checked c = checked(draft);
            List<String> stored = c.conditions().store();
            return tx.insert("INSERT INTO subscriptions (enterprise_id, user_id, name, modules, countries, industries,"
                    + " keywords, state, feed_token_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    enterpriseId, who.userId(), c.name(), stored.get(0), stored.get(1), stored.get(2), stored.get(3),
                    SubscriptionState.ACTIVE, hash(token), now, now);
        });
        return new Created(find(who, id), token);
    }

    /**
     * Replaces a subscription's name and conditions (its state and subscriber stay): not found, then invalid input per
     * bad field.
     */
    public Subscription update(Principal who, long id, Input<Draft> draft) {
        own(who);
        db.inTransaction(tx -> {
            find(tx, who, id);
            Checked c = checked(draft);
            List<String> stored = c.conditions().store();
            return tx.update("UPDATE subscriptions SET name = ?, modules = ?, countries = ?, industries = ?,"
                    + " keywords = ?, updated_at = ? WHERE id = ?", c.name(), stored.get(0), stored.get(1),
                    stored.get(2), stored.get(3), clock.instant(), id);
        });
        return find(who, id);
    }

    /**
     * Pauses ({@code PAUSED}) or resumes ({@code ACTIVE}) the digest: not found for a subscription the principal may
     * not see, then invalid input for any other state.
     */
    public Subscription setState(Principal who, long id, Input<String> state) {
        own(who);
        db.inTransaction(tx -> {
            find(tx, who, id);
            SubscriptionState to = state.check((s, errors) -> {
                if ("ACTIVE".equals(s) || "PAUSED".equals(s)) {
                    return SubscriptionState.valueOf(s);
                }
                errors.add(new FieldError("state", "state 只能是 ACTIVE（恢复）或 PAUSED（暂停）",
                        "state must be ACTIVE (resume) or PAUSED (pause), was '" + s + "'"));
                return null;
            });
            return tx.update("UPDATE subscriptions SET state = ?, updated_at = ? WHERE id = ?", to, clock.instant(), id);
        });
        return find(who, id);
    }

    /** Deletes a subscription (its feed stops answering; digests already made stay in the archive). */
    public void delete(Principal who, long id) {
        own(who);
        db.inTransaction(tx -> {
            find(tx, who, id);
            return tx.update("DELETE FROM subscriptions WHERE id = ?", id);
        });
    }

    /** A new private token for the subscription's Atom feed; the old feed URL stops working. */
    public String newFeedToken(Principal who, long id) {
        own(who);
        String token = newToken();
        db.inTransaction(tx -> {
            find(tx, who, id);
            return tx.update("UPDATE subscriptions SET feed_token_hash = ?, updated_at = ? WHERE id = ?", hash(token),
                    clock.instant(), id);
        });
        return token;
    }

    /** The subscription whose Atom feed token this is. */
    public Optional<Subscription> byFeedToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return db.read(tx -> tx.one(SELECT + " WHERE s.feed_token_hash = ?", Subscriptions::row, hash(token)));
    }

    /** The subscription with this id, for a signed unsubscribe link (no principal: the signature is the proof). */
    public Optional<Subscription> byId(long id) {
        return db.read(tx -> tx.one(SELECT + " WHERE s.id = ?", Subscriptions::row, id));
    }

    /** The subscriptions of one user, for a signed unsubscribe-all link. */
    public List<Subscription> ofUser(long userId) {
        return db.read(tx -> tx.list(SELECT + " WHERE s.user_id = ? ORDER BY s.id", Subscriptions::row, userId));
    }

    /**
     * Marks subscriptions {@link SubscriptionState#UNSUBSCRIBED} (from a digest e-mail's link: the link's signature
     * was checked by the caller); those already paused or unsubscribed stay as they are.
     *
     * @return how many were active and are now unsubscribed
     */
    public int unsubscribe(List<Long> ids) {
        return db.inTransaction(tx -> {
            int changed = 0;
            for (long id : ids) {
                changed += tx.update("UPDATE subscriptions SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                        SubscriptionState.UNSUBSCRIBED, clock.instant(), id, SubscriptionState.ACTIVE);
            }
            return changed;
        });
    }

    /**
     * Every active subscription created before {@code createdBefore}, ordered by subscriber (the digest run's
     * input: a subscription created during a month first gets that month's digest).
     */
    public List<Subscription> active(Instant createdBefore) {
        return db.read(tx -> tx.list(SELECT + " WHERE s.state = ? AND s.created_at < ? ORDER BY s.user_id, s.id",
                Subscriptions::row, SubscriptionState.ACTIVE, createdBefore));
    }

    private static long own(Principal who) {
        if (!who.role().isEnterpriseUser()) {
            throw new NotAllowedException("only the enterprise's people keep its subscriptions",
                    "只有企业用户可以管理本企业的订阅");
        }
        return who.enterpriseId();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("subscription " + id + " not found", "订阅 " + id + " 不存在");
    }

    private static Subscription row(Row r) throws SQLException {
        return new Subscription(r.longValue("id"), r.longValue("enterprise_id"), r.longValue("user_id"),
                r.string("display_name"), r.string("email"), r.string("name"),
                Conditions.stored(r.string("modules"), r.string("countries"), r.string("industries"),
                        r.string("keywords")),
                r.enumValue("state", SubscriptionState.class), r.instant("created_at"), r.instant("updated_at"));
    }

    /** Field errors of the API use its field names ({@code keywords}, {@code countries}…), not the form's. */
    public static InvalidInputException renamed(InvalidInputException e, java.util.Map<String, String> names) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError f : e.errors()) {
            errors.add(new FieldError(names.getOrDefault(f.field(), f.field()), f.zh(), f.en()));
        }
        return new InvalidInputException(errors);
    }
}
