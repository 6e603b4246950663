package cn.creditwindow.enrolment;

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
 * The Henan medium scheme's premium payment against a real database file (#14): an accepted application awaits the
 * enterprise's 20% (待缴费), the reviewer records it, the policy takes effect that day and an invoice is issued; bad
 * payments are refused field by field with nothing saved, and two reviewers recording at once make one payment.
 */
class PremiumPaymentsTest {
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    /** 2024-08-20 10:00 in China: lists published today are confirmed on 2024-08-28, before Henan's collect-by. */
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
    void anAcceptedMediumApplicationAwaitsTheEnterprisesShareAndIsNotEffective() throws IOException {
        Policy p = acceptedMedium();
        assertThat(p.state()).isEqualTo(PolicyState.AWAITING_PAYMENT);
        assertThat(p.policyNumber()).startsWith("XW2024");
        assertThat(p.issuedOn()).isNull();
        assertThat(p.coverStart()).isNull();
        assertThat(p.receipt()).isEqualTo(Receipt.NONE);
        assertThat(p.step()).isEqualTo(3);
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        assertThat(enrolments.current(legal)).get().extracting(Policy::id).isEqualTo(p.id());
        assertThat(enrolments.counts(legal).awaitingPayment()).isEqualTo(1);
        assertThat(enrolments.payments().due(p)).get().extracting(PremiumDue::amountCents).isEqualTo(192_000L);
        Outbox.Sent notice = outbox.ofEnterprise(p.enterpriseId(), new PageRequest(1, 1)).items().get(0);
        assertThat(notice.text()).contains("1,920.00 美元", "年度保费 = 投保金额 8,000,000.00 × 0.12% = 9,600.00 美元");
        assertThat(enrolments.payments().awaiting(reviewer, PageRequest.first()).items())
                .extracting(d -> d.policy().id()).containsExactly(p.id());
    }

    @Test
    void aPaymentMakesThePolicyEffectiveThatDayAndIssuesAnInvoice() throws IOException {
        Policy p = acceptedMedium();
        clock.advance(Duration.ofDays(3));
        PremiumPayments.Paid paid = enrolments.payments().record(reviewer, p.id(),
                Input.of(new PremiumPayments.PaymentForm("2024-08-29", "1,920.00", "  HX20240829-0001 ")));
        assertThat(paid.policy().state()).isEqualTo(PolicyState.EFFECTIVE);
        assertThat(paid.policy().issuedOn()).isEqualTo(LocalDate.of(2024, 8, 29));
        assertThat(paid.policy().receipt()).isEqualTo(Receipt.PENDING);
        // applied on time (by collectBy): the whole policy year, as the scheme's coverage rule gives
        assertThat(paid.policy().coverStart()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(paid.payment().reference()).isEqualTo("HX20240829-0001");
        assertThat(paid.invoice().number()).isEqualTo("FP2024000001");
        assertThat(paid.invoice().amountCents()).isEqualTo(192_000L);
        assertThat(outbox.ofEnterprise(p.enterpriseId(), new PageRequest(1, 1)).items().get(0).text())
                .contains("FP2024000001", "2024-08-29 起生效");
        assertThatThrownBy(() -> enrolments.payments().record(reviewer, p.id(),
                Input.of(new PremiumPayments.PaymentForm("2024-08-29", "1920", "again"))))
                .isInstanceOf(ConflictException.class);
        assertThat(count("SELECT COUNT(*) FROM premium_payments")).isEqualTo(1);
    }

    @Test
    void aLatePaymentCoversFromThePaymentDay() throws IOException {
        Policy p = acceptedMedium();
        clock.advance(Duration.ofDays(60));
        PremiumPayments.Paid paid = enrolments.payments().record(reviewer, p.id(),
                Input.of(new PremiumPayments.PaymentForm("2024-10-25", "1920.00", "HX1")));
        assertThat(paid.policy().issuedOn()).isEqualTo(LocalDate.of(2024, 10, 25));
        assertThat(paid.policy().coverStart()).isEqualTo(LocalDate.of(2024, 9, 1)); // applied on time
    }

    @Test
    void aWrongAmountAFutureDayAndAMissingReferenceAreNamedAndNothingIsSaved() throws IOException {
        Policy p = acceptedMedium();
        assertThatThrownBy(() -> enrolments.payments().record(reviewer, p.id(),
                Input.of(new PremiumPayments.PaymentForm("2024-08-29", "1920.01", " "))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("receivedOn", "amount",
                            "reference");
                    assertThat(e.errors().get(0).en()).contains("future");
                    assertThat(e.errors().get(1).zh()).contains("1,920.00 美元");
                });
        assertThatThrownBy(() -> enrolments.payments().record(reviewer, p.id(),
                Input.of(new PremiumPayments.PaymentForm("2024-08-27", "1920", "x".repeat(65)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("receivedOn", "reference"));
        assertThat(enrolments.policy(reviewer, p.id()).state()).isEqualTo(PolicyState.AWAITING_PAYMENT);
        assertThat(count("SELECT COUNT(*) FROM premium_payments")).isZero();
        assertThat(count("SELECT COUNT(*) FROM premium_invoices")).isZero();
        Principal legal = person(p.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        assertThatThrownBy(() -> enrolments.payments().record(legal, p.id(),
                Input.of(new PremiumPayments.PaymentForm("2024-08-28", "1920", "x"))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void twoReviewersRecordingAtOnceMakeOnePayment() throws Exception {
        Policy p = acceptedMedium();
        Principal other = staff("reviewer2", Role.REVIEWER);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = List.of(reviewer, other).stream().map(r -> pool.submit(() -> {
                go.await();
                try {
                    return (Object) enrolments.payments().record(r, p.id(),
                            Input.of(new PremiumPayments.PaymentForm("2024-08-28", "1920", "HX-" + r.username())));
                } catch (ConflictException e) {
                    return e;
                }
            })).toList();
            go.countDown();
            List<Object> outcomes = List.of(results.get(0).get(), results.get(1).get());
            assertThat(outcomes).filteredOn(o -> o instanceof PremiumPayments.Paid).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM premium_payments")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM premium_invoices")).isEqualTo(1);
    }

    @Test
    void aSmallSchemesAcceptedApplicationIsEffectiveAtOnce() throws IOException {
        Policy p = accepted(lists.importCsv(admin, "henan-2024-small", "henan.csv", fixture("henan-small.csv")).list().id());
        assertThat(p.state()).isEqualTo(PolicyState.EFFECTIVE);
        assertThat(enrolments.payments().due(p)).isEmpty();
    }

    /** A medium policy (8,000,000 USD of exports) applied for and accepted on 2024-08-28. */
    private Policy acceptedMedium() throws IOException {
        return accepted(lists.importCsv(admin, "henan-2024-medium", "medium.csv", fixture("henan-medium.csv")).list().id());
    }

    private Policy accepted(long listId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Config.CHINA);
        lists.publish(listId, Input.of(EligibleLists.Publication.of(today, today.plusDays(6))));
        clock.advance(Duration.ofDays(8));
        Policy pending = enrolments.policy(admin, lists.confirm(admin, listId).entries().get(0).policyId());
        ready(pending.enterpriseId());
        Principal legal = person(pending.enterpriseId(), "legal", Role.LEGAL_REPRESENTATIVE);
        String code = requestCode(legal, pending.id(), "13912345678");
        Application a = enrolments.submit(legal, pending.id(), Input.of(form("13912345678", code)));
        return enrolments.accept(reviewer, a.id());
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

