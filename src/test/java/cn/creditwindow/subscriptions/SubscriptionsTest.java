package cn.creditwindow.subscriptions;

import cn.creditwindow.TestPeople;
import static cn.creditwindow.Race.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.articles.ArticleQueries;
import cn.creditwindow.config.Config;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.reference.Countries;
import cn.creditwindow.reference.Industries;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions on a real database file: saving and naming them, the per-enterprise limit, states, feed tokens. */
class SubscriptionsTest {
    @TempDir
    Path dir;
    private Database db;
    private TestClock clock;
    private Accounts accounts;
    private Subscriptions subscriptions;
    private Principal szLegal;
    private Principal szOperator;
    private Principal hnLegal;

    /** The store under test: a SQLite file here, a PostgreSQL database in SubscriptionsPostgresIT. */
    Database database() {
        return Database.openFile(dir.resolve("subscriptions.db"));
    }

    @BeforeEach
    void setUp() {
        db = database();
        clock = TestClock.at2026();
        accounts = new Accounts(db, new Passwords(4), clock);
        Countries countries = Countries.load();
        Industries industries = Industries.load();
        subscriptions = new Subscriptions(db, new ArticleQueries(countries, industries, Config.CHINA), countries,
                industries, clock, new SecureRandom());
        Enterprise sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳测试公司", null, null));
        Enterprise hn = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州测试公司", null, null));
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id());
        szOperator = user("sz-op", Role.OPERATOR, sz.id());
        hnLegal = user("hn-legal", Role.LEGAL_REPRESENTATIVE, hn.id());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Principal user(String name, Role role, Long enterpriseId) {
        return TestPeople.create(accounts, name, role, enterpriseId, null, name + "@example.cn");
    }

    private static Input<Subscriptions.Draft> draft(String name, String q, String country) {
        return Input.of(new Subscriptions.Draft(name, q, country, null, null));
    }

    private long count() {
        return db.read(tx -> tx.number("SELECT COUNT(*) FROM subscriptions"));
    }

    @Test
    void aNewSubscriptionIsActiveWithResolvedConditionsAndAFeedToken() {
        Subscriptions.Created c = subscriptions.create(szOperator, draft(" 中东付款 ", "付款", "阿联酋"));
        Subscription s = c.subscription();
        assertThat(s.name()).isEqualTo("中东付款");
        assertThat(s.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(s.active()).isTrue();
        assertThat(s.conditions().countries()).containsExactly("AE");
        assertThat(s.userName()).isEqualTo("测试sz-op");
        assertThat(s.userEmail()).isEqualTo("sz-op@example.cn");
        assertThat(c.feedToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(subscriptions.byFeedToken(c.feedToken())).hasValueSatisfying(f -> assertThat(f.id()).isEqualTo(s.id()));
        // only the hash is kept
        assertThat(db.read(tx -> tx.one("SELECT feed_token_hash FROM subscriptions", r -> r.string("feed_token_hash")))
                .orElseThrow()).isEqualTo(Subscriptions.hash(c.feedToken())).doesNotContain(c.feedToken());
    }

    @Test
    void withoutANameTheConditionsDescribeIt() {
        assertThat(subscriptions.create(szLegal, draft(null, "关税", "AE,DE")).subscription().name())
                .isEqualTo("国家：阿联酋、德国；关键字：关税");
        assertThat(subscriptions.create(szLegal, draft("  ", null, null)).subscription().name()).isEqualTo("全部风险信息");
        // a long description (codes in order) is cut to the longest name, ending with an ellipsis
        String many = "AE,DE,FR,GB,US,JP,KR,SG,MY,TH,VN,ID,PH,IN,PK,BR,MX,CL,PE,AR";
        String name = subscriptions.create(szLegal, draft(null, null, many)).subscription().name();
        assertThat(name).hasSize(Subscriptions.MAX_NAME).endsWith("…").startsWith("国家：阿联酋、阿根廷、巴西");
    }

    @Test
    void aBadNameAndBadConditionsAreNamedTogetherAndNothingIsSaved() {
        assertThatThrownBy(() -> subscriptions.create(szLegal, draft("x".repeat(61), null, "火星国")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("country", "name"));
        assertThatThrownBy(() -> subscriptions.create(szLegal, draft("a\u0007b", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name"));
        assertThat(count()).isZero();
    }

    @Test
    void anEnterpriseKeepsAtMostFiftyWhateverTheDraftSays() {
        for (int i = 0; i < Subscriptions.MAX_PER_ENTERPRISE; i++) {
            subscriptions.create(i % 2 == 0 ? szLegal : szOperator, draft("订阅" + i, null, null));
        }
        assertThatThrownBy(() -> subscriptions.create(szLegal, draft("x".repeat(99), null, "火星国")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at most 50 subscriptions");
        // another enterprise is not held back
        subscriptions.create(hnLegal, draft("郑州", null, null));
        assertThat(count()).isEqualTo(51);
    }

    @Test
    void racingCreationsForTheLastPlaceKeepFifty() throws Exception { // #17
        for (int i = 1; i < Subscriptions.MAX_PER_ENTERPRISE; i++) {
            subscriptions.create(szLegal, draft("订阅" + i, null, null));
        }
        List<Callable<?>> last = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Principal who = i % 2 == 0 ? szLegal : szOperator;
            String name = "最后" + i;
            last.add(() -> subscriptions.create(who, draft(name, null, null)));
        }
        List<Object> outcomes = race(last);
        assertThat(outcomes).filteredOn(o -> !(o instanceof ConflictException)).hasSize(1);
        assertThat(count()).isEqualTo(Subscriptions.MAX_PER_ENTERPRISE);
    }

    @Test
    void staffKeepNoSubscriptions() {
        User u = accounts.createUser(new Accounts.NewUser("reviewer", "test-pass-2026", "审核", Role.REVIEWER, null,
                null, null));
        Principal reviewer = new Principal(u.id(), u.username(), u.displayName(), Role.REVIEWER, null, Set.of(), null);
        assertThatThrownBy(() -> subscriptions.create(reviewer, draft("x", null, null)))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theEnterprisesPeopleShareItsSubscriptionsAndOthersGet404() {
        long id = subscriptions.create(szOperator, draft("中东", null, "AE")).subscription().id();
        subscriptions.create(hnLegal, draft("郑州", null, null));
        assertThat(subscriptions.list(szLegal, PageRequest.first()).items()).extracting(Subscription::id)
                .containsExactly(id);
        assertThat(subscriptions.find(szLegal, id).name()).isEqualTo("中东");
        assertThatThrownBy(() -> subscriptions.find(hnLegal, id)).isInstanceOf(NotFoundException.class)
                .hasMessage("subscription " + id + " not found");
        assertThatThrownBy(() -> subscriptions.update(hnLegal, id, draft("偷改", null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> subscriptions.delete(hnLegal, id)).isInstanceOf(NotFoundException.class);
        assertThat(subscriptions.find(szLegal, id).name()).isEqualTo("中东");
    }

    @Test
    void anUpdateReplacesNameAndConditionsButKeepsStateAndSubscriber() {
        long id = subscriptions.create(szOperator, draft("中东", null, "AE")).subscription().id();
        subscriptions.setState(szOperator, id, Input.of("PAUSED"));
        clock.advance(Duration.ofHours(1));
        Subscription s = subscriptions.update(szLegal, id, draft("欧洲", "机械", "DE"));
        assertThat(s.name()).isEqualTo("欧洲");
        assertThat(s.conditions().countries()).containsExactly("DE");
        assertThat(s.conditions().keywords()).containsExactly("机械");
        assertThat(s.state()).isEqualTo(SubscriptionState.PAUSED);
        assertThat(s.userId()).isEqualTo(szOperator.userId());
        assertThat(s.updatedAt()).isEqualTo(s.createdAt().plus(Duration.ofHours(1)));
    }

    @Test
    void onlyActiveAndPausedCanBeSetByHand() {
        long id = subscriptions.create(szLegal, draft("中东", null, "AE")).subscription().id();
        assertThat(subscriptions.setState(szLegal, id, Input.of("PAUSED")).active()).isFalse();
        assertThat(subscriptions.setState(szLegal, id, Input.of("ACTIVE")).active()).isTrue();
        assertThatThrownBy(() -> subscriptions.setState(szLegal, id, Input.of("UNSUBSCRIBED")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).en())
                        .isEqualTo("state must be ACTIVE (resume) or PAUSED (pause), was 'UNSUBSCRIBED'"));
    }

    @Test
    void unsubscribingTouchesOnlyActiveOnes() {
        long a = subscriptions.create(szLegal, draft("一", null, null)).subscription().id();
        long b = subscriptions.create(szLegal, draft("二", null, null)).subscription().id();
        subscriptions.setState(szLegal, b, Input.of("PAUSED"));
        assertThat(subscriptions.unsubscribe(List.of(a, b, 999L))).isEqualTo(1);
        assertThat(subscriptions.byId(a).orElseThrow().state()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(subscriptions.byId(b).orElseThrow().state()).isEqualTo(SubscriptionState.PAUSED);
        assertThat(subscriptions.unsubscribe(List.of(a))).isZero();
        assertThat(subscriptions.ofUser(szLegal.userId())).extracting(Subscription::id).containsExactly(a, b);
    }

    @Test
    void theDigestTakesActiveSubscriptionsMadeBeforeTheCutOffBySubscriber() {
        long hn = subscriptions.create(hnLegal, draft("郑州", null, null)).subscription().id();
        long sz = subscriptions.create(szLegal, draft("深圳", null, null)).subscription().id();
        long paused = subscriptions.create(szLegal, draft("暂停", null, null)).subscription().id();
        subscriptions.setState(szLegal, paused, Input.of("PAUSED"));
        Instant cutOff = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofMinutes(1));
        subscriptions.create(szLegal, draft("晚了", null, null));
        List<Long> active = subscriptions.active(cutOff).stream().map(Subscription::id).toList();
        assertThat(active).containsExactlyInAnyOrder(hn, sz);
        assertThat(subscriptions.active(cutOff).get(0).userId())
                .isEqualTo(Math.min(szLegal.userId(), hnLegal.userId()));
    }

    @Test
    void aNewFeedTokenRetiresTheOldOne() {
        Subscriptions.Created c = subscriptions.create(szLegal, draft("中东", null, "AE"));
        String fresh = subscriptions.newFeedToken(szLegal, c.subscription().id());
        assertThat(fresh).isNotEqualTo(c.feedToken());
        assertThat(subscriptions.byFeedToken(c.feedToken())).isEmpty();
        assertThat(subscriptions.byFeedToken(fresh)).isPresent();
        assertThat(subscriptions.byFeedToken("short")).isEmpty();
        assertThat(subscriptions.byFeedToken(null)).isEmpty();
        subscriptions.delete(szLegal, c.subscription().id());
        assertThat(subscriptions.byFeedToken(fresh)).isEmpty();
    }

    @Test
    void apiFieldNamesReplaceTheFormsInErrors() {
        InvalidInputException e = new InvalidInputException(List.of(new FieldError("q", "z", "e"),
                new FieldError("name", "z", "e")));
        assertThat(Subscriptions.renamed(e, Map.of("q", "keywords")).errors()).extracting(FieldError::field)
                .containsExactly("keywords", "name");
    }
}
