/**
 * Sponsored small/micro export credit insurance schemes (统保政策) as data: who is eligible by last year's exports
 * and region, how the premium is computed and shared with the subsidy, the indemnity ratio and limits, the policy
 * year and the collection deadline, and the free credit reports. Each region and year is a JSON file under
 * {@code src/main/resources/schemes/}, whose README documents every field and the assumptions made where the
 * policy notices are silent; {@link cn.creditwindow.schemes.Schemes#load()} reads and validates them all at
 * startup and fails on the first broken rule, naming the file, scheme and field. A
 * {@link cn.creditwindow.schemes.Scheme} computes premiums, aggregate limits, coverage periods and payouts exactly
 * (BigDecimal USD, rounded half-up to the cent). Everything here is immutable and safe to share between threads.
 */
package cn.creditwindow.schemes;
