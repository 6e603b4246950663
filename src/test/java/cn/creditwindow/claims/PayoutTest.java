package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PayoutTest {
    private static final BigDecimal RATIO = new BigDecimal("0.80");

    @Test
    void seed000Case1ALossOf440kOnOneBuyerPays150k() {
        Payout p = Payout.of(440_000_00L, RATIO, 150_000_00L, 0, null, 0);
        assertThat(p.indemnityCents()).isEqualTo(352_000_00L);
        assertThat(p.payoutCents()).isEqualTo(150_000_00L);
    }

    @Test
    void nothingIsLeftForASecondClaimOnTheSameBuyer() {
        assertThat(Payout.of(10_000_00L, RATIO, 150_000_00L, 150_000_00L, null, 150_000_00L).payoutCents()).isZero();
    }

    @Test
    void theAggregateLimitCapsAcrossBuyers() {
        // 200k aggregate, 150k already paid on another buyer: 50k left although this buyer has its full 150k
        Payout p = Payout.of(100_000_00L, RATIO, 150_000_00L, 0, 200_000_00L, 150_000_00L);
        assertThat(p.perBuyerLeftCents()).isEqualTo(150_000_00L);
        assertThat(p.aggregateLeftCents()).isEqualTo(50_000_00L);
        assertThat(p.payoutCents()).isEqualTo(50_000_00L);
    }

    @Test
    void aSmallLossPaysTheRatioRoundedHalfUp() {
        assertThat(Payout.of(1_001L, RATIO, 150_000_00L, 0, null, 0).payoutCents()).isEqualTo(801L);
    }
}
