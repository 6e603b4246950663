package cn.creditwindow.enrolment;

import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.accounts.Accounts;
import cn.creditwindow.accounts.Passwords;
import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.accounts.User;
import cn.creditwindow.agreements.Agreements;
import cn.creditwindow.agreements.DataAuthorisations;
import cn.creditwindow.agreements.Seals;
import cn.creditwindow.config.Config;
import cn.creditwindow.notify.Outbox;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.schemes.SchemeCatalogue;
import cn.creditwindow.schemes.Schemes;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.store.Database;
import cn.creditwindow.TestClock;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eligible lists and the five steps against a real database file: CSV validation, publication and
 * confirmation, the state machine, verification-code expiry and tries (with a clock moved by hand), and the
 * one-active-policy rule with the database as the final guard.
 */
class EnrolmentsTest {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    /** 2024-08-20 10:00 in China: Henan 2024's lists can be confirmed and its policies collected on time. */
    private static final Instant START = Instant.parse("2024-08-20T02:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private TestClock clock;
    private Accounts accounts;
    private Outbox outbox;
    private EligibleLists lists;
    private Enrolments enrolments;
    private Principal admin;
    private Principal reviewer;

    @BeforeEach
    void open() {
        db = Database.openFile(dir.resolve("t.db"));
        clock = new TestClock(START);
        accounts = new Accounts(db, new Passwords(4), clock);
        outbox = new Outbox(db, clock);
        SchemeCatalogue schemes = new SchemeCatalogue(db, Schemes.load(), clock);
        lists = new EligibleLists(db, schemes, outbox, clock, Config.CHINA);
        enrolments = new Enrolments(db, schemes, outbox, clock, Config.CHINA,
                new Insurer("中国出口信用保险公司", "China Export & Credit Insurance Corporation", "TEST-0001"),
                new SecureRandom());
        admin = staff("admin", Role.ADMIN);
        reviewer = staff("reviewer", Role.REVIEWER);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryBadRowAndFieldNamed() throws IOException {
        assertThatThrownBy(() -> lists.importCsv(admin, "henan-2024-small", "bad.csv", fixture("bad-rows.csv")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("line2.uscc", "line3.exports", "line4.district", "line6.uscc");
                    assertThat(e.errors().get(0).zh()).contains("校验位错误");
                    assertThat(e.errors().get(3).en()).contains("repeats line 5");
                });
        assertThat(count("SELECT COUNT(*) FROM eligible_lists")).isZero();
        assertThat(count("SELECT COUNT(*) FROM enterprises")).isZero();
    }

    @Test
    void anUnknownSchemeAnEmptyFileAndAMissingHeaderAreRefused() {
        assertThatThrownBy(() -> lists.importCsv(admin, "mars-2024", "x.csv", "a,b,c,d\n".getBytes()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("scheme"));
        assertThatThrownBy(() -> lists.importCsv(admin, "henan-2024-small", "x.csv", new byte[0]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> lists.importCsv(admin, "henan-2024-small", "x.csv",
                "91410105MA00000016,甲,100,410105\n".getBytes()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> lists.importCsv(admin, "henan-2024-small", "x.csv", new byte[] {(byte) 0xff, 'a'}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void importRegistersEnterprisesAndKeepsIneligibleRowsWithTheReason() throws IOException {
        EligibleLists.Detail d = lists.importCsv(admin, "henan-2024-small", "henan.csv", fixture("henan-small.csv"));
        assertThat(d.entries()).extracting(EligibleLists.Entry::line, EligibleLists.Entry::eligible,
                        EligibleLists.Entry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true, null),
                        org.assertj.core.groups.Tuple.tuple(3, true, null),
                        org.assertj.core.groups.Tuple.tuple(4, false, EligibleLists.Outcome.OUT_OF_BAND),
                        org.assertj.core.groups.Tuple.tuple(5, false, EligibleLists.Outcome.OUT_OF_REGION));
        assertThat(d.entries().get(1).name()).isEqualTo("郑州示例乙进出口有限公司"); // the BOM and quotes are gone
        assertThat(accounts.enterpriseByUscc("91410105MA00000016")).get()
                .satisfies(e -> assertThat(e.divisionCode()).isEqualTo("410105"));
        assertThat(d.list().state()).isEqualTo(EligibleLists.State.IMPORTED);
    }

    @Test
    void confirmingBeforeThePublicationEndsIsRefusedWithTheDate() throws IOException {
        long id = importHenan();
        assertThatThrownBy(() -> lists.confirm(admin, id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only a published list");
        lists.publish(id, Input.of(EligibleLists.Publication.of(LocalDate.of(2024, 8, 20), LocalDate.of(2024, 8, 26))));
        assertThatThrownBy(() -> lists.confirm(admin, id))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.zh()).contains("2024-08-26", "2024-08-27 起方可确认");
                });
        assertThat(count("SELECT COUNT(*) FROM policies")).isZero();
        assertThatThrownBy(() -> lists.publish(id, Input.of(EligibleLists.Publication.of(LocalDate.of(2024, 8, 26), LocalDate.of(2024, 8, 20)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("end");
    }

    @Test
    void confirmationPushesPendingPoliciesWithTheSchemesNumbersAndSkipsActiveOnes() throws IOException {
        long id = publishedHenan();
        clock.advance(Duration.ofDays(8));
        EligibleLists.Detail d = lists.confirm(admin, id);
        assertThat(d.list().state()).isEqualTo(EligibleLists.State.CONFIRMED);
        assertThat(d.entries()).extracting(EligibleLists.Entry::outcome).containsExactly(
                EligibleLists.Outcome.PUSHED, EligibleLists.Outcome.PUSHED, EligibleLists.Outcome.OUT_OF_BAND,
                EligibleLists.Outcome.OUT_OF_REGION);
        Policy big = enrolments.policy(admin, d.entries().get(0).policyId());
        // seed 003: 5,000,000 × 0.08% = 4,000 USD, fully subsidised; aggregate max(60 × 4,000, 100,000) = 240,000
        assertThat(big.state()).isEqualTo(PolicyState.PENDING);
        assertThat(big.premiumCents()).isEqualTo(400_000L);
        assertThat(big.enterprisePartCents()).isZero();
        assertThat(big.subsidyCents()).isEqualTo(400_000L);
        assertThat(big.aggregateLimitCents()).isEqualTo(24_000_000L);
        assertThat(big.perBuyerLimitCents()).isEqualTo(10_000_000L);
        Policy small = enrolments.policy(admin, d.entries().get(1).policyId());
        // 150,000 × 0.08% = 120 → the minimum 200 USD; aggregate max(12,000, 100,000) = 100,000
        assertThat(small.premiumCents()).isEqualTo(20_000L);
        assertThat(small.aggregateLimitCents()).isEqualTo(10_000_000L);

        assertThatThrownBy(() -> lists.confirm(admin, id)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("confirmed");
        // The same enterprises on a second list: reported and skipped, never a second active policy.
        long again = publishedHenan();
        clock.advance(Duration.ofDays(8));
        assertThat(lists.confirm(admin, again).entries()).extracting(EligibleLists.Entry::outcome).startsWith(
                EligibleLists.Outcome.ACTIVE_POLICY, EligibleLists.Outcome.ACTIVE_POLICY);
        assertThat(count("SELECT COUNT(*) FROM policies")).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesASecondActivePolicyForAnEnterprise() throws IOException {
        Policy p = pendingPolicy();
        assertThatThrownBy(() -> db.inTransaction(tx -> tx.insert("INSERT INTO policies (enterprise_id, scheme_id,"
                + " list_id, state, receipt, insured_cents, enterprise_part_cents, per_buyer_limit_cents, indemnity_ratio,"
                + " year_start, year_end, pushed_at) VALUES (?, 'henan-2024-small', ?, 'PENDING', 'NONE', 1, 0, 1, '0.80',"
                + " '2024-09-01', '2025-08-31', '2024-08-20T02:00:00.000Z')", p.enterpriseId(), p.listId())))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.names("policies.enterprise_id") || e.names("ux_policies_active")).isTrue());
    }

    @Test
    void twoListsConfirmedAtOnceGiveAnEnterpriseExactlyOnePolicy() throws Exception {
        long a = publishedHenan();
        long b = publishedHenan();
        clock.advance(Duration.ofDays(8));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<EligibleLists.Detail> fa = pool.submit(() -> {
                go.await();
                return lists.confirm(admin, a);
            });
            Future<EligibleLists.Detail> fb = pool.submit(() -> {
                go.await();
                return lists.confirm(admin, b);
            });
            go.countDown();
            List<EligibleLists.Outcome> outcomes = new java.util.ArrayList<>();
            outcomes.addAll(fa.get().entries().stream().limit(2).map(EligibleLists.Entry::outcome).toList());
            outcomes.addAll(fb.get().entries().stream().limit(2).map(EligibleLists.Entry::outcome).toList());
            assertThat(outcomes).containsExactlyInAnyOrder(EligibleLists.Outcome.PUSHED, EligibleLists.Outcome.PUSHED,
                    EligibleLists.Outcome.ACTIVE_POLICY, EligibleLists.Outcome.ACTIVE_POLICY);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM policies")).isEqualTo(2);
    }

    @Test
    void theFiveStepsWithAReturnAndAResubmission() throws IOException {
        Policy p = pendingPolicy();
        Principal operator = person(p.enterpriseId(), "operator", Role.OPERATOR);
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        assertThat(p.step()).isEqualTo(2);
        assertThat(enrolments.counts(operator)).isEqualTo(new Enrolments.Counts(1, 0, 0, 0, 0));

        Application first = apply(operator, p.id(), "13912345678", "li_ming-1@example.com");
        assertThat(first.outcome()).isEqualTo(Application.Outcome.SUBMITTED);
        assertThat(enrolments.policy(operator, p.id()).state()).isEqualTo(PolicyState.APPLIED);
        assertThat(enrolments.counts(reviewer).awaitingReview()).isEqualTo(1);
        assertThatThrownBy(() -> enrolments.requestCode(legal, p.id(), Input.of(contact("13912345678"))))
                .isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> enrolments.returnApplication(reviewer, first.id(), Input.of("  ")))
                .isInstanceOf(InvalidInputException.class);
        Policy returned = enrolments.returnApplication(reviewer, first.id(), Input.of("联系人邮箱不是企业邮箱"));
        assertThat(returned.state()).isEqualTo(PolicyState.RETURNED);
        assertThat(enrolments.counts(legal).returned()).isEqualTo(1);
        assertThat(outbox.ofEnterprise(p.enterpriseId(), new PageRequest(1, 10)).items().get(0).text())
                .contains("联系人邮箱不是企业邮箱");

        clock.advance(Duration.ofDays(2));
        Application second = apply(legal, p.id(), "13912345678", "finance@example.com");
        assertThatThrownBy(() -> enrolments.accept(reviewer, first.id())).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofDays(1));
        Policy effective = enrolments.accept(reviewer, second.id());
        assertThat(effective.state()).isEqualTo(PolicyState.EFFECTIVE);
        assertThat(effective.receipt()).isEqualTo(Receipt.PENDING);
        assertThat(effective.issuedOn()).isEqualTo(LocalDate.of(2024, 8, 31));
        // collected (submitted) 2024-08-30, before the collect-by date: the whole policy year
        assertThat(effective.coverStart()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(effective.coverEnd()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(effective.policyNumber()).startsWith("XW2024");
        assertThat(effective.step()).isEqualTo(4);
        assertThat(enrolments.counts(operator)).isEqualTo(new Enrolments.Counts(0, 1, 0, 0, 0));
        assertThat(enrolments.applications(operator, p.id())).extracting(Application::outcome)
                .containsExactly(Application.Outcome.RETURNED, Application.Outcome.ACCEPTED);

        Policy received = enrolments.acknowledge(operator, p.id());
        assertThat(received.receipt()).isEqualTo(Receipt.RECEIVED);
        assertThat(received.step()).isEqualTo(5);
        assertThatThrownBy(() -> enrolments.acknowledge(operator, p.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aLateCollectionIsCoveredFromTheIssueDay() throws IOException {
        Policy p = pendingPolicy();
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        clock.set(Instant.parse("2024-10-08T02:00:00Z")); // after the collect-by date 2024-09-30
        Application a = apply(legal, p.id(), "13912345678", "a@example.com");
        clock.advance(Duration.ofDays(3));
        Policy effective = enrolments.accept(reviewer, a.id());
        assertThat(effective.coverStart()).isEqualTo(LocalDate.of(2024, 10, 11));
        assertThat(effective.coverEnd()).isEqualTo(LocalDate.of(2025, 8, 31));
    }

    @Test
    void applyingNeedsASignedAgreementAndADataAuthorisation() throws IOException {
        Policy p = unreadyPendingPolicy();
        Principal operator = person(p.enterpriseId(), "operator", Role.OPERATOR);
        assertThatThrownBy(() -> enrolments.requestCode(operator, p.id(), Input.of(contact("13912345678"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.zh()).contains("/agreements", "签署服务协议", "完成企业数据授权");
                    assertThat(e.getMessage()).contains("sign the service agreement and authorise data");
                });
        assertThat(count("SELECT COUNT(*) FROM verification_codes")).isZero();
        assertThat(outbox.ofEnterprise(p.enterpriseId(), new PageRequest(1, 10)).items()).noneMatch(n -> n.text()
                .contains("验证码"));
        ready(p.enterpriseId());
        assertThat(enrolments.requestCode(operator, p.id(), Input.of(contact("13912345678"))).tries()).isEqualTo(5);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() throws IOException {
        Policy p = pendingPolicy();
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        String code = requestCode(legal, p.id(), "13912345678");
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> enrolments.submit(legal, p.id(), Input.of(form("13912345678", code))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("code");
                    assertThat(e.errors().get(0).zh()).contains("已过期");
                });
        assertThat(enrolments.policy(legal, p.id()).state()).isEqualTo(PolicyState.PENDING);
        assertThat(count("SELECT COUNT(*) FROM applications")).isZero();
    }

    @Test
    void fiveWrongTriesKillTheCodeAndANewOneWorks() throws IOException {
        Policy p = pendingPolicy();
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        String code = requestCode(legal, p.id(), "13912345678");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            int expected = left;
            assertThatThrownBy(() -> enrolments.submit(legal, p.id(), Input.of(form("13912345678", wrong))))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).en()).contains(expected + (expected == 1 ? " try" : " tries") + " left"));
        }
        assertThatThrownBy(() -> enrolments.submit(legal, p.id(), Input.of(form("13912345678", code))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).zh()).contains("已因错误 5 次失效"));
        String fresh = requestCode(legal, p.id(), "13912345678");
        assertThatThrownBy(() -> enrolments.submit(legal, p.id(), Input.of(form("13700000000", fresh))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("mobile"));
        assertThat(enrolments.submit(legal, p.id(), Input.of(form("13912345678", fresh))).outcome())
                .isEqualTo(Application.Outcome.SUBMITTED);
        assertThatThrownBy(() -> enrolments.submit(legal, p.id(), Input.of(form("13912345678", fresh))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("second enrolment");
    }

    @Test
    void everyBadFieldIsReportedAndNothingIsSaved() throws IOException {
        Policy p = pendingPolicy();
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        assertThatThrownBy(() -> enrolments.submit(legal, p.id(),
                Input.of(new Enrolments.ApplicationForm("", "1234", "not-an-address", false, "12"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("contactName", "mobile", "email", "declaration", "code"));
        assertThat(enrolments.requestCode(legal, p.id(), Input.of(new Enrolments.ContactDetails("张经理", "139 1234 5678",
                "zhang_san-01@example-mail.com.cn"))).maskedMobile()).isEqualTo("139****5678");
        assertThat(count("SELECT COUNT(*) FROM applications")).isZero();
    }

    @Test
    void aStepThatCannotApplyIsRefusedForThePolicysStateBeforeItsFormIsLookedAt() throws IOException { // #13
        Policy p = pendingPolicy();
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        Application a = apply(legal, p.id(), "13912345678", "a@example.com");
        Enrolments.ContactDetails bad = new Enrolments.ContactDetails("", "1234", "not-an-address");
        assertThatThrownBy(() -> enrolments.requestCode(legal, p.id(), Input.of(bad)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> enrolments.submit(legal, p.id(),
                Input.of(new Enrolments.ApplicationForm("", "1234", "x", false, ""))))
                .isInstanceOf(ConflictException.class);
        enrolments.accept(reviewer, a.id());
        assertThatThrownBy(() -> enrolments.returnApplication(reviewer, a.id(), Input.of(" ")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> enrolments.returnApplication(reviewer, 999, Input.of(" ")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aConfirmedListsPublicationIsRefusedForItsStateBeforeTheDatesAreLookedAt() throws IOException { // #13
        long id = publishedHenan();
        assertThatThrownBy(() -> lists.publish(id, Input.of(new EligibleLists.Publication("soon", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("start", "end"));
        clock.advance(Duration.ofDays(8));
        lists.confirm(admin, id);
        assertThatThrownBy(() -> lists.publish(id, Input.of(new EligibleLists.Publication("soon", null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> lists.publish(999, Input.of(new EligibleLists.Publication(null, null))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownSchemeIsNamedWithTheFilesBadRows() throws IOException { // #13
        assertThatThrownBy(() -> lists.importCsv(admin, "mars-2024", "bad.csv", fixture("bad-rows.csv")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("scheme", "line2.uscc", "line3.exports", "line4.district", "line6.uscc"));
        assertThatThrownBy(() -> lists.importCsv(admin, " ", "none.csv", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("scheme", "file"));
        assertThat(count("SELECT COUNT(*) FROM eligible_lists")).isZero();
    }

    @Test
    void othersPoliciesAreNotFoundAndOnlyReviewersDecide() throws IOException {
        Policy p = pendingPolicy();
        long other = accounts.enterpriseByUscc("91410105MA00000029").orElseThrow().id();
        Principal stranger = person(other, "stranger", Role.LEGAL_REPRESENTATIVE);
        assertThatThrownBy(() -> enrolments.policy(stranger, p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> enrolments.requestCode(stranger, p.id(), Input.of(contact("13912345678"))))
                .isInstanceOf(NotFoundException.class);
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        Application a = apply(legal, p.id(), "13912345678", "a@example.com");
        assertThatThrownBy(() -> enrolments.accept(legal, a.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> enrolments.accept(reviewer, 999)).isInstanceOf(NotFoundException.class);
    }

    // ---- helpers ----

    private Application apply(Principal p, long policyId, String mobile, String email) {
        String code = requestCode(p, policyId, mobile);
        return enrolments.submit(p, policyId, Input.of(new Enrolments.ApplicationForm("李明", mobile, email, true, code)));
    }

    private String requestCode(Principal p, long policyId, String mobile) {
        enrolments.requestCode(p, policyId, Input.of(contact(mobile)));
        Outbox.Sent sms = outbox.ofEnterprise(enrolments.policy(p, policyId).enterpriseId(), new PageRequest(1, 1))
                .items().get(0);
        assertThat(sms.address()).isEqualTo(mobile);
        Matcher m = CODE.matcher(sms.text());
        assertThat(m.find()).as(sms.text()).isTrue();
        return m.group(1);
    }

    private static Enrolments.ContactDetails contact(String mobile) {
        return new Enrolments.ContactDetails("李明", mobile, "li_ming@example.com");
    }

    private static Enrolments.ApplicationForm form(String mobile, String code) {
        return new Enrolments.ApplicationForm("李明", mobile, "li_ming@example.com", true, code);
    }

    private Policy pendingPolicy() throws IOException {
        Policy p = unreadyPendingPolicy();
        ready(p.enterpriseId());
        return p;
    }

    private Policy unreadyPendingPolicy() throws IOException {
        long id = publishedHenan();
        clock.advance(Duration.ofDays(8));
        EligibleLists.Detail d = lists.confirm(admin, id);
        return enrolments.policy(admin, d.entries().get(0).policyId());
    }

    /** Seal, agreement, the insurer's countersignature and the data authorisation (seed 002's order). */
    private void ready(long enterpriseId) {
        Principal legal = person(enterpriseId, "legal", Role.LEGAL_REPRESENTATIVE);
        Seals seals = new Seals(db, clock, Config.CHINA);
        Agreements agreements = new Agreements(db, seals, clock);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Config.CHINA);
        long seal = seals.create(legal, new Seals.NewSeal("COMPANY", "法人", today.toString(),
                today.plusYears(2).toString())).id();
        agreements.countersign(reviewer, agreements.sign(legal, Input.of(new Agreements.SignRequest(seal, true))).id());
        new DataAuthorisations(db, clock, Config.CHINA).authorise(legal, Input.of(new DataAuthorisations.AuthoriseRequest(true)));
    }

    private long publishedHenan() throws IOException {
        long id = importHenan();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Config.CHINA);
        lists.publish(id, Input.of(EligibleLists.Publication.of(today, today.plusDays(6))));
        return id;
    }

    private long importHenan() throws IOException {
        return lists.importCsv(admin, "henan-2024-small", "henan.csv", fixture("henan-small.csv")).list().id();
    }

    private long count(String sql) {
        return db.read(tx -> tx.number(sql));
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/enrolment", name));
    }

    private Principal staff(String name, Role role) {
        User u = accounts.createUser(new Accounts.NewUser(name, "password-123", name, role, null, null, null));
        return new Principal(u.id(), name, name, role, null, Set.of(), null);
    }

    private Principal person(long enterpriseId, String name, Role role) {
        User u = accounts.userByName(name).orElseGet(() -> accounts.createUser(new Accounts.NewUser(name,
                "password-123", name, role, enterpriseId, "13800000001", null)));
        return new Principal(u.id(), name, name, role, enterpriseId, Set.of(), null);
    }
}
