/**
 * Sponsored small/micro export credit insurance schemes (统保政策) as data: who is eligible by last year's exports
 * and region, how the premium is computed and shared with the subsidy, the indemnity ratio and limits, the notice's
 * validity and its policy years (the first, and a year more each year while a renewing notice is in force, {@link
 * cn.creditwindow.schemes.PolicyYear}), the collection deadline, and the free credit reports. Each notice is a JSON
 * file under {@code src/main/resources/schemes/}, whose README documents every field and the assumptions made where
 * the notices are silent; {@link cn.creditwindow.schemes.Schemes#load()} reads and validates them all at startup and
 * fails on the first broken rule, naming the file, scheme and field. Administrators add schemes as data in the same
 * format ({@link cn.creditwindow.schemes.SchemeCatalogue}, kept in the database and read by every node). A {@link
 * cn.creditwindow.schemes.Scheme} computes premiums, aggregate limits, coverage periods and payouts exactly
 * (BigDecimal USD, rounded half-up to the cent). The values are immutable and safe to share between threads.
 */
package cn.creditwindow.schemes;
