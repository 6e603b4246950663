package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static cn.creditwindow.claims.ClaimsFixture.STORY;
import static cn.creditwindow.claims.ClaimsFixture.answers;
import static cn.creditwindow.claims.ClaimsFixture.fields;
import static cn.creditwindow.claims.ClaimsFixture.form;
import static cn.creditwindow.claims.ClaimsFixture.shipment;

import cn.creditwindow.buyers.Buyer;
import cn.creditwindow.buyers.Buyers;
import cn.creditwindow.customs.CheckResult;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of the claim form (every bad field named at once) and of a submission (declaration, shipment, issuing
 * bank, customs declarations of the enterprise's own that no other claim took), on a real SQLite file. */
class ClaimFormChecksTest extends OnClaimsFixture {
    @Test
    void everyBadFieldIsReportedAndNothingIsSaved() {
        Map<String, Boolean> partial = new LinkedHashMap<>(answers(true));
        partial.remove("DISPUTE");
        Claims.ClaimForm bad = new Claims.ClaimForm(null, null,
                new Claims.BankForm("BANK1234", "", "ZZ", ""), new Claims.BankForm("HSBCXXHH", "HSBC", "HK", "Central"),
                partial, "NOPE", "", "-5", "THEFT", "太短了", "短", null);
        assertThatThrownBy(() -> w.claims.create(w.szLegal, w.policy, Input.of(bad))).satisfies(t -> assertThat(fields(t))
                .containsExactlyInAnyOrder("buyerId", "issuingBank.swift", "issuingBank.nameEn", "issuingBank.country",
                        "issuingBank.addressEn", "confirmingBank.swift", "answers.DISPUTE", "financingSwift",
                        "financingBankName", "financingAmount", "lossCause", "reason", "caseDescription"));
        assertThat(w.count("SELECT COUNT(*) FROM claims")).isZero();
    }

    @Test
    void theNewBuyersFieldsAreNamedWithTheRestOfTheFormInOneRefusal() { // #13
        Buyers.NewBuyer nb = new Buyers.NewBuyer("", null, "中国", "x".repeat(301), null);
        Claims.ClaimForm bad = new Claims.ClaimForm(null, nb, null, null, answers(false), null, null, null, "THEFT",
                "短", STORY, null);
        assertThatThrownBy(() -> w.claims.create(w.szLegal, w.policy, Input.of(bad))).satisfies(t -> assertThat(fields(t))
                .containsExactlyInAnyOrder("newBuyer.nameEn", "newBuyer.country", "newBuyer.address", "lossCause",
                        "reason"));
        assertThat(w.count("SELECT COUNT(*) FROM claims")).isZero();
        assertThat(w.count("SELECT COUNT(*) FROM buyers")).isEqualTo(2);
    }

    @Test
    void aBuyerIdNoBuyerBehindIsAFieldOfTheFormWhetherItIsUnknownOrAnotherEnterprises() { // #13
        Buyer hnOwn = w.buyers.add(w.hnLegal, new Buyers.NewBuyer("Zhengzhou Partner Trading Ltd", null, "HK", null, null));
        for (long id : List.of(9_999L, hnOwn.id())) {
            Claims.ClaimForm f = new Claims.ClaimForm(id, null, null, null, answers(false), null, null, null, "DEFAULT",
                    "短", STORY, null);
            assertThatThrownBy(() -> w.claims.create(w.szLegal, w.policy, Input.of(f))).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> {
                        assertThat(fields(e)).containsExactly("buyerId", "reason");
                        assertThat(e.errors().get(0).en()).isEqualTo("no such buyer: " + id
                                + " (choose one from the directory or add a new one)");
                    });
        }
        assertThat(w.count("SELECT COUNT(*) FROM claims")).isZero();
    }

    @Test
    void descriptionsCountChineseCharactersNotLetters() {
        assertThat(ClaimChecks.hanCount("Buyer defaulted on payment for many months, 拖欠")).isEqualTo(2);
        Claims.ClaimForm english = new Claims.ClaimForm(w.hk.id(), null, null, null, answers(false), null, null, null,
                "DEFAULT", "The buyer has not paid for the goods delivered in January 2024", STORY, null);
        assertThatThrownBy(() -> w.claims.create(w.szLegal, w.policy, Input.of(english)))
                .satisfies(t -> assertThat(fields(t)).containsExactly("reason"));
    }

    @Test
    void submitNeedsTheDeclarationAShipmentAndTheIssuingBankForALetterOfCredit() {
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(false))))
                .satisfies(t -> assertThat(fields(t)).containsExactlyInAnyOrder("declaration", "shipments"));
        w.shipments.add(w.szLegal, c.id(), Input.of(shipment("LC-1", "LC_SIGHT", "1000", "1000")));
        w.claims.generateReport(w.szLegal, c.id());
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("issuingBank.swift"));
        assertThat(w.claims.view(w.szLegal, c.id()).claim().state()).isEqualTo(ClaimState.DRAFT);
    }

    @Test
    void submitRefusesDeclarationsThatAreNotTheEnterprisesOwn() {
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        w.shipments.add(w.szLegal, c.id(), Input.of(new Claims.ShipmentForm("D-1", "85171200", "2024-01-15", "OA", "90", "10",
                "10", "NONE", "SEA", "530120240000000123 530120240000000999", null)));
        w.claims.generateReport(w.szLegal, c.id());
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("declarations");
                    assertThat(e.errors().get(0).zh()).contains("未查询到符合条件", "530120240000000999")
                            .doesNotContain("530120240000000123");
                });
        // another enterprise's declaration is not the claimant's either
        w.declare(w.hn, "530120240000000999", "HK", "2024-01-15");
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOf(InvalidInputException.class);
        w.declare(w.sz, "530120240000000999", "HK", "2024-01-15");
        assertThat(w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))).state()).isEqualTo(ClaimState.SUBMITTED);
    }

    @Test
    void aDeclarationAnotherClaimTookBlocksTheSubmissionTheOtherFlagsOnlyWarn() {
        Claim first = w.submitted(w.hk, "1000");
        String taken = w.claims.view(w.szLegal, first.id()).shipments().get(0).declarations().get(0);
        w.declare(w.sz, "530120240000000777", "DE", "2023-05-02"); // to another country, before the cover
        Claim c = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        w.shipments.add(w.szLegal, c.id(), Input.of(new Claims.ShipmentForm("F-1", "85171200", "2024-01-15", "OA", "90", "10",
                "10", "NONE", "SEA", taken + " 530120240000000777 530120240000000888", "CO-NONE-1")));
        w.claims.generateReport(w.szLegal, c.id());
        ClaimDocuments.ShipmentCheck check = w.claims.view(w.reviewer, c.id()).checks().get(0);
        assertThat(check.declarations()).extracting(CheckResult::ok).containsExactly(true, true, false);
        assertThat(check.declarations().get(0).flags()).extracting(CheckResult.Flag::code)
                .containsExactly(CheckResult.Flag.ALREADY_CLAIMED);
        assertThat(check.declarations().get(1).flags()).extracting(CheckResult.Flag::code)
                .containsExactly(CheckResult.Flag.OTHER_COUNTRY, CheckResult.Flag.OUTSIDE_PERIOD);
        assertThat(check.certificate().ok()).isFalse();
        assertThat(check.blocking()).isTrue();
        assertThat(check.warning()).isTrue();
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("declarations", "declarations");
                    assertThat(e.errors().get(0).zh()).contains("530120240000000888").doesNotContain(taken);
                    assertThat(e.errors().get(1).zh()).contains("已用于其他索赔申请", taken)
                            .doesNotContain("530120240000000777");
                });
        // still taken while the first claim is returned to its enterprise
        w.review.returnClaim(w.reviewer, first.id(), Input.of("请补充材料"));
        w.shipments.update(w.szLegal, c.id(), check.shipmentId(), Input.of(new Claims.ShipmentForm("F-1", "85171200",
                "2024-01-15", "OA", "90", "10", "10", "NONE", "SEA", taken + " 530120240000000777", null)));
        w.claims.generateReport(w.szLegal, c.id());
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("declarations"));
        // other country and period are for the reviewer: they do not block
        w.shipments.update(w.szLegal, c.id(), check.shipmentId(), Input.of(new Claims.ShipmentForm("F-1", "85171200",
                "2024-01-15", "OA", "90", "10", "10", "NONE", "SEA", "530120240000000777", null)));
        w.claims.generateReport(w.szLegal, c.id());
        ClaimDocuments.ShipmentCheck warned = w.claims.view(w.szLegal, c.id()).checks().get(0);
        assertThat(warned.blocking()).isFalse();
        assertThat(warned.warning()).isTrue();
        assertThat(w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true))).state()).isEqualTo(ClaimState.SUBMITTED);
        assertThat(w.count("SELECT COUNT(*) FROM claimed_declarations WHERE number = '530120240000000777'")).isEqualTo(1);
        // the first claim, resubmitted, keeps its own declaration
        w.claims.generateReport(w.szLegal, first.id());
        assertThat(w.claims.submit(w.szLegal, first.id(), Input.of(new Claims.Submission(true))).state())
                .isEqualTo(ClaimState.SUBMITTED);
    }

    @Test
    void theDatabaseLetsOneClaimTakeADeclaration() {
        Claim first = w.submitted(w.hk, "1000");
        String taken = w.claims.view(w.szLegal, first.id()).shipments().get(0).declarations().get(0);
        Claim other = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        assertThatThrownBy(() -> w.db.inTransaction(tx -> {
            ClaimDocuments.take(tx, other.id(), List.of(taken));
            return null;
        })).isInstanceOf(cn.creditwindow.store.ConstraintViolationException.class);
        assertThat(w.count("SELECT COUNT(*) FROM claimed_declarations WHERE claim_id = " + other.id())).isZero();
    }
}
