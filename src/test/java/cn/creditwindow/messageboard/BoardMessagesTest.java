package cn.creditwindow.messageboard;

import cn.creditwindow.TestPeople;
import static cn.creditwindow.Race.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.config.Config;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.reference.Regions;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message board on a real SQLite file: who sees which message, and the staff's reply given once — a second
 * reply, or two staff replying at the same moment, leaves exactly one reply and one set of notices. #15
 */
class BoardMessagesTest {
    /** 2024-06-17 09:00 in China. */
    private static final Instant NOW = Instant.parse("2024-06-17T01:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private Accounts accounts;
    private BoardMessages messages;
    private Principal lyLegal;
    private Principal lyOperator;
    private Principal szLegal;
    private Principal manager;
    private Principal reviewer;
    private Principal admin;

    /** The store under test: a SQLite file here, a PostgreSQL database in BoardMessagesPostgresIT. */
    Database database() {
        return Database.openFile(dir.resolve("board.db"));
    }

    @BeforeEach
    void open() {
        db = database();
        Clock clock = Clock.fixed(NOW, Config.CHINA);
        accounts = new Accounts(db, new Passwords(4), clock);
        messages = new BoardMessages(db, Regions.load(), new Outbox(db, clock), clock);
        Enterprise ly = accounts.createEnterprise(
                new Accounts.NewEnterprise("914101007Q3R8K2M4G", "洛阳示例机械制造有限公司", null, "410302"));
        Enterprise sz = accounts.createEnterprise(
                new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司", null, "440303"));
        lyLegal = user("ly-legal", Role.LEGAL_REPRESENTATIVE, ly.id(), "13900379000", "ly-legal@example.com");
        lyOperator = user("ly-op", Role.OPERATOR, ly.id(), null, null);
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id(), null, null);
        manager = user("manager", Role.ACCOUNT_MANAGER, null, null, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4103"), List.of())));
        reviewer = user("reviewer", Role.REVIEWER, null, null, null);
        admin = user("admin", Role.ADMIN, null, null, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Principal user(String name, Role role, Long enterpriseId, String mobile, String email) {
        return TestPeople.create(accounts, name, role, enterpriseId, mobile, email);
    }

    /** A message from Luoyang, with or without an e-mail. */
    private static BoardMessages.NewMessage luoyang(String email) {
        return new BoardMessages.NewMessage("洛阳示例机械制造有限公司", "410000", "410300", "410302", "王女士",
                "+86 139-0037-9000", email, "关于保单续转", "请问明年的保单如何续转？");
    }

    /** A message from Dongguan, a city without districts. */
    private static BoardMessages.NewMessage dongguan() {
        return new BoardMessages.NewMessage("深圳市测试电子有限公司", "440000", "441900", "", "李先生", "13800138000",
                "", "出口信用保险咨询", "想了解短期险。");
    }

    private long count(String sql, Object... args) {
        return db.read(tx -> tx.number(sql, args));
    }

    @Test
    void aMessageIsLeftReadOnlyAndWaitsForItsReply() {
        BoardMessage m = messages.submit(lyLegal, luoyang(" "));

        assertThat(m.state()).isEqualTo(MessageState.SUBMITTED);
        assertThat(m.email()).as("optional").isNull();
        assertThat(m.mobile()).isEqualTo("13900379000");
        assertThat(m.regionLabel()).isEqualTo("河南省 洛阳市 老城区");
        assertThat(m.submittedByName()).isEqualTo("测试ly-legal");
        assertThat(m.reply()).isNull();
        assertThat(messages.submit(szLegal, dongguan()).district()).isNull();
        assertThatThrownBy(() -> messages.submit(reviewer, luoyang(null))).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theEnterpriseItsManagerAndTheReviewersSeeAMessageAndNoOneElse() {
        BoardMessage ly = messages.submit(lyLegal, luoyang(null));
        BoardMessage sz = messages.submit(szLegal, dongguan());

        assertThat(ids(lyOperator)).containsExactly(ly.id());
        assertThat(ids(szLegal)).containsExactly(sz.id());
        assertThat(ids(manager)).as("portfolio 4103").containsExactly(ly.id());
        assertThat(ids(reviewer)).containsExactly(sz.id(), ly.id());
        assertThat(ids(admin)).containsExactly(sz.id(), ly.id());
        assertThat(messages.submissions().find(manager, ly.id()).subject()).isEqualTo("关于保单续转");
        assertThatThrownBy(() -> messages.submissions().find(szLegal, ly.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("message " + ly.id() + " not found");
        assertThatThrownBy(() -> messages.submissions().find(manager, sz.id())).isInstanceOf(NotFoundException.class);
        assertThat(messages.submissions().list(reviewer, messages.submissions().state("REPLIED"), PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> messages.submissions().state("ANSWERED")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("state",
                        "状态应为 SUBMITTED（已提交）或 REPLIED（已回复）", "state must be SUBMITTED or REPLIED")));
    }

    @Test
    void theStaffReplyOnceAndTheContactIsToldBySmsAndByEmailWhenTheyGaveOne() {
        BoardMessage withEmail = messages.submit(lyLegal, luoyang("wang@example.com"));
        BoardMessage without = messages.submit(lyLegal, luoyang(null));

        BoardMessage replied = messages.submissions().answer(reviewer, withEmail.id(), Input.of(" 请于十二月前提交续转申请。 "));
        messages.submissions().answer(manager, without.id(), Input.of("已回复"));

        assertThat(replied.state()).isEqualTo(MessageState.REPLIED);
        assertThat(replied.reply()).isEqualTo("请于十二月前提交续转申请。");
        assertThat(replied.repliedByName()).isEqualTo("测试reviewer");
        assertThat(replied.repliedAt()).isEqualTo(NOW);
        assertThat(messages.submissions().canAnswer(admin, replied)).isFalse();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'EMAIL' AND address = 'wang@example.com'"
                + " AND subject = '留言已回复：关于保单续转' AND body LIKE '%十二月前%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'SMS' AND address = '13900379000'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM outbox")).as("no e-mail without an address").isEqualTo(3);
        assertThatThrownBy(() -> messages.submissions().answer(admin, withEmail.id(), Input.of("另一个回复")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("message " + withEmail.id() + " has been replied to already");
        assertThat(messages.submissions().find(lyLegal, withEmail.id()).reply()).isEqualTo("请于十二月前提交续转申请。");
    }

    @Test
    void onlyTheStaffWhoMaySeeAMessageReplyAndABadReplyChangesNothing() {
        BoardMessage sz = messages.submit(szLegal, dongguan());

        assertThat(messages.submissions().canAnswer(szLegal, sz)).isFalse();
        assertThatThrownBy(() -> messages.submissions().answer(szLegal, sz.id(), Input.of("自问自答")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> messages.submissions().answer(manager, sz.id(), Input.of("不是我的客户")))
                .as("outside the portfolio").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.submissions().answer(admin, sz.id(), Input.of(null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("reply", "请填写回复内容（不超过 2000 字）", "write the reply (at most 2000 characters)")));
        assertThat(messages.submissions().find(admin, sz.id()).state()).isEqualTo(MessageState.SUBMITTED);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isZero();
    }

    @Test
    void ofTwoStaffReplyingAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception { // #15
        BoardMessage m = messages.submit(lyLegal, luoyang("wang@example.com"));

        List<Object> outcomes = race(List.of(() -> messages.submissions().answer(reviewer, m.id(), Input.of("审核员的回复")),
                () -> messages.submissions().answer(manager, m.id(), Input.of("客户经理的回复"))));

        assertThat(outcomes).filteredOn(BoardMessage.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        BoardMessage winner = (BoardMessage) outcomes.stream().filter(BoardMessage.class::isInstance).findFirst()
                .orElseThrow();
        BoardMessage stored = messages.submissions().find(lyLegal, m.id());
        assertThat(stored.reply()).isEqualTo(winner.reply());
        assertThat(stored.repliedByName()).isEqualTo(winner.repliedByName());
        assertThat(count("SELECT COUNT(*) FROM outbox")).as("one e-mail and one SMS").isEqualTo(2);
    }

    @Test
    void theFormStartsWithTheEnterpriseAndThePerson() {
        assertThat(messages.draft(lyLegal)).isEqualTo(new BoardMessages.NewMessage("洛阳示例机械制造有限公司", "410000",
                "410300", "410302", "测试ly-legal", "13900379000", "ly-legal@example.com", "", ""));
        assertThat(messages.draft(admin)).isEqualTo(new BoardMessages.NewMessage("", "", "", "", "", "", "", "", ""));
    }

    private List<Long> ids(Principal who) {
        return messages.submissions().list(who, null, PageRequest.first()).items().stream().map(BoardMessage::id).toList();
    }

}
