package cn.creditwindow.claims;

import cn.creditwindow.store.Tx;
import java.util.Collection;
import java.util.Set;

/**
 * The seam to the customs declarations the enterprise holds (the {@code customs} package): which of a claim's
 * declaration numbers are not the enterprise's own export declarations (✗ 未查询到符合条件的数据). A claim whose
 * shipments name such a number cannot be submitted. It runs inside the submission's transaction, so it matches
 * {@code customs.Customs.check(Tx, enterpriseId, numbers)}: keep the numbers whose result is not ok.
 */
@FunctionalInterface
public interface DeclarationCheck {
    /**
     * @param tx           the submission's transaction
     * @param enterpriseId the claimant (only the consignor's own declarations count)
     * @param numbers      18-digit declaration numbers
     * @return the numbers not found among the enterprise's export declarations; empty when all are found
     */
    Set<String> notFound(Tx tx, long enterpriseId, Collection<String> numbers);
}
