package cn.creditwindow.inquiries;

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
 * Inquiries on a real SQLite file: who sees which, the serial number, and the staff's answer given once — a second
 * answer, or two staff answering at the same moment, leaves exactly one answer and one pair of notices. #15
 */
class InquiriesTest {
    /** 2024-06-17 09:00 in China. */
    private static final Instant NOW = Instant.parse("2024-06-17T01:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private Accounts accounts;
    private Inquiries inquiries;
    private Principal szLegal;
    private Principal szOperator;
    private Principal hnLegal;
    private Principal manager;
    private Principal reviewer;
    private Principal admin;

    /** The store under test: a SQLite file here, a PostgreSQL database in InquiriesPostgresIT. */
    Database database() {
        return Database.openFile(dir.resolve("inquiries.db"));
    }

    @BeforeEach
    void open() {
        db = database();
        Clock clock = Clock.fixed(NOW, Config.CHINA);
        accounts = new Accounts(db, new Passwords(4), clock);
        inquiries = new Inquiries(db, Regions.load(), new Outbox(db, clock), clock, Config.CHINA);
        Enterprise sz = accounts.createEnterprise(
                new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司", null, "440303"));
        Enterprise hn = accounts.createEnterprise(
                new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州市测试纺织有限公司", null, "410102"));
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id(), "13800138000", "sz-legal@example.com");
        szOperator = user("sz-op", Role.OPERATOR, sz.id(), null, null);
        hnLegal = user("hn-legal", Role.LEGAL_REPRESENTATIVE, hn.id(), null, null);
        manager = user("manager", Role.ACCOUNT_MANAGER, null, null, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("4403"), List.of())));
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

    private static Inquiries.NewInquiry shenzhen() {
        return new Inquiries.NewInquiry("深圳市测试电子有限公司", "440000", "440300", "440303", "深南东路 5001 号",
                "李经理", "138 0013 8000", "li@example.com", "", "");
    }

    private static Inquiries.NewInquiry zhengzhou() {
        return new Inquiries.NewInquiry("郑州市测试纺织有限公司", "410000", "410100", "410102", "中原路 1 号",
                "王经理", "13900139000", "wang@example.com", "BUYER_RESOURCES", "");
    }

    private long count(String sql, Object... args) {
        return db.read(tx -> tx.number(sql, args));
    }

    @Test
    void aSubmittedInquiryGetsTheDaysSerialAndWaitsForItsAnswer() {
        Inquiry first = inquiries.submit(szLegal, shenzhen());
        Inquiry second = inquiries.submit(szOperator, shenzhen());

        assertThat(first.serial()).isEqualTo("ZX202406170001");
        assertThat(second.serial()).isEqualTo("ZX202406170002");
        assertThat(first.state()).isEqualTo(InquiryState.SUBMITTED);
        assertThat(first.inquiryType()).as("我要投保 by default").isEqualTo(InquiryType.INSURE);
        assertThat(first.mobile()).isEqualTo("13800138000");
        assertThat(first.regionLabel()).isEqualTo("广东省 深圳市 罗湖区");
        assertThat(first.submittedByName()).isEqualTo("测试sz-legal");
        assertThat(first.answer()).isNull();
        assertThat(first.answeredByName()).isNull();
        assertThatThrownBy(() -> inquiries.submit(reviewer, shenzhen())).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theEnterpriseItsManagerAndTheReviewersSeeAnInquiryAndNoOneElse() {
        Inquiry sz = inquiries.submit(szLegal, shenzhen());
        Inquiry hn = inquiries.submit(hnLegal, zhengzhou());

        assertThat(ids(szOperator)).containsExactly(sz.id());
        assertThat(ids(hnLegal)).containsExactly(hn.id());
        assertThat(ids(manager)).as("portfolio 4403").containsExactly(sz.id());
        assertThat(ids(reviewer)).containsExactly(hn.id(), sz.id());
        assertThat(ids(admin)).containsExactly(hn.id(), sz.id());
        assertThat(inquiries.submissions().find(szOperator, sz.id()).serial()).isEqualTo(sz.serial());
        assertThat(inquiries.submissions().find(manager, sz.id()).serial()).isEqualTo(sz.serial());
        assertThatThrownBy(() -> inquiries.submissions().find(hnLegal, sz.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("inquiry " + sz.id() + " not found");
        assertThatThrownBy(() -> inquiries.submissions().find(manager, hn.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inquiries.submissions().find(reviewer, 999)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theListFiltersByState() {
        Inquiry waiting = inquiries.submit(szLegal, shenzhen());
        Inquiry answered = inquiries.submit(szLegal, shenzhen());
        inquiries.submissions().answer(reviewer, answered.id(), Input.of("已收到"));

        assertThat(inquiries.submissions().list(szLegal, inquiries.submissions().state("SUBMITTED"), PageRequest.first()).items())
                .extracting(Inquiry::id).containsExactly(waiting.id());
        assertThat(inquiries.submissions().list(szLegal, inquiries.submissions().state(" ANSWERED "), PageRequest.first()).items())
                .extracting(Inquiry::id).containsExactly(answered.id());
        assertThat(inquiries.submissions().state("")).isNull();
        assertThatThrownBy(() -> inquiries.submissions().state("REPLIED")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("state",
                        "状态应为 SUBMITTED（已提交）或 ANSWERED（已答复）", "state must be SUBMITTED or ANSWERED")));
    }

    @Test
    void theStaffAnswerOnceAndTheContactIsToldByEmailAndSms() {
        Inquiry i = inquiries.submit(szLegal, shenzhen());
        assertThat(inquiries.submissions().canAnswer(reviewer, i)).isTrue();
        assertThat(inquiries.submissions().canAnswer(szLegal, i)).isFalse();

        Inquiry answered = inquiries.submissions().answer(manager, i.id(), Input.of("  客户经理将于三个工作日内联系您。 "));

        assertThat(answered.state()).isEqualTo(InquiryState.ANSWERED);
        assertThat(answered.answer()).isEqualTo("客户经理将于三个工作日内联系您。");
        assertThat(answered.answeredByName()).isEqualTo("测试manager");
        assertThat(answered.answeredAt()).isEqualTo(NOW);
        assertThat(inquiries.submissions().canAnswer(reviewer, answered)).isFalse();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'EMAIL' AND address = 'li@example.com'"
                + " AND subject = ? AND body LIKE ?", "投保咨询已答复 " + i.serial(), "%三个工作日%")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE channel = 'SMS' AND address = '13800138000'"
                + " AND body LIKE ?", "%" + i.serial() + " 已答复%")).isEqualTo(1);
        assertThatThrownBy(() -> inquiries.submissions().answer(admin, i.id(), Input.of("")))
                .as("answered already, whatever the answer says").isInstanceOf(ConflictException.class)
                .hasMessage("inquiry " + i.serial() + " has been answered already");
        assertThat(inquiries.submissions().find(szLegal, i.id()).answer()).isEqualTo("客户经理将于三个工作日内联系您。");
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(2);
    }

    @Test
    void onlyTheStaffWhoMaySeeAnInquiryAnswerItAndABadAnswerChangesNothing() {
        Inquiry hn = inquiries.submit(hnLegal, zhengzhou());

        assertThatThrownBy(() -> inquiries.submissions().answer(hnLegal, hn.id(), Input.of("自问自答")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> inquiries.submissions().answer(manager, hn.id(), Input.of("不是我的客户")))
                .as("outside the portfolio").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inquiries.submissions().answer(reviewer, hn.id(), Input.of("  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("answer", "请填写答复内容（不超过 2000 字）", "write the answer (at most 2000 characters)")));
        assertThatThrownBy(() -> inquiries.submissions().answer(reviewer, hn.id(), Input.of("长".repeat(2001))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(inquiries.submissions().find(reviewer, hn.id()).state()).isEqualTo(InquiryState.SUBMITTED);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(inquiries.submissions().answer(reviewer, hn.id(), Input.of("长".repeat(2000))).state())
                .isEqualTo(InquiryState.ANSWERED);
    }

    @Test
    void ofTwoStaffAnsweringAtOnceOneWinsAndTheOtherGetsAConflict() throws Exception { // #15
        Inquiry i = inquiries.submit(szLegal, shenzhen());

        List<Object> outcomes = race(List.of(() -> inquiries.submissions().answer(reviewer, i.id(), Input.of("审核员的答复")),
                () -> inquiries.submissions().answer(manager, i.id(), Input.of("客户经理的答复"))));

        assertThat(outcomes).filteredOn(Inquiry.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        Inquiry winner = (Inquiry) outcomes.stream().filter(Inquiry.class::isInstance).findFirst().orElseThrow();
        Inquiry stored = inquiries.submissions().find(szLegal, i.id());
        assertThat(stored.answer()).isEqualTo(winner.answer());
        assertThat(stored.answeredByName()).isEqualTo(winner.answeredByName());
        assertThat(count("SELECT COUNT(*) FROM outbox")).as("one e-mail and one SMS").isEqualTo(2);
    }

    @Test
    void theFormStartsWithTheEnterpriseAndThePerson() {
        Inquiries.NewInquiry draft = inquiries.draft(szLegal);

        assertThat(draft).isEqualTo(new Inquiries.NewInquiry("深圳市测试电子有限公司", "440000", "440300", "440303", "",
                "测试sz-legal", "13800138000", "sz-legal@example.com", "INSURE", ""));
        assertThat(inquiries.draft(szOperator).mobile()).isEmpty();
        assertThat(inquiries.draft(reviewer)).isEqualTo(new Inquiries.NewInquiry("", "", "", "", "", "", "", "",
                "INSURE", ""));
    }

    private List<Long> ids(Principal who) {
        return inquiries.submissions().list(who, null, PageRequest.first()).items().stream().map(Inquiry::id).toList();
    }

}
