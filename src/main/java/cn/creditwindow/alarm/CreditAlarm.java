package cn.creditwindow.alarm;

import cn.creditwindow.search.Article;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.losses.Obligations;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Notice;
import cn.creditwindow.notify.Notifier;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jsoup.Jsoup;

/**
 * The credit alarm (资信报警器): alerts every enterprise watching a buyer (and not muting it) at once when
 * <ul>
 *   <li>a newly ingested or updated article names the buyer in its title or body ({@link #onArticles}), or</li>
 *   <li>a delivered credit report marks risk events for the buyer ({@link #onReportRisk}).</li>
 * </ul>
 * An alert is a row in the enterprise's inbox ({@link Alerts}) saying why it fired, and an e-mail through the
 * {@link Notifier} to each of the enterprise's people with an e-mail address, both in one transaction. The
 * database keeps one alert per enterprise, buyer and article (or order), so an article ingested again alerts
 * nobody twice. When the enterprise has open shipments on the buyer, the e-mail says what to do now
 * ({@link NextSteps}, as of the moment it fires; the inbox works them out again each time it is shown).
 */
public final class CreditAlarm {
    /** Risk events a credit report may mark, in Chinese; others are shown as given. */
    private static final Map<String, String> EVENTS_ZH = Map.of("BANKRUPTCY", "破产", "DEFAULT", "违约",
            "REFUSAL_TO_PAY", "拒付", "INSOLVENCY", "资不抵债", "LITIGATION", "诉讼", "SANCTIONS", "制裁",
            "LATE_PAYMENT", "拖欠付款");

    private final Database db;
    private final Notifier notifier;
    private final WatchedNames names;
    private final Obligations obligations;
    private final Clock clock;

    public CreditAlarm(Database db, Notifier notifier, WatchedNames names, Obligations obligations, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.names = Objects.requireNonNull(names, "names");
        this.obligations = Objects.requireNonNull(obligations, "obligations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Alerts the watchers of every buyer named in the articles (new or updated, just stored in the index), in one
     * transaction. Returns how many alerts were new.
     */
    public int onArticles(List<Article> articles) {
        List<Hit> hits = new ArrayList<>();
        WatchedNames.Snapshot watched = names.current(); // as watched now, on whichever node the watches changed
        for (Article a : articles) {
            String body = a.bodyHtml().isEmpty() ? "" : Jsoup.parse(a.bodyHtml()).text();
            List<WatchedNames.Found> inTitle = watched.scan(a.title());
            inTitle.forEach(f -> hits.add(new Hit(a, f, true)));
            for (WatchedNames.Found f : watched.scan(body)) {
                if (inTitle.stream().noneMatch(t -> t.buyerId() == f.buyerId())) {
                    hits.add(new Hit(a, f, false));
                }
            }
        }
        if (hits.isEmpty()) {
            return 0;
        }
        return db.inTransaction(tx -> {
            int alerts = 0;
            for (Hit h : hits) {
                alerts += alertArticle(tx, h);
            }
            return alerts;
        });
    }

    private record Hit(Article article, WatchedNames.Found found, boolean inTitle) {
    }

    private int alertArticle(Tx tx, Hit h) {
        Buyer b = Buyers.byId(tx, h.found().buyerId()).orElse(null);
        if (b == null) {
            return 0;
        }
        String whereZh = h.inTitle() ? "标题" : "正文";
        String whereEn = h.inTitle() ? "title" : "body";
        String zh = "新发布的风险信息《" + h.article().title() + "》的" + whereZh + "提到了关注的买方 " + b.code() + " "
                + b.nameEn() + "（匹配：“" + h.found().matched() + "”）";
        String en = "The new risk information '" + h.article().title() + "' names the watched buyer " + b.code() + " "
                + b.nameEn() + " in its " + whereEn + " (matched: '" + h.found().matched() + "')";
        int n = 0;
        for (long enterpriseId : watchers(tx, b.id())) {
            int inserted = tx.update("INSERT INTO alerts (enterprise_id, buyer_id, kind, article_id, title, matched,"
                    + " reason_zh, reason_en, created_at) VALUES (?, ?, 'ARTICLE', ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", enterpriseId, b.id(), h.article().id(), h.article().title(),
                    h.found().matched() + " (" + whereEn + ")", zh, en, clock.instant());
            if (inserted > 0) {
                mail(tx, enterpriseId, b, zh, en, "/articles/" + h.article().id());
                n++;
            }
        }
        return n;
    }

    /**
     * Alerts the watchers of a buyer for whom a delivered credit report marks risk events (e.g. {@code BANKRUPTCY},
     * {@code DEFAULT}, {@code REFUSAL_TO_PAY}), inside the delivering transaction. Only enterprises watching the
     * buyer (and not muting it) are alerted: the ordering enterprise hears of the delivery itself from the credit
     * package's notice. Returns how many alerts were new (delivering the same order again alerts nobody twice).
     *
     * @throws IllegalArgumentException for an unknown buyer or no events (a bug in the caller)
     */
    public int onReportRisk(Tx tx, long buyerId, long orderId, List<String> events) {
        Objects.requireNonNull(events, "events");
        List<String> named = events.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("a report risk alert needs at least one event (order " + orderId + ")");
        }
        Buyer b = Buyers.byId(tx, buyerId).orElseThrow(() -> new IllegalArgumentException(
                "no buyer " + buyerId + " for the risk events of order " + orderId));
        String eventsZh = String.join("、", named.stream().map(e -> EVENTS_ZH.getOrDefault(e.toUpperCase(Locale.ROOT), e))
                .toList());
        String eventsEn = String.join(", ", named.stream().map(e -> e.toLowerCase(Locale.ROOT).replace('_', ' ')).toList());
        String zh = "资信报告（订单 " + orderId + "）标记了关注的买方 " + b.code() + " " + b.nameEn() + " 的风险事件：" + eventsZh;
        String en = "The credit report of order " + orderId + " marks risk events for the watched buyer " + b.code() + " "
                + b.nameEn() + ": " + eventsEn;
        int n = 0;
        for (long enterpriseId : watchers(tx, buyerId)) {
            int inserted = tx.update("INSERT INTO alerts (enterprise_id, buyer_id, kind, order_id, title, matched,"
                    + " reason_zh, reason_en, created_at) VALUES (?, ?, 'REPORT', ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", enterpriseId, buyerId, orderId, "资信报告风险事件 / credit report risk events",
                    String.join("\n", named), zh, en, clock.instant());
            if (inserted > 0) {
                mail(tx, enterpriseId, b, zh, en, "/credit/orders/" + orderId);
                n++;
            }
        }
        return n;
    }

    private static List<Long> watchers(Tx tx, long buyerId) {
        return tx.list("SELECT enterprise_id FROM watches WHERE buyer_id = ? AND muted = 0 ORDER BY enterprise_id",
                r -> r.longValue("enterprise_id"), buyerId);
    }

    /** An e-mail to each of the enterprise's people with an address; what to do now when it has shipments open. */
    private void mail(Tx tx, long enterpriseId, Buyer b, String zh, String en, String link) {
        String steps = obligations.exposure(tx, enterpriseId, b.id())
                .map(e -> "\n" + NextSteps.of(e, b.id(), obligations.today()).text()).orElse("");
        tx.list("SELECT id, email FROM users WHERE enterprise_id = ? AND email IS NOT NULL AND email <> ''"
                + " ORDER BY id", r -> new Object[] {r.longValue("id"), r.string("email")}, enterpriseId)
                .forEach(u -> notifier.send(tx, new Notice(enterpriseId, (Long) u[0], Channel.EMAIL, (String) u[1],
                        "资信报警：" + b.nameEn() + " / Credit alarm: " + b.nameEn(),
                        zh + "\n查看：" + link + "（报警信息：/credit/alerts）\n\n" + en + "\nSee " + link
                                + " (alerts: /credit/alerts)" + steps)));
    }
}
