package cn.creditwindow.agreements;

import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementsTest {
    @TempDir
    Path dir;
    World w;

    @BeforeEach
    void open() {
        w = new World(dir);
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void theLegalRepresentativeSignsAndTheReviewerCountersigns() {
        Seal seal = w.companySeal(w.szLegal);
        Agreement a = w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(seal.id(), true)));
        assertThat(a.state()).isEqualTo(AgreementState.AWAITING_INSURER);
        assertThat(a.textVersion()).isEqualTo(AgreementText.CURRENT);
        assertThat(a.seal()).isEqualTo(seal);
        assertThat(a.signerName()).isEqualTo("测试法人甲");
        assertThat(a.uscc()).isEqualTo("914403065X7D8E2A1J");
        assertThat(w.agreements.readiness(w.shenzhen.id())).isEqualTo(new Agreements.Readiness(false, false));

        Agreement signed = w.agreements.countersign(w.reviewer, a.id());
        assertThat(signed.state()).isEqualTo(AgreementState.SIGNED);
        assertThat(signed.countersignerName()).isEqualTo("测试审核员");
        assertThat(signed.countersignedAt()).isEqualTo(w.clock.instant());
        assertThat(w.agreements.readiness(w.shenzhen.id())).isEqualTo(new Agreements.Readiness(true, false));
        assertThat(w.agreements.history(w.szLegal, a.id())).extracting(AgreementEvent::action)
                .containsExactly(AgreementAction.SIGNED, AgreementAction.COUNTERSIGNED);
    }

    @Test
    void anOperatorMayNotSign() {
        Seal seal = w.companySeal(w.szLegal);
        assertThatThrownBy(() -> w.agreements.sign(w.szOperator, Input.of(new Agreements.SignRequest(seal.id(), true))))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> {
                    assertThat(e.zh()).contains("只有企业法人才能签署服务协议");
                });
        assertThat(w.agreements.live(w.shenzhen.id())).isEmpty();
    }

    @Test
    void signingWithoutTheTickOrASealNamesBothFields() {
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(null, false))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("sealId", "accepted"));
    }

    @Test
    void anUnusableSealIsNamedWithTheMissingTick() { // #13
        Seal finance = w.seals.create(w.szLegal, new Seals.NewSeal("财务", "测试", "2026-01-01", "2026-12-31"));
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(finance.id(), false))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("sealId", "accepted"));
    }

    @Test
    void aStepThatCannotApplyIsRefusedForTheAgreementsStateBeforeItsFormIsLookedAt() { // #13
        Agreement awaiting = w.agreements.sign(w.szLegal,
                Input.of(new Agreements.SignRequest(w.companySeal(w.szLegal).id(), true)));
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(null, false))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.agreements.requestTermination(w.szLegal, awaiting.id(),
                Input.of(new Agreements.TerminationRequest(false, null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.agreements.rejectTermination(w.reviewer, awaiting.id(),
                Input.of(new Agreements.Reason(" "))))
                .isInstanceOf(ConflictException.class);
        Agreement signed = w.agreements.countersign(w.reviewer, awaiting.id());
        assertThatThrownBy(() -> w.agreements.refuse(w.reviewer, signed.id(), Input.of(new Agreements.Reason(null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.agreements.requestTermination(w.szLegal, signed.id(),
                Input.of(new Agreements.TerminationRequest(false, "x".repeat(501)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("confirm", "reason"));
    }

    @Test
    void onlyACompanySealWithinItsPeriodSigns() {
        Seal finance = w.seals.create(w.szLegal, new Seals.NewSeal("财务", "测试", "2026-01-01", "2026-12-31"));
        Seal later = w.seals.create(w.szLegal, new Seals.NewSeal("COMPANY", "测试", "2026-04-01", "2026-12-31"));
        Seal shortLived = w.seals.create(w.szLegal, new Seals.NewSeal("COMPANY", "测试", "2026-03-01", "2026-03-20"));
        Seal other = w.companySeal(w.hnLegal);
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(finance.id(), true))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only a company seal");
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(later.id(), true))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("valid only from 2026-04-01");
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(other.id(), true))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no seal");

        // Five days later the short-lived seal has expired.
        Agreements later5 = new Agreements(w.db, new Seals(w.db, World.at(World.TODAY.plusDays(6)), World.ZONE),
                World.at(World.TODAY.plusDays(6)));
        assertThatThrownBy(() -> later5.sign(w.szLegal, Input.of(new Agreements.SignRequest(shortLived.id(), true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors().get(0).zh()).contains("已于 2026-03-20 过期"));
        assertThat(w.agreements.list(w.reviewer, null, null, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aSecondSignatureWhileOneIsLiveIsRefusedWithAPointerToIt() {
        Agreement a = w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(w.companySeal(w.szLegal).id(), true)));
        long seal = a.seal().id();
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(seal, true))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.zh()).startsWith("已签署过协议").contains("/agreements/" + a.id());
                });
        w.agreements.countersign(w.reviewer, a.id());
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(seal, true))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already signed");
    }

    @Test
    void aRefusedSignatureEndsItAndTheEnterpriseMaySignAgain() {
        Agreement a = w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(w.companySeal(w.szLegal).id(), true)));
        assertThatThrownBy(() -> w.agreements.refuse(w.reviewer, a.id(), Input.of(new Agreements.Reason(" "))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        Agreement refused = w.agreements.refuse(w.reviewer, a.id(), Input.of(new Agreements.Reason("印章持有人与法人不一致")));
        assertThat(refused.state()).isEqualTo(AgreementState.REFUSED);
        assertThat(refused.endedAt()).isNotNull();
        assertThat(w.agreements.history(w.szLegal, a.id())).last().satisfies(ev -> {
            assertThat(ev.reason()).isEqualTo("印章持有人与法人不一致");
            assertThat(ev.toState()).isEqualTo(AgreementState.REFUSED);
        });
        Agreement again = w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(a.seal().id(), true)));
        assertThat(again.id()).isNotEqualTo(a.id());
    }

    @Test
    void actionsOutOfTurnAreConflicts() {
        Agreement a = w.signed(w.szLegal);
        assertThatThrownBy(() -> w.agreements.countersign(w.reviewer, a.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.zh()).contains("签约成功").contains("保险公司签约中");
                });
        assertThatThrownBy(() -> w.agreements.approveTermination(w.reviewer, a.id()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.agreements.countersign(w.szLegal, a.id()))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void terminationNeedsConfirmationThenTheInsurerDecides() {
        Agreement a = w.signed(w.szLegal);
        assertThatThrownBy(() -> w.agreements.requestTermination(w.szLegal, a.id(),
                Input.of(new Agreements.TerminationRequest(null, "x".repeat(501)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("confirm", "reason"));
        assertThatThrownBy(() -> w.agreements.requestTermination(w.szOperator, a.id(),
                Input.of(new Agreements.TerminationRequest(true, null))))
                .isInstanceOf(NotAllowedException.class);

        Agreement asked = w.agreements.requestTermination(w.szLegal, a.id(), Input.of(new Agreements.TerminationRequest(true, "停止出口业务")));
        assertThat(asked.state()).isEqualTo(AgreementState.TERMINATION_REQUESTED);
        assertThatThrownBy(() -> w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(a.seal().id(), true))))
                .isInstanceOf(ConflictException.class);
        Agreement kept = w.agreements.rejectTermination(w.reviewer, a.id(), Input.of(new Agreements.Reason("尚有未结索赔案件")));
        assertThat(kept.state()).isEqualTo(AgreementState.SIGNED);
        assertThat(kept.endedAt()).isNull();

        w.agreements.requestTermination(w.szLegal, a.id(), Input.of(new Agreements.TerminationRequest(true, null)));
        Agreement ended = w.agreements.approveTermination(w.reviewer, a.id());
        assertThat(ended.state()).isEqualTo(AgreementState.TERMINATED);
        assertThat(w.agreements.readiness(w.shenzhen.id()).signed()).isFalse();
        assertThat(w.agreements.history(w.szLegal, a.id())).extracting(AgreementEvent::action, AgreementEvent::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AgreementAction.SIGNED, null),
                        org.assertj.core.groups.Tuple.tuple(AgreementAction.COUNTERSIGNED, null),
                        org.assertj.core.groups.Tuple.tuple(AgreementAction.TERMINATION_REQUESTED, "停止出口业务"),
                        org.assertj.core.groups.Tuple.tuple(AgreementAction.TERMINATION_REJECTED, "尚有未结索赔案件"),
                        org.assertj.core.groups.Tuple.tuple(AgreementAction.TERMINATION_REQUESTED, null),
                        org.assertj.core.groups.Tuple.tuple(AgreementAction.TERMINATION_APPROVED, null));
        // After 解约成功 the enterprise may sign anew.
        assertThat(w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(a.seal().id(), true))).state())
                .isEqualTo(AgreementState.AWAITING_INSURER);
    }

    @Test
    void othersSeeOnlyWhatTenancyAllows() {
        Agreement sz = w.signed(w.szLegal);
        Agreement hn = w.signed(w.hnLegal);
        assertThatThrownBy(() -> w.agreements.find(w.hnLegal, sz.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.agreements.history(w.szOperator, hn.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.agreements.find(w.manager, hn.id())).isInstanceOf(NotFoundException.class);
        assertThat(w.agreements.find(w.manager, sz.id()).id()).isEqualTo(sz.id());
        assertThat(w.agreements.list(w.manager, null, null, PageRequest.first()).items()).extracting(Agreement::id)
                .containsExactly(sz.id());
        assertThat(w.agreements.list(w.reviewer, null, null, PageRequest.first()).items()).extracting(Agreement::id)
                .containsExactly(hn.id(), sz.id());
        assertThat(w.agreements.list(w.reviewer, AgreementState.SIGNED, w.zhengzhou.id(), PageRequest.first())
                .items()).extracting(Agreement::id)
                .containsExactly(hn.id());
        assertThatThrownBy(() -> w.agreements.list(w.manager, null, w.zhengzhou.id(), PageRequest.first()).items())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.agreements.requestTermination(w.hnLegal, sz.id(),
                Input.of(new Agreements.TerminationRequest(true, null)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDatabaseKeepsOneLiveAgreementPerEnterprise() {
        Agreement a = w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(w.companySeal(w.szLegal).id(), true)));
        assertThatThrownBy(() -> w.db.inTransaction(tx -> tx.insert("INSERT INTO agreements (enterprise_id, text_version,"
                + " state, seal_id, signed_by, signed_at) VALUES (?, ?, ?, ?, ?, ?)", w.shenzhen.id(), "2026.1",
                AgreementState.SIGNED, a.seal().id(), w.szLegal.userId(), Instant.now())))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e ->
                        assertThat(e.names("agreements.enterprise_id") || e.names("ux_agreements_live")).isTrue());
        // An ended one does not count.
        w.db.inTransaction(tx -> tx.insert("INSERT INTO agreements (enterprise_id, text_version, state, seal_id, signed_by,"
                + " signed_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)", w.shenzhen.id(), "2026.1", AgreementState.TERMINATED,
                a.seal().id(), w.szLegal.userId(), Instant.now(), Instant.now()));
    }

    @Test
    void twoSimultaneousSignaturesMakeOneAgreement() throws Exception {
        long seal = w.companySeal(w.szLegal).id();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> sign = () -> {
            start.await();
            try {
                return w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(seal, true)));
            } catch (Refusal e) {
                return e;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>(List.of(pool.submit(sign), pool.submit(sign)));
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Agreement).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(w.agreements.list(w.reviewer, null, null, PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void theAgreementTextHasBothLanguagesAndItsClauses() {
        AgreementText zh = w.agreements.text(AgreementText.CURRENT, "zh");
        AgreementText en = w.agreements.text(AgreementText.CURRENT, "en");
        assertThat(zh.title()).isEqualTo("中国国际贸易“单一窗口”出口信用保险服务协议");
        assertThat(zh.clauses()).hasSize(8).extracting(AgreementText.Clause::heading)
                .contains("第三条 数据的提供与使用", "第六条 协议的生效、变更与解除");
        assertThat(en.clauses()).hasSameSizeAs(zh.clauses());
        assertThat(zh.clauses()).allSatisfy(c -> assertThat(c.paragraphs()).isNotEmpty());
    }
}
