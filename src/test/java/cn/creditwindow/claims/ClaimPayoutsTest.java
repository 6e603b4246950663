package cn.creditwindow.claims;

import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static cn.creditwindow.claims.ClaimsFixture.fields;

import cn.creditwindow.validation.Input;
import org.junit.jupiter.api.Test;

/** What claims pay on a real SQLite file: the per-buyer and aggregate limits against the policy's paid claims, and
 * the reviewer's payout panel. */
class ClaimPayoutsTest extends OnClaimsFixture {
    @Test
    void seed000Case1PaysThePerBuyerLimitThenNothingIsLeftOnThatBuyer() {
        Claim first = w.review.accept(w.reviewer, w.submitted(w.hk, "440000").id());
        Claim paid = w.review.pay(w.reviewer, first.id(), Input.of(new ClaimReview.Decision("440000", null)));
        assertThat(paid.payoutCents()).isEqualTo(150_000_00L);
        assertThat(paid.state()).isEqualTo(ClaimState.PAID);
        Claim second = w.review.accept(w.reviewer, w.submitted(w.hk, "20000").id());
        assertThat(w.review.pay(w.reviewer, second.id(), Input.of(new ClaimReview.Decision("20000", null))).payoutCents()).isZero();
        // another buyer still has its own 150k
        Claim third = w.review.accept(w.reviewer, w.submitted(w.de, "20000").id());
        assertThat(w.review.pay(w.reviewer, third.id(), Input.of(new ClaimReview.Decision("20000", null))).payoutCents())
                .isEqualTo(16_000_00L);
        assertThat(w.claims.view(w.szLegal, first.id()).history()).extracting(ClaimEvent::amountCents)
                .containsExactly(null, null, 150_000_00L);
    }

    @Test
    void theAggregateLimitCapsAcrossBuyersTheReviewerEntersItWhenThePolicyHasNone() {
        Claim first = w.review.accept(w.reviewer, w.submitted(w.hk, "440000").id());
        w.review.pay(w.reviewer, first.id(), Input.of(new ClaimReview.Decision("440000", "200000")));
        Claim second = w.review.accept(w.reviewer, w.submitted(w.de, "100000").id());
        assertThatThrownBy(() -> w.review.pay(w.reviewer, second.id(), Input.of(new ClaimReview.Decision("0", "abc"))))
                .satisfies(t -> assertThat(fields(t)).containsExactlyInAnyOrder("loss", "aggregateLimit"));
        assertThat(w.review.pay(w.reviewer, second.id(), Input.of(new ClaimReview.Decision("100000", "200000"))).payoutCents())
                .isEqualTo(50_000_00L);
    }

    @Test
    void thePayoutPanelShowsWhatIsPaidAndLeftAndThePayoutThePaymentThenMakes() { // #14
        Claim first = w.review.accept(w.reviewer, w.submitted(w.hk, "440000").id());
        ClaimPayouts.PayoutPanel before = w.review.payoutPanel(w.reviewer, first.id(), Input.of(new ClaimReview.Decision(null, null)));
        assertThat(before.indemnityRatio()).isEqualTo("0.80");
        assertThat(before.perBuyerLimitCents()).isEqualTo(150_000_00L);
        assertThat(before.aggregateAsOnPolicy()).isTrue();
        assertThat(before.aggregateLimitCents()).isNull();
        assertThat(before.aggregateLeftCents()).isNull();
        assertThat(before.payout()).isNull();
        ClaimPayouts.PayoutPanel preview = w.review.payoutPanel(w.reviewer, first.id(),
                Input.of(new ClaimReview.Decision("440000", "200000")));
        assertThat(preview.payout()).isEqualTo(new Payout(440_000_00L, 352_000_00L, 150_000_00L, 200_000_00L,
                150_000_00L));
        assertThat(w.review.pay(w.reviewer, first.id(), Input.of(new ClaimReview.Decision("440000", "200000"))).payoutCents())
                .isEqualTo(preview.payout().payoutCents());

        // the next claim on another buyer: the first payout counts against the aggregate, not that buyer's limit
        Claim second = w.review.accept(w.reviewer, w.submitted(w.de, "100000").id());
        ClaimPayouts.PayoutPanel next = w.review.payoutPanel(w.reviewer, second.id(),
                Input.of(new ClaimReview.Decision("100000", "200000")));
        assertThat(next.paidOnBuyerCents()).isZero();
        assertThat(next.paidOnPolicyCents()).isEqualTo(150_000_00L);
        assertThat(next.perBuyerLeftCents()).isEqualTo(150_000_00L);
        assertThat(next.aggregateLeftCents()).isEqualTo(50_000_00L);
        assertThat(next.payout().payoutCents()).isEqualTo(50_000_00L);
        assertThat(w.claims.view(w.reviewer, second.id()).claim().state()).isEqualTo(ClaimState.ACCEPTED);

        assertThatThrownBy(() -> w.review.payoutPanel(w.reviewer, second.id(), Input.of(new ClaimReview.Decision("0", "abc"))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("loss", "aggregateLimit"));
        assertThatThrownBy(() -> w.review.payoutPanel(w.reviewer, second.id(), Input.of(new ClaimReview.Decision("", "-1"))))
                .satisfies(t -> assertThat(fields(t)).containsExactly("aggregateLimit"));
        assertThatThrownBy(() -> w.review.payoutPanel(w.reviewer, first.id(), Input.of(new ClaimReview.Decision(null, null))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.review.payoutPanel(w.szLegal, second.id(), Input.of(new ClaimReview.Decision(null, null))))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void thePolicysOwnAggregateLimitPrevails() {
        w.db.inTransaction(tx -> tx.update("UPDATE policies SET aggregate_limit_cents = 16000000 WHERE id = ?", w.policy));
        Claim first = w.review.accept(w.reviewer, w.submitted(w.hk, "440000").id());
        w.review.pay(w.reviewer, first.id(), Input.of(new ClaimReview.Decision("440000", "900000")));
        Claim second = w.review.accept(w.reviewer, w.submitted(w.de, "100000").id());
        assertThat(w.review.pay(w.reviewer, second.id(), Input.of(new ClaimReview.Decision("100000", null))).payoutCents())
                .isEqualTo(10_000_00L);
    }
}
