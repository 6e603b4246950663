package cn.creditwindow.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.accounts.ApiTokens;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.config.Config;
import cn.creditwindow.search.Article;
import cn.creditwindow.search.ArticleIndex;
import cn.creditwindow.search.ArticleQuery;
import cn.creditwindow.search.LuceneArticleIndex;
import cn.creditwindow.search.Module;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.GoneException;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #16: withdrawing articles, on a real database file and a real index. */
class WithdrawalsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T16:30:00Z"); // 21 November in China
    private static final Principal REVIEWER = new Principal(1, "reviewer", "审核员", Role.REVIEWER, null, Set.of(), null);
    private static final Principal ADMIN = new Principal(2, "admin", "管理员", Role.ADMIN, null, Set.of(), null);
    private static final Principal FEEDS = new Principal(3, "feed-system", "feed-system", Role.SYSTEM, null,
            Set.of(ApiTokens.FEEDS_PUSH), null);

    @TempDir
    Path dir;
    private Database db;
    private ArticleIndex index;
    private Withdrawals withdrawals;

    @BeforeEach
    void setUp() throws IOException {
        db = Database.openFile(dir.resolve("records.db"));
        index = LuceneArticleIndex.open(new ByteBuffersDirectory(), codes -> codes, 0);
        index.upsert(List.of(article("a", "阿联酋买家破产"), article("b", "沙特付款延迟")));
        withdrawals = new Withdrawals(db, index, Clock.fixed(NOW, ZoneOffset.UTC), Config.CHINA);
    }

    @AfterEach
    void tearDown() throws Exception {
        index.close();
        db.close();
    }

    private static Article article(String id, String title) {
        return new Article(id, Module.COUNTRY_ALERT, title, "<p>" + title + "</p>", Instant.parse("2026-11-01T00:00:00Z"),
                "测试来源", "https://risk.example.cn/" + id, List.of(), List.of(), List.of());
    }

    private static Input<Withdrawals.Request> because(String reason) {
        return Input.of(new Withdrawals.Request(reason));
    }

    @Test
    void aWithdrawalIsRecordedAndTheArticleLeavesTheIndex() {
        Withdrawals.Withdrawal w = withdrawals.withdraw(REVIEWER, "a", because("  国别标注错误 "));
        assertThat(w).isEqualTo(new Withdrawals.Withdrawal("a", "阿联酋买家破产", "reviewer", NOW, "国别标注错误"));
        assertThat(withdrawals.find("a")).contains(w);
        assertThat(index.find("a")).isEmpty();
        assertThat(index.search(ArticleQuery.all()).total()).isEqualTo(1);
        assertThat(withdrawals.among(List.of("a", "b", "c"))).containsExactly("a");
        assertThatThrownBy(() -> withdrawals.shown("a")).isInstanceOf(GoneException.class)
                .hasMessage("article a was withdrawn on 2026-11-21")
                .satisfies(e -> assertThat(((GoneException) e).zh()).isEqualTo("该文章已于 2026-11-21 撤下：a"));
        assertThat(withdrawals.shown("b").title()).isEqualTo("沙特付款延迟");
        assertThatThrownBy(() -> withdrawals.shown("c")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusedInOrderNotAllowedThenNotFoundThenTheReason() {
        Principal operator = new Principal(4, "op", "操作员", Role.OPERATOR, 1L, Set.of(), null);
        Principal customs = new Principal(5, "customs", "customs", Role.SYSTEM, null, Set.of(ApiTokens.CUSTOMS_PUSH),
                null);
        assertThatThrownBy(() -> withdrawals.withdraw(operator, "nope", because(null)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> withdrawals.withdraw(customs, "a", because("重复")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> withdrawals.withdraw(ADMIN, "nope", because(null)))
                .isInstanceOf(NotFoundException.class).hasMessage("article nope not found");
        for (String bad : new String[]{null, "", " \t ", "因".repeat(201)}) {
            assertThatThrownBy(() -> withdrawals.withdraw(ADMIN, "a", because(bad)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                            .singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("reason")));
        }
        assertThat(withdrawals.find("a")).isEmpty();
        assertThat(index.find("a")).isPresent();
        assertThat(withdrawals.withdraw(FEEDS, "a", because("因".repeat(200))).withdrawnBy()).isEqualTo("feed-system");
    }

    @Test
    void aSecondWithdrawalAnswersTheFirst() {
        Withdrawals.Withdrawal first = withdrawals.withdraw(REVIEWER, "a", because("法律投诉"));
        assertThat(withdrawals.withdraw(ADMIN, "a", because("另一个原因"))).isEqualTo(first);
        assertThatThrownBy(() -> withdrawals.withdraw(ADMIN, "a", because(""))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void whenTheIndexCannotDeleteTheWithdrawalStaysAndRepeatingItFinishesTheJob() throws IOException {
        Path folder = dir.resolve("index");
        try (LuceneArticleIndex writable = LuceneArticleIndex.open(FSDirectory.open(folder), codes -> codes, 0)) {
            writable.upsert(List.of(article("x", "约旦关税配额调整")));
        }
        try (LuceneArticleIndex readOnly = LuceneArticleIndex.openReadOnly(FSDirectory.open(folder), 0)) {
            Withdrawals failing = new Withdrawals(db, readOnly, Clock.fixed(NOW, ZoneOffset.UTC), Config.CHINA);
            assertThatThrownBy(() -> failing.withdraw(REVIEWER, "x", because("重复条目")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(readOnly.find("x")).isPresent();
            assertThat(failing.find("x")).isPresent();
            assertThat(failing.among(List.of("x"))).containsExactly("x");
            assertThatThrownBy(() -> failing.shown("x")).isInstanceOf(GoneException.class);
        }
        try (LuceneArticleIndex writable = LuceneArticleIndex.open(FSDirectory.open(folder), codes -> codes, 0)) {
            Withdrawals again = new Withdrawals(db, writable, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC),
                    Config.CHINA);
            Withdrawals.Withdrawal w = again.withdraw(ADMIN, "x", because("再试一次"));
            assertThat(w.withdrawnBy()).isEqualTo("reviewer");
            assertThat(w.reason()).isEqualTo("重复条目");
            assertThat(writable.find("x")).isEmpty();
        }
    }

    @Test
    void amongAnswersForManyIdsAtOnce() {
        withdrawals.withdraw(REVIEWER, "a", because("重复"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            ids.add("id-" + i);
        }
        ids.add(700, "a");
        ids.add("a");
        assertThat(withdrawals.among(ids)).containsExactly("a");
        assertThat(withdrawals.among(List.of())).isEmpty();
    }

    @Test
    void twoWithdrawalsAtOnceRecordOne() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Withdrawals.Withdrawal>> both = new ArrayList<>();
        for (Principal p : List.of(REVIEWER, ADMIN)) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return withdrawals.withdraw(p, "b", because("by " + p.username()));
            }));
        }
        Withdrawals.Withdrawal first = both.get(0).get();
        assertThat(both.get(1).get()).isEqualTo(first);
        assertThat(withdrawals.find("b")).contains(first);
        assertThat(index.find("b")).isEmpty();
    }
}
