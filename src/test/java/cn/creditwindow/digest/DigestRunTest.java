package cn.creditwindow.digest;

import cn.creditwindow.TestPeople;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.alarm.Alerts;
import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.losses.Obligations;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.Module;
import cn.creditwindow.store.Database;
import cn.creditwindow.subscriptions.Matched;
import cn.creditwindow.subscriptions.Matching;
import cn.creditwindow.subscriptions.Subscriptions;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import cn.creditwindow.web.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month's digests on a real database file and a real (in-memory) index: what each subscriber's digest holds,
 * which are sent, recorded empty or kept without an address, that a second run records nothing twice, the archive's
 * tenancy, and unsubscribing with the digest's signed links.
 */
class DigestRunTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final byte[] KEY = "digest-test-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private Database db;
    private LuceneArticleIndex index;
    private TestClock clock;
    private Accounts accounts;
    private Subscriptions subscriptions;
    private Matching matching;
    private DigestRun run;
    private Digests digests;
    private Unsubscriptions unsubscriptions;
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(KEY);
    private Enterprise sz;
    private Enterprise hn;
    private Principal szLegal;
    private Principal szOperator;
    private Principal hnLegal;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.openFile(dir.resolve("digest.db"));
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        index = LuceneArticleIndex.open(new ByteBuffersDirectory(), industries::withAncestors, 0);
        // subscriptions are made mid-October; the run is on 1 November
        clock = new TestClock(Instant.parse("2026-10-15T02:00:00Z"));
        accounts = new Accounts(db, new Passwords(4), clock);
        subscriptions = new Subscriptions(db, new ArticleQueries(countries, industries, Config.CHINA), countries,
                industries, clock, new SecureRandom());
        matching = new Matching(index, countries, industries, Config.CHINA);
        DigestMail mail = new DigestMail(tokens, () -> "https://window.example.cn", Config.CHINA);
        Alerts alerts = new Alerts(db, new Obligations(db, new SchemeCatalogue(db, Schemes.load(), clock), clock,
                Config.CHINA), clock);
        run = new DigestRun(db, subscriptions, matching, alerts, enterprise -> List.of(), mail, new Outbox(db, clock),
                Json.mapper(), clock, 2);
        digests = new Digests(db, Json.mapper());
        unsubscriptions = new Unsubscriptions(tokens, subscriptions);
        sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司", null, null));
        hn = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州市测试纺织有限公司", null, null));
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id(), "legal@sz.example.cn");
        szOperator = user("sz-op", Role.OPERATOR, sz.id(), null);
        hnLegal = user("hn-legal", Role.LEGAL_REPRESENTATIVE, hn.id(), "legal@hn.example.cn");
        index.upsert(List.of(
                article("uae-1", Module.COUNTRY_ALERT, "阿联酋进口商付款延迟风险上升", "2026-10-05T02:00:00Z", "AE"),
                article("uae-2", Module.TRADE_NEWS, "阿联酋调整部分商品关税", "2026-10-20T02:00:00Z", "AE"),
                article("uae-sep", Module.COUNTRY_ALERT, "阿联酋九月市场简报", "2026-09-28T02:00:00Z", "AE"),
                // 1 November 00:30 in China is November's, though still 31 October in UTC
                article("uae-nov", Module.COUNTRY_ALERT, "阿联酋十一月首日快讯", "2026-10-31T16:30:00Z", "AE"),
                article("de-1", Module.TRADE_NEWS, "德国机械订单回落", "2026-10-10T02:00:00Z", "DE")));
    }

    @AfterEach
    void tearDown() throws Exception {
        index.close();
        db.close();
    }

    private Principal user(String name, Role role, long enterpriseId, String email) {
        return TestPeople.create(accounts, name, role, enterpriseId, null, email);
    }

    private static Article article(String id, Module module, String title, String published, String country) {
        return new Article(id, module, title, "<p>" + title + "</p>", Instant.parse(published), "测试来源",
                "https://risk.example.cn/" + id, List.of(country), List.of(), List.of());
    }

    private long subscribe(Principal who, String name, String q, String country) {
        return subscriptions.create(who, Input.of(new Subscriptions.Draft(name, q, country, null, null)))
                .subscription().id();
    }

    private DigestRun.Report runOctober() {
        clock.set(Instant.parse("2026-11-01T01:00:00Z"));
        return run.run(OCTOBER, DigestRun.Listener.NONE);
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    @Test
    void aSubscribersDigestHoldsWhatEachSubscriptionMatchedInTheMonth() {
        long uae = subscribe(szLegal, "阿联酋", null, "阿联酋");
        long none = subscribe(szLegal, "火星", "火星基地", null);
        List<Digest> recorded = new ArrayList<>();
        clock.set(Instant.parse("2026-11-01T01:00:00Z"));
        run.run(OCTOBER, (userId, d) -> recorded.add(d));
        assertThat(recorded).hasSize(1);
        Digest d = recorded.get(0);
        assertThat(d.month()).isEqualTo("2026-10");
        assertThat(d.monthZh()).isEqualTo("2026年10月");
        assertThat(d.subscriberName()).isEqualTo("测试sz-legal");
        assertThat(d.sections()).extracting(Matched::subscriptionId).containsExactly(uae, none);
        Matched first = d.sections().get(0);
        // October in China only: not September's, not 1 November's (31 October in UTC)
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.groups()).extracting(Matched.Group::module).containsExactly("country-alert", "trade-news");
        assertThat(first.groups().get(0).items()).extracting(Matched.Item::title).containsExactly("阿联酋进口商付款延迟风险上升");
        assertThat(d.sections().get(1).total()).isZero();
        assertThat(d.articles()).isEqualTo(2);
        assertThat(d.tellsNothing()).isFalse();
    }

    @Test
    void theRunSendsRecordsEmptyAndKeepsWithoutAnAddress() {
        subscribe(szLegal, "阿联酋", null, "AE");
        subscribe(szOperator, "德国", null, "DE");    // no e-mail address: archived only
        subscribe(hnLegal, "火星", "火星基地", null);   // nothing matched: recorded empty, not sent
        DigestRun.Report r = runOctober();
        assertThat(r.month()).isEqualTo(OCTOBER);
        assertThat(r.subscribers()).isEqualTo(3);
        assertThat(r.recorded()).isEqualTo(3);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.empty()).isEqualTo(1);
        assertThat(r.noAddress()).isEqualTo(1);
        assertThat(r.indexQueries()).isEqualTo(3);
        assertThat(run.finished(OCTOBER)).isTrue();
        assertThat(run.finished(OCTOBER.plusMonths(1))).isFalse();
        String mail = db.read(tx -> tx.one("SELECT address || '|' || subject || '|' || body || '|' || headers AS m"
                + " FROM outbox", row -> row.string("m"))).orElseThrow();
        assertThat(mail).startsWith("legal@sz.example.cn|出口信用单一窗口 · 2026年10月风险信息月报 / Risk digest 2026-10|")
                .contains("阿联酋调整部分商品关税").contains("https://window.example.cn/digests/unsubscribe?token=")
                .contains("List-Unsubscribe").doesNotContain("德国机械订单回落");
    }

    @Test
    void aSecondRunRecordsAndSendsNothingAgain() {
        subscribe(szLegal, "阿联酋", null, "AE");
        subscribe(hnLegal, "阿联酋", null, "AE");
        subscribe(szOperator, "德国", null, "DE");
        runOctober();
        DigestRun.Report again = run.run(OCTOBER, DigestRun.Listener.NONE);
        assertThat(again.alreadyDone()).isEqualTo(3);
        assertThat(again.recorded()).isZero();
        assertThat(again.sent()).isZero();
        assertThat(count("SELECT COUNT(*) FROM digests")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(2);
    }

    @Test
    void aBatchThatFailsIsRolledBackWholeAndTheNextRunCompletesIt() {
        subscribe(szLegal, "阿联酋", null, "AE");
        subscribe(szOperator, "德国", null, "DE");
        subscribe(hnLegal, "阿联酋", null, "AE");
        clock.set(Instant.parse("2026-11-01T01:00:00Z"));
        // batches of 2: the failure in the second batch keeps the first one's records
        assertThatThrownBy(() -> run.run(OCTOBER, (userId, d) -> {
            if (userId == hnLegal.userId()) {
                throw new IllegalStateException("crash while recording");
            }
        })).hasMessage("crash while recording");
        assertThat(count("SELECT COUNT(*) FROM digests")).isEqualTo(2);
        assertThat(run.finished(OCTOBER)).isFalse();
        DigestRun.Report r = run.run(OCTOBER, DigestRun.Listener.NONE);
        assertThat(r.alreadyDone()).isEqualTo(2);
        assertThat(r.recorded()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE address = 'legal@hn.example.cn'")).isEqualTo(1);
    }

    @Test
    void aSubscriptionMadeAfterTheMonthOrPausedGetsNoDigest() {
        long paused = subscribe(szLegal, "阿联酋", null, "AE");
        subscriptions.setState(szLegal, paused, Input.of("PAUSED"));
        clock.set(Instant.parse("2026-11-01T00:30:00Z")); // 08:30 on 1 November in China: after October
        subscribe(hnLegal, "阿联酋", null, "AE");
        DigestRun.Report r = run.run(OCTOBER, DigestRun.Listener.NONE);
        assertThat(r.subscribers()).isZero();
        assertThat(count("SELECT COUNT(*) FROM digests")).isZero();
    }

    @Test
    void theArchiveShowsTheSentDigestsOfTheViewersEnterpriseOnly() {
        subscribe(szLegal, "阿联酋", null, "AE");
        subscribe(szOperator, "火星", "火星基地", null);
        subscribe(hnLegal, "阿联酋", null, "AE");
        runOctober();
        var mine = digests.list(szOperator, PageRequest.first());
        // the operator's own digest was empty: not listed; the legal representative's is, to everyone in Shenzhen
        assertThat(mine.items()).extracting(Digests.Summary::subscriberName).containsExactly("测试sz-legal");
        Digests.Summary s = mine.items().get(0);
        assertThat(s.month()).isEqualTo("2026-10");
        assertThat(s.articles()).isEqualTo(2);
        assertThat(s.sent()).isTrue();
        Digests.Entry entry = digests.find(szOperator, s.id());
        assertThat(entry.digest().sections().get(0).name()).isEqualTo("阿联酋");
        long hnDigest = digests.list(hnLegal, PageRequest.first()).items().get(0).id();
        assertThatThrownBy(() -> digests.find(szLegal, hnDigest)).isInstanceOf(NotFoundException.class)
                .hasMessage("digest " + hnDigest + " not found");
    }

    @Test
    void theLinkBesideASubscriptionUnsubscribesItOnceAndTheAllLinkEveryOne() {
        long uae = subscribe(szLegal, "阿联酋", null, "AE");
        long de = subscribe(szLegal, "德国", null, "DE");
        long other = subscribe(hnLegal, "阿联酋", null, "AE");
        String one = tokens.sign(UnsubscribeTokens.Purpose.SUBSCRIPTION, uae);
        Unsubscriptions.Target asked = unsubscriptions.target(one);
        assertThat(asked.changed()).isZero();
        assertThat(asked.subscriptions()).extracting(s -> s.id()).containsExactly(uae);
        assertThat(unsubscriptions.unsubscribe(one).changed()).isEqualTo(1);
        assertThat(unsubscriptions.unsubscribe(one).changed()).isZero();
        Unsubscriptions.Target all = unsubscriptions.unsubscribe(tokens.sign(UnsubscribeTokens.Purpose.SUBSCRIBER,
                szLegal.userId()));
        assertThat(all.subscriptions()).extracting(s -> s.id()).containsExactly(uae, de);
        assertThat(all.changed()).isEqualTo(1);
        assertThat(subscriptions.byId(other).orElseThrow().active()).isTrue();
        assertThat(subscriptions.byId(uae).orElseThrow().state().name()).isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void aForgedLinkChangesNothing() {
        long uae = subscribe(szLegal, "阿联酋", null, "AE");
        String forged = new UnsubscribeTokens("someone-elses-key-0123456789abcd".getBytes(StandardCharsets.US_ASCII))
                .sign(UnsubscribeTokens.Purpose.SUBSCRIPTION, uae);
        assertThatThrownBy(() -> unsubscriptions.unsubscribe(forged)).isInstanceOf(InvalidInputException.class);
        assertThat(subscriptions.byId(uae).orElseThrow().active()).isTrue();
        // a subscription deleted since the e-mail: nothing to unsubscribe
        subscriptions.delete(szLegal, uae);
        Unsubscriptions.Target gone = unsubscriptions.unsubscribe(tokens.sign(UnsubscribeTokens.Purpose.SUBSCRIPTION, uae));
        assertThat(gone.subscriptions()).isEmpty();
        assertThat(gone.changed()).isZero();
    }
}
