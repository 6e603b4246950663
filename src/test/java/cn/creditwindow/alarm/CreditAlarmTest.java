package cn.creditwindow.alarm;

import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.Module;
import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.notify.Channel;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alarm on a real database with the bundled sample directory: names in articles, reports, muting, tenancy. */
class CreditAlarmTest {
    @TempDir
    Path dir;
    private Database db;
    private Buyers buyers;
    private Watches watches;
    private Alerts alerts;
    private CreditAlarm alarm;
    private Outbox outbox;
    private Principal shenzhen;
    private Principal shenzhenLegal;
    private Principal henan;
    private Principal manager;
    private Buyer desertRose;
    private Buyer kessler;

    private static Principal principal(Accounts accounts, String name, Role role, Long enterpriseId, String email) {
        long id = accounts.createUser(new Accounts.NewUser(name, "password-1", name, role, enterpriseId, null, email)).id();
        return new Principal(id, name, name, role, enterpriseId, Set.of(), null);
    }

    @BeforeEach
    void open() throws IOException {
        db = Database.openFile(dir.resolve("t.db"));
        TestClock clock = TestClock.at2026();
        Accounts accounts = new Accounts(db, new Passwords(4), clock);
        Enterprise a = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳示例", null, null));
        Enterprise b = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州示例", null, null));
        shenzhen = principal(accounts, "sz-op", Role.OPERATOR, a.id(), "sz-op@demo.example");
        shenzhenLegal = principal(accounts, "sz-legal", Role.LEGAL_REPRESENTATIVE, a.id(), "sz_legal-1@demo.example");
        principal(accounts, "sz-nomail", Role.OPERATOR, a.id(), null);
        henan = principal(accounts, "hn-op", Role.OPERATOR, b.id(), "hn-op@demo.example");
        manager = principal(accounts, "mgr-1", Role.ACCOUNT_MANAGER, null, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
        Principal reviewer = principal(accounts, "rev-1", Role.REVIEWER, null, null);
        buyers = new Buyers(db, Countries.load(), clock);
        try (InputStream in = Buyers.class.getResourceAsStream("/buyers/sample-directory.csv")) {
            buyers.importCsv(reviewer, in.readAllBytes());
        }
        WatchedNames names = new WatchedNames(db);
        watches = new Watches(db, clock);
        cn.creditwindow.losses.Obligations obligations = new cn.creditwindow.losses.Obligations(db,
                new cn.creditwindow.schemes.SchemeCatalogue(db, cn.creditwindow.schemes.Schemes.load(), clock), clock,
                java.time.ZoneId.of("Asia/Shanghai"));
        alerts = new Alerts(db, obligations, clock);
        outbox = new Outbox(db, clock);
        alarm = new CreditAlarm(db, outbox, names, obligations, clock);
        desertRose = buyers.search(shenzhen, new Buyers.Query("Desert Rose Trading", null, null)).items().get(0).buyer();
        kessler = buyers.search(shenzhen, new Buyers.Query("Kessler Maschinen", null, null)).items().get(0).buyer();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Article article(String id, String title, String bodyHtml) {
        return new Article(id, Module.COUNTRY_ALERT, title, bodyHtml, Instant.parse("2026-03-01T08:00:00Z"), "test", "",
                List.of(), List.of(), List.of());
    }

    @Test
    void aTitleNamingAWatchedBuyerAlertsTheEnterpriseAndMailsItsPeople() {
        watches.watch(shenzhen, desertRose.id());
        int n = alarm.onArticles(List.of(article("a1", "Dubai court: DESERT ROSE TRADING files for bankruptcy", ""),
                article("a2", "Gulf markets calm", "<p>Nothing about any buyer.</p>")));
        assertThat(n).isOne();
        List<Alert> inbox = alerts.list(shenzhen, null, false, PageRequest.first()).items();
        assertThat(inbox).hasSize(1);
        Alert a = inbox.get(0);
        assertThat(a.kind()).isEqualTo("ARTICLE");
        assertThat(a.link()).isEqualTo("/articles/a1");
        assertThat(a.matched()).isEqualTo("desert rose trading (title)");
        assertThat(a.reasonZh()).contains("标题", "AE0000001", "Desert Rose Trading LLC");
        assertThat(a.reasonEn()).contains("names the watched buyer AE0000001 Desert Rose Trading LLC in its title");
        assertThat(a.read()).isFalse();
        List<Outbox.Sent> mails = outbox.ofEnterprise(shenzhen.enterpriseId(), new PageRequest(1, 10)).items();
        assertThat(mails).extracting(Outbox.Sent::channel).containsOnly(Channel.EMAIL);
        assertThat(mails).extracting(Outbox.Sent::address)
                .containsExactlyInAnyOrder("sz-op@demo.example", "sz_legal-1@demo.example");
        assertThat(mails.get(0).text()).contains("/articles/a1");
        assertThat(alerts.list(henan, null, false, PageRequest.first()).items()).isEmpty();
        assertThat(outbox.ofEnterprise(henan.enterpriseId(), new PageRequest(1, 10)).items()).isEmpty();
    }

    @Test
    void bodiesAndChineseNamesMatchButOnlyWholeWords() {
        watches.watch(shenzhen, desertRose.id());
        watches.watch(shenzhen, kessler.id());
        assertThat(alarm.onArticles(List.of(article("b1", "阿联酋一贸易商申请破产",
                "<p>据报道，沙漠玫瑰贸易已向迪拜法院申请破产保护。</p>")))).isOne();
        assertThat(alerts.list(shenzhen, null, false, PageRequest.first()).items().get(0).matched())
                .isEqualTo("沙漠玫瑰贸易 (body)");
        assertThat(alarm.onArticles(List.of(
                article("b2", "Desert Roses Trading season opens", "<p>desertrosetrading.example is a site</p>"),
                article("b3", "Kessler reports record sales", "<p>Maschinen aus Kessler</p>")))).isZero();
        assertThat(alarm.onArticles(List.of(article("b4", "Auftragseinbruch",
                "<p>Die Kessler-Maschinen GmbH meldet Insolvenz an.</p>")))).isOne();
    }

    @Test
    void anArticleStoredAgainAlertsNobodyTwice() {
        watches.watch(shenzhen, desertRose.id());
        Article a = article("c1", "Desert Rose Trading LLC defaults", "");
        assertThat(alarm.onArticles(List.of(a))).isOne();
        assertThat(alarm.onArticles(List.of(a))).isZero();
        assertThat(alarm.onArticles(List.of(article("c1", "Desert Rose Trading LLC defaults (updated)", "")))).isZero();
        assertThat(alerts.list(shenzhen, null, false, PageRequest.first()).items()).hasSize(1);
        assertThat(outbox.ofEnterprise(shenzhen.enterpriseId(), new PageRequest(1, 10)).items()).hasSize(2);
    }

    @Test
    void everyWatchingEnterpriseIsAlertedButMutedOnesGetNothingNew() {
        watches.watch(shenzhen, desertRose.id());
        watches.watch(henan, desertRose.id());
        assertThat(alarm.onArticles(List.of(article("d1", "Desert Rose Trading in trouble", "")))).isEqualTo(2);
        watches.mute(henan, desertRose.id(), Input.of(true));
        assertThat(alarm.onArticles(List.of(article("d2", "Desert Rose Trading: more trouble", "")))).isOne();
        assertThat(alerts.list(henan, null, false, PageRequest.first()).items()).hasSize(1);
        assertThat(watches.list(henan, null, PageRequest.first()).items()).singleElement()
                .satisfies(w -> assertThat(w.muted()).isTrue());
        watches.mute(henan, desertRose.id(), Input.of(false));
        assertThat(alarm.onArticles(List.of(article("d3", "Desert Rose Trading: the end", "")))).isEqualTo(2);
        watches.unwatch(shenzhen, desertRose.id());
        assertThat(alarm.onArticles(List.of(article("d4", "Desert Rose Trading: after the end", "")))).isOne();
        assertThat(alerts.list(shenzhen, null, false, PageRequest.first()).items()).hasSize(3);
    }

    @Test
    void aReportsRiskEventsAlertTheWatchersOnceInTheDeliveringTransaction() {
        watches.watch(shenzhen, desertRose.id());
        int n = db.inTransaction(tx -> alarm.onReportRisk(tx, desertRose.id(), 77, List.of("BANKRUPTCY", "REFUSAL_TO_PAY")));
        assertThat(n).isOne();
        Alert a = alerts.list(shenzhen, null, false, PageRequest.first()).items().get(0);
        assertThat(a.kind()).isEqualTo("REPORT");
        assertThat(a.link()).isEqualTo("/credit/orders/77");
        assertThat(a.reasonZh()).contains("破产、拒付");
        assertThat(a.reasonEn()).contains("bankruptcy, refusal to pay");
        assertThat((int) db.inTransaction(tx -> alarm.onReportRisk(tx, desertRose.id(), 77, List.of("BANKRUPTCY")))).isZero();
        // rolled back with the delivery: no alert, no mail
        long mails = outbox.ofEnterprise(shenzhen.enterpriseId(), new PageRequest(1, 50)).items().size();
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            alarm.onReportRisk(tx, desertRose.id(), 78, List.of("DEFAULT"));
            throw new IllegalStateException("delivery failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(alerts.list(shenzhen, null, false, PageRequest.first()).items()).hasSize(1);
        assertThat(outbox.ofEnterprise(shenzhen.enterpriseId(), new PageRequest(1, 50)).items()).hasSize((int) mails);
        assertThatThrownBy(() -> db.inTransaction(tx -> alarm.onReportRisk(tx, desertRose.id(), 79, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void watchListsAndAlertsBelongToTheirEnterprise() {
        Buyer own = buyers.add(shenzhen, new Buyers.NewBuyer("Quiet Lagoon Imports", null, "AE", null, null));
        assertThatThrownBy(() -> watches.watch(henan, own.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> watches.watch(henan, 999_999)).isInstanceOf(NotFoundException.class);
        watches.watch(shenzhen, own.id());
        assertThatThrownBy(() -> watches.watch(shenzhenLegal, own.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> watches.list(henan, shenzhen.enterpriseId(), PageRequest.first()).items())
                .isInstanceOf(NotFoundException.class);
        assertThat(watches.list(manager, shenzhen.enterpriseId(), PageRequest.first()).items()).hasSize(1);
        assertThatThrownBy(() -> watches.list(manager, henan.enterpriseId(), PageRequest.first()).items())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> watches.watch(manager, own.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> watches.mute(henan, own.id(), Input.of(true))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> watches.unwatch(henan, own.id())).isInstanceOf(NotFoundException.class);
        alarm.onArticles(List.of(article("e1", "Quiet Lagoon Imports closes its doors", "")));
        Alert a = alerts.list(shenzhen, null, true, PageRequest.first()).items().get(0);
        assertThatThrownBy(() -> alerts.markRead(henan, a.id())).isInstanceOf(NotFoundException.class);
        assertThat(alerts.unread(manager)).isOne();
        assertThat(alerts.markRead(shenzhenLegal, a.id()).read()).isTrue();
        assertThat(alerts.list(shenzhen, null, true, PageRequest.first()).items()).isEmpty();
        assertThat(alerts.unread(shenzhen)).isZero();
    }

    @Test
    void shortNamesDoNotAlertOnEveryArticle() {
        Buyer tiny = buyers.add(shenzhen, new Buyers.NewBuyer("ABC Ltd", "甲", "AE", null, null));
        watches.watch(shenzhen, tiny.id());
        assertThat(alarm.onArticles(List.of(article("f1", "ABC of exporting", "<p>甲方与乙方</p>")))).isZero();
    }
}
