/**
 * The buyer directory (买方代码): overseas buyers with a code, English (and Chinese) name, country, address and
 * registration number, searchable by name and country. Shared by credit reports, the credit alarm and claims.
 * {@link cn.creditwindow.buyers.Buyers} owns the table and its in-memory search index (typo-tolerant, ranked;
 * see {@code BuyerIndex}); who may see a buyer is decided by {@link cn.creditwindow.buyers.Buyers#visibleFilter}.
 * The insurer's directory is imported from CSV ({@link cn.creditwindow.buyers.BuyerCsv}); a fictional sample
 * directory for the demo and tests is {@code src/main/resources/buyers/sample-directory.csv}.
 */
package cn.creditwindow.buyers;
