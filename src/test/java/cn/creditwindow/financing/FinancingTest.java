package cn.creditwindow.financing;

import cn.creditwindow.TestPeople;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.TestClock;
import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Enterprise;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.config.Config;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.store.Database;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Financing applications on a real database file: who may apply, one open application per enterprise and product,
 * the form's checks, a bank's decision recorded once and told by SMS, and whose applications each role sees.
 */
class FinancingTest {
    /** Needs an effective policy; 100,000–3,000,000 yuan, 1–12 months. */
    private static final String POLICY_LOAN = "policy-loan";

    @TempDir
    Path dir;
    private Database db;
    private Accounts accounts;
    private Financing financing;
    private Enterprise sz;
    private Enterprise hn;
    private Principal szLegal;
    private Principal szOperator;
    private Principal hnLegal;
    private Principal reviewer;
    private Principal admin;

    @BeforeEach
    void setUp() {
        db = Database.openFile(dir.resolve("financing.db"));
        TestClock clock = TestClock.at2026();
        accounts = new Accounts(db, new Passwords(4), clock);
        financing = new Financing(db, Products.load(), new Outbox(db, clock), clock, Config.CHINA);
        sz = accounts.createEnterprise(new Accounts.NewEnterprise("914403065X7D8E2A1J", "深圳市测试电子有限公司", null, null));
        hn = accounts.createEnterprise(new Accounts.NewEnterprise("914101007Q3R8K2M4G", "郑州市测试纺织有限公司", null, null));
        szLegal = user("sz-legal", Role.LEGAL_REPRESENTATIVE, sz.id());
        szOperator = user("sz-op", Role.OPERATOR, sz.id());
        hnLegal = user("hn-legal", Role.LEGAL_REPRESENTATIVE, hn.id());
        reviewer = user("reviewer", Role.REVIEWER, null);
        admin = user("admin", Role.ADMIN, null);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Principal user(String name, Role role, Long enterpriseId) {
        return TestPeople.create(accounts, name, role, enterpriseId, null, null);
    }

    /** An effective policy of the enterprise covering 2026 (the test clock's year), as enrolment leaves it. */
    private long effectivePolicy(Enterprise e, String coverEnd) {
        return db.inTransaction(tx -> {
            long list = tx.insert("INSERT INTO eligible_lists (scheme_id, file_name, state, publish_start, publish_end,"
                    + " imported_by, imported_at) VALUES ('shenzhen-2026', 'l.csv', 'CONFIRMED', '2026-01-01', '2026-01-10', ?, ?)",
                    admin.userId(), Instant.parse("2026-01-01T00:00:00Z"));
            return tx.insert("INSERT INTO policies (enterprise_id, scheme_id, list_id, state, receipt, insured_cents,"
                    + " enterprise_part_cents, per_buyer_limit_cents, indemnity_ratio, year_start, year_end, policy_number,"
                    + " issued_on, cover_start, cover_end, pushed_at) VALUES (?, 'shenzhen-2026', ?, 'EFFECTIVE', 'RECEIVED',"
                    + " 100000000, 0, 15000000, '0.80', '2026-01-01', '2026-12-31', ?, '2026-01-15', '2026-01-15', ?, ?)",
                    e.id(), list, "XW2026-" + e.id(), coverEnd, Instant.parse("2026-01-02T00:00:00Z"));
        });
    }

    private static Input<Financing.Form> form(long amountYuan, int termMonths) {
        return Input.of(new Financing.Form(amountYuan, termMonths, "采购原材料以完成出口订单", "王经理", "13800000001",
                "finance@example.cn"));
    }

    private static Input<Financing.Decision> decision(String decision, String note) {
        return Input.of(new Financing.Decision(decision, note));
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    @Test
    void anEnterpriseWithAnEffectivePolicyAppliesAndThePolicyIsRecorded() {
        effectivePolicy(sz, "2026-12-31");
        FinancingApplication a = financing.apply(szOperator, POLICY_LOAN, form(500_000, 6));
        assertThat(a.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(a.enterpriseId()).isEqualTo(sz.id());
        assertThat(a.productName()).isEqualTo("信保贷（示例产品）");
        assertThat(a.bankName()).isEqualTo("示例甲银行深圳分行");
        assertThat(a.amountYuan()).isEqualTo(500_000);
        assertThat(a.policyNumber()).isEqualTo("XW2026-" + sz.id());
        assertThat(a.submittedByName()).isEqualTo("测试sz-op");
        assertThat(a.submittedAt()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(a.decidedAt()).isNull();
    }

    @Test
    void aProductThatNeedsAPolicyIsRefusedWithoutOneOrWithAnExpiredOne() {
        assertThatThrownBy(() -> financing.apply(szLegal, POLICY_LOAN, form(500_000, 6)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("needs an effective export credit");
        // cover ended yesterday (the clock is 2026-11-20 in China)
        effectivePolicy(sz, "2026-11-19");
        assertThatThrownBy(() -> financing.apply(szLegal, POLICY_LOAN, form(500_000, 6)))
                .isInstanceOf(ConflictException.class);
        assertThat(count("SELECT COUNT(*) FROM financing_applications")).isZero();
    }

    @Test
    void aProductThatNeedsNoPolicyIsAppliedForWithoutOneAndRecordsNone() {
        Product free = financing.products().all().stream().filter(p -> !p.requiresEffectivePolicy()).findFirst()
                .orElseThrow();
        effectivePolicy(sz, "2026-12-31");
        FinancingApplication a = financing.apply(szLegal, free.id(), form(free.minYuan(), free.minTermMonths()));
        assertThat(a.policyId()).isNull();
        assertThat(a.policyNumber()).isNull();
    }

    @Test
    void oneOpenApplicationPerEnterpriseAndProduct() {
        effectivePolicy(sz, "2026-12-31");
        effectivePolicy(hn, "2026-12-31");
        FinancingApplication first = financing.apply(szLegal, POLICY_LOAN, form(500_000, 6));
        assertThatThrownBy(() -> financing.apply(szOperator, POLICY_LOAN, form(600_000, 3)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still awaiting the bank's answer");
        // another enterprise is not held back
        financing.apply(hnLegal, POLICY_LOAN, form(500_000, 6));
        // once the bank has answered, the enterprise may apply again
        financing.decide(reviewer, first.id(), decision("DECLINED", "出口规模不足"));
        FinancingApplication again = financing.apply(szOperator, POLICY_LOAN, form(300_000, 3));
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(count("SELECT COUNT(*) FROM financing_applications")).isEqualTo(3);
    }

    @Test
    void theDatabaseGuardsOneOpenApplicationToo() {
        effectivePolicy(sz, "2026-12-31");
        financing.apply(szLegal, POLICY_LOAN, form(500_000, 6));
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.insert("INSERT INTO financing_applications (enterprise_id,"
                + " product_id, product_name, bank_name, amount_yuan, term_months, purpose, contact_name, mobile,"
                + " state, submitted_by, submitted_at) VALUES (?, ?, 'x', 'y', 500000, 6, 'abcd', 'z', '13800000001',"
                + " 'SUBMITTED', ?, ?)", sz.id(), POLICY_LOAN, szLegal.userId(), Instant.EPOCH)))
                .isInstanceOf(cn.creditwindow.store.ConstraintViolationException.class);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() {
        effectivePolicy(sz, "2026-12-31");
        assertThatThrownBy(() -> financing.apply(szLegal, POLICY_LOAN, Input.of(new Financing.Form(99_999L, 13,
                "买", " ", "12345", "not-an-email"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("amountYuan", "termMonths", "purpose", "contactName", "mobile", "email");
                    assertThat(e.errors().get(0).en()).isEqualTo("the amount must be from 100000 to 3000000 yuan");
                    assertThat(e.errors().get(1).zh()).isEqualTo("融资期限应在 1 至 12 个月之间");
                    assertThat(e.errors().get(2).en()).isEqualTo("the purpose must have 4-500 characters");
                });
        assertThatThrownBy(() -> financing.apply(szLegal, POLICY_LOAN, Input.of(new Financing.Form(null, null, null,
                null, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("amountYuan", "termMonths", "purpose", "contactName", "mobile"));
        assertThat(count("SELECT COUNT(*) FROM financing_applications")).isZero();
    }

    @Test
    void theAmountAndTermLimitsAreInclusive() {
        effectivePolicy(sz, "2026-12-31");
        effectivePolicy(hn, "2026-12-31");
        assertThat(financing.apply(szLegal, POLICY_LOAN, form(100_000, 1)).amountYuan()).isEqualTo(100_000);
        assertThat(financing.apply(hnLegal, POLICY_LOAN, form(3_000_000, 12)).termMonths()).isEqualTo(12);
    }

    @Test
    void staffDoNotApplyAndAnUnknownProductIsNotFound() {
        assertThatThrownBy(() -> financing.apply(reviewer, POLICY_LOAN, form(500_000, 6)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> financing.apply(szLegal, "mars-loan", form(500_000, 6)))
                .isInstanceOf(NotFoundException.class).hasMessage("financing product mars-loan not found");
    }

    @Test
    void aDecisionIsRecordedOnceAndToldToTheApplicantBySms() {
        effectivePolicy(sz, "2026-12-31");
        FinancingApplication a = financing.apply(szLegal, POLICY_LOAN, form(500_000, 6));
        FinancingApplication approved = financing.decide(admin, a.id(), decision(" APPROVED ", "  额度 50 万元，期限 6 个月  "));
        assertThat(approved.state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(approved.decisionNote()).isEqualTo("额度 50 万元，期限 6 个月");
        assertThat(approved.decidedByName()).isEqualTo("测试admin");
        assertThat(approved.decidedAt()).isNotNull();
        String sms = db.read(tx -> tx.one("SELECT channel || ' ' || address || ' ' || body AS s FROM outbox",
                r -> r.string("s"))).orElseThrow();
        assertThat(sms).isEqualTo("SMS 13800000001 您申请的信保贷（示例产品）（示例甲银行深圳分行，500000 元）：银行已批准。额度 50 万元，期限 6 个月");
        assertThatThrownBy(() -> financing.decide(reviewer, a.id(), decision("DECLINED", "改变主意了")))
                .isInstanceOf(ConflictException.class).hasMessage("application " + a.id() + " is approved by the bank already");
        // the state is checked before the body: a decided application is 409 whatever the body says
        assertThatThrownBy(() -> financing.decide(reviewer, a.id(), decision(null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(financing.get(reviewer, a.id()).state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(1);
    }

    @Test
    void aDecisionNeedsAKnownAnswerAndANote() {
        effectivePolicy(sz, "2026-12-31");
        FinancingApplication a = financing.apply(szLegal, POLICY_LOAN, form(500_000, 6));
        assertThatThrownBy(() -> financing.decide(reviewer, a.id(), decision("SUBMITTED", "ok")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("decision", "note"));
        assertThatThrownBy(() -> financing.decide(reviewer, a.id(), decision(" ", "银行同意放款")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("decision"));
        assertThat(financing.get(reviewer, a.id()).state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isZero();
    }

    @Test
    void onlyTheInsurersStaffDecide() {
        effectivePolicy(sz, "2026-12-31");
        FinancingApplication a = financing.apply(szLegal, POLICY_LOAN, form(500_000, 6));
        assertThatThrownBy(() -> financing.decide(szLegal, a.id(), decision("APPROVED", "自己批准")))
                .isInstanceOf(NotAllowedException.class);
        Principal manager = user("manager", Role.ACCOUNT_MANAGER, null);
        assertThatThrownBy(() -> financing.decide(manager, a.id(), decision("APPROVED", "经理批准")))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> financing.decide(reviewer, 999, decision("APPROVED", "银行同意")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void eachRoleSeesOnlyTheApplicationsItMay() {
        effectivePolicy(sz, "2026-12-31");
        effectivePolicy(hn, "2026-12-31");
        FinancingApplication mine = financing.apply(szLegal, POLICY_LOAN, form(500_000, 6));
        FinancingApplication theirs = financing.apply(hnLegal, POLICY_LOAN, form(700_000, 6));
        assertThat(financing.list(szOperator, null, null, PageRequest.first()).items())
                .extracting(FinancingApplication::id).containsExactly(mine.id());
        assertThatThrownBy(() -> financing.get(szLegal, theirs.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("financing application " + theirs.id() + " not found");
        assertThat(financing.list(reviewer, null, null, PageRequest.first()).items())
                .extracting(FinancingApplication::id).containsExactly(theirs.id(), mine.id());
        Principal manager = user("manager", Role.ACCOUNT_MANAGER, null);
        accounts.addToPortfolio(manager.userId(), Input.of(new Accounts.Portfolio(List.of("41"), List.of())));
        assertThat(financing.list(manager, null, null, PageRequest.first()).items())
                .extracting(FinancingApplication::id).containsExactly(theirs.id());
        assertThat(financing.count(manager, ApplicationState.SUBMITTED)).isEqualTo(1);
        assertThat(financing.count(szLegal, ApplicationState.APPROVED)).isZero();
    }

    @Test
    void theListAndTheBanksFileAreNarrowedByStateAndBank() {
        effectivePolicy(sz, "2026-12-31");
        effectivePolicy(hn, "2026-12-31");
        FinancingApplication a = financing.apply(szLegal, POLICY_LOAN, form(500_000, 6));
        FinancingApplication b = financing.apply(hnLegal, POLICY_LOAN, form(700_000, 6));
        financing.decide(reviewer, a.id(), decision("APPROVED", "银行同意放款"));
        assertThat(financing.list(reviewer, ApplicationState.SUBMITTED, null, PageRequest.first()).items())
                .extracting(FinancingApplication::id).containsExactly(b.id());
        assertThat(financing.list(reviewer, null, "其他银行", PageRequest.first()).total()).isZero();
        assertThat(financing.list(reviewer, null, " 示例甲银行深圳分行 ", PageRequest.first()).total()).isEqualTo(2);
        String csv = financing.csv(reviewer, ApplicationState.APPROVED, "示例甲银行深圳分行");
        assertThat(csv).startsWith("\uFEFF申请编号 id,银行 bank,");
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).startsWith(a.id() + ",示例甲银行深圳分行,信保贷（示例产品）,深圳市测试电子有限公司,914403065X7D8E2A1J,500000,6,")
                .contains(",APPROVED,").endsWith(",银行同意放款");
        // an enterprise's file holds only its own
        assertThat(financing.csv(hnLegal, null, null).lines()).hasSize(2).noneMatch(l -> l.contains("深圳市测试电子"));
    }
}
