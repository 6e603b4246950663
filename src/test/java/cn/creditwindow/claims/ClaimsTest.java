package cn.creditwindow.claims;

import cn.creditwindow.validation.Refusal;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static cn.creditwindow.claims.ClaimsFixture.REASON;
import static cn.creditwindow.claims.ClaimsFixture.STORY;
import static cn.creditwindow.claims.ClaimsFixture.answers;
import static cn.creditwindow.claims.ClaimsFixture.form;
import static cn.creditwindow.claims.ClaimsFixture.shipment;

import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import cn.creditwindow.validation.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enterprise's claim on a real SQLite file: drafted with a new buyer or one of the directory, read-only once
 * submitted, seen only by its enterprise and the enterprise's account manager, refused without a signed agreement. */
class ClaimsTest extends OnClaimsFixture {
    @Test
    void aNewBuyerIsAddedToTheDirectoryOnlyWhenTheFormIsGood() {
        Buyers.NewBuyer nb = new Buyers.NewBuyer("Lagos Pearl Imports Ltd", null, "NG", null, null);
        Claims.ClaimForm bad = new Claims.ClaimForm(null, nb, null, null, answers(false), null, null, null, "DEFAULT",
                "短", STORY, null);
        assertThatThrownBy(() -> w.claims.create(w.szLegal, w.policy, Input.of(bad))).isInstanceOf(InvalidInputException.class);
        assertThat(w.count("SELECT COUNT(*) FROM buyers WHERE name_en = 'Lagos Pearl Imports Ltd'")).isZero();
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(new Claims.ClaimForm(null, nb, null, null, answers(false), null, null,
                null, "DEFAULT", REASON, STORY, null)));
        assertThat(c.buyerName()).isEqualTo("Lagos Pearl Imports Ltd");
        assertThat(c.buyerCode()).startsWith("NG");
    }

    @Test
    void swiftCodesOf8And11CharactersWithARealCountryAreAccepted() {
        Claims.ClaimForm f = new Claims.ClaimForm(w.hk.id(), null,
                new Claims.BankForm("hsbchkhhhkh", "The Hongkong and Shanghai Banking Corporation", "HK", "1 Queen's Road"),
                new Claims.BankForm("DEUTDEFF", "Deutsche Bank", "德国", "Frankfurt"), answers(true), "BKCHCNBJ",
                "中国银行", "100000.50", "LC_DISHONOUR", REASON, STORY, null);
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(f));
        assertThat(c.issuingBank().swift()).isEqualTo("HSBCHKHHHKH");
        assertThat(c.confirmingBank().country()).isEqualTo("DE");
        assertThat(c.financingCents()).isEqualTo(10_000_050L);
        assertThat(c.answers()).containsEntry("FINANCING", true).containsEntry("DISPUTE", false);
    }

    @Test
    void aSubmittedClaimIsReadOnlyForTheEnterprise() {
        Claim c = w.submitted(w.hk, "1000");
        long shipmentId = w.claims.view(w.szLegal, c.id()).shipments().get(0).id();
        for (Runnable edit : List.<Runnable>of(
                () -> w.claims.update(w.szLegal, c.id(), Input.of(form(w.hk.id()))),
                () -> w.shipments.add(w.szLegal, c.id(), Input.of(shipment("X", "OA", "1", "1"))),
                () -> w.shipments.update(w.szLegal, c.id(), shipmentId, Input.of(shipment("X", "OA", "1", "1"))),
                () -> w.shipments.delete(w.szLegal, c.id(), shipmentId),
                () -> w.shipments.importTemplate(w.szLegal, c.id(), ShipmentTemplate.csv()),
                () -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))) {
            assertThatThrownBy(edit::run).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void anotherEnterpriseSeesNothingAndTheManagerOnlyReads() {
        Claim c = w.submitted(w.hk, "1000");
        assertThatThrownBy(() -> w.claims.view(w.hnLegal, c.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.claims.update(w.hnLegal, c.id(), Input.of(form(w.hk.id())))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.claims.create(w.hnLegal, w.policy, Input.of(form(w.hk.id())))).isInstanceOf(NotFoundException.class);
        assertThat(w.claims.claims(w.hnLegal, PageRequest.first()).items()).isEmpty();
        assertThat(w.claims.policies(w.hnLegal, null, PageRequest.first()).items()).isEmpty();
        assertThat(w.claims.view(w.manager, c.id()).claim().id()).isEqualTo(c.id());
        assertThatThrownBy(() -> w.claims.update(w.manager, c.id(), Input.of(form(w.hk.id()))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void noClaimWithoutASignedAgreementOrAnEffectivePolicy() {
        long hnPolicy = w.effectivePolicy(w.hn, null);
        assertThatThrownBy(() -> w.claims.create(w.hnLegal, hnPolicy, Input.of(form(w.hk.id()))))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.getMessage()).contains("agreement"));
        w.db.inTransaction(tx -> tx.update("UPDATE policies SET state = 'EXPIRED' WHERE id = ?", w.policy));
        assertThatThrownBy(() -> w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id()))))
                .isInstanceOf(ConflictException.class);
    }
}
