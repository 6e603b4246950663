package cn.creditwindow.agreements;

import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.store.ConstraintViolationException;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
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

class DataAuthorisationsTest {
    private static final DataAuthorisations.AuthoriseRequest AGREE = new DataAuthorisations.AuthoriseRequest(true);

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
    void authorisingNeedsASignedAgreement() {
        assertThatThrownBy(() -> w.authorisations.authorise(w.szLegal, Input.of(AGREE)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.zh()).contains("请先签署服务协议");
                });
        Agreement a = w.agreements.sign(w.szLegal, Input.of(new Agreements.SignRequest(w.companySeal(w.szLegal).id(), true)));
        assertThatThrownBy(() -> w.authorisations.authorise(w.szLegal, Input.of(AGREE))).hasMessageContaining("sign the service agreement first");
        w.agreements.countersign(w.reviewer, a.id());

        DataAuthorisation d = w.authorisations.authorise(w.szLegal, Input.of(AGREE));
        assertThat(d.agreementId()).isEqualTo(a.id());
        assertThat(d.dataTypes()).containsExactly(DataType.values());
        assertThat(d.periodFrom()).isEqualTo(YearMonth.of(2023, 3));
        assertThat(d.periodUntil()).isEqualTo(YearMonth.of(2029, 3));
        assertThat(d.authorisedByName()).isEqualTo("测试法人甲");
        assertThat(w.agreements.readiness(w.shenzhen.id())).isEqualTo(new Agreements.Readiness(true, true));
        assertThat(w.authorisations.list(w.manager, PageRequest.first()).items()).containsExactly(d);
        assertThat(w.authorisations.list(w.hnLegal, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void theTickIsRequiredAndOnlyTheLegalRepresentativeAuthorises() {
        w.signed(w.szLegal);
        assertThatThrownBy(() -> w.authorisations.authorise(w.szLegal, Input.of(new DataAuthorisations.AuthoriseRequest(false))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("agree"));
        assertThatThrownBy(() -> w.authorisations.authorise(w.szOperator, Input.of(AGREE)))
                .isInstanceOf(NotAllowedException.class);
        assertThat(w.authorisations.find(w.shenzhen.id())).isEmpty();
    }

    @Test
    void aSecondAuthorisationIsRefused() {
        w.signed(w.szLegal);
        w.authorisations.authorise(w.szLegal, Input.of(AGREE));
        assertThatThrownBy(() -> w.authorisations.authorise(w.szLegal, Input.of(AGREE)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.zh()).isEqualTo("请勿重复授权");
                    assertThat(e.getMessage()).isEqualTo("Already authorised: do not authorise twice");
                });
    }

    @Test
    void theDatabaseRefusesASecondAuthorisationRow() {
        Agreement a = w.signed(w.szLegal);
        w.authorisations.authorise(w.szLegal, Input.of(AGREE));
        assertThatThrownBy(() -> w.db.inTransaction(tx -> tx.insert("INSERT INTO data_authorisations (enterprise_id,"
                + " agreement_id, data_types, period_from, period_until, authorised_by, authorised_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", w.shenzhen.id(), a.id(), "EXPORT_RECEIPTS", "2026-01", "2026-12",
                w.szLegal.userId(), Instant.now())))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e ->
                        assertThat(e.names("data_authorisations.enterprise_id")
                                || e.names("ux_data_authorisations_enterprise")).isTrue());
    }

    @Test
    void twoSimultaneousAuthorisationsMakeOne() throws Exception {
        w.signed(w.szLegal);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> authorise = () -> {
            start.await();
            try {
                return w.authorisations.authorise(w.szLegal, Input.of(AGREE));
            } catch (Refusal e) {
                return e;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = List.of(pool.submit(authorise), pool.submit(authorise));
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof DataAuthorisation).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof Refusal r && r.zh().equals("请勿重复授权"))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
