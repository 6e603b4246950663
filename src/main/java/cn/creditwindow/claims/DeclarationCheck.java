package cn.creditwindow.claims;

import java.util.Collection;
import java.util.Set;

/**
 * The seam to the customs declarations the enterprise holds (the {@code customs} package): which of a claim's
 * declaration numbers are not the enterprise's own export declarations (✗ 未查询到符合条件的数据). A claim whose
 * shipments name such a number cannot be submitted. {@code App} wires the customs package's check here.
 */
@FunctionalInterface
public interface DeclarationCheck {
    /**
     * @param enterpriseId the claimant (only the consignor's own declarations count)
     * @param numbers      18-digit declaration numbers
     * @return the numbers not found among the enterprise's export declarations; empty when all are found
     */
    Set<String> notFound(long enterpriseId, Collection<String> numbers);
}
