/**
 * The buyer directory (买方代码): overseas buyers with a code, English (and Chinese) name, country, address and
 * registration number, searchable by name and country. Shared by credit reports, the credit alarm and claims.
 * {@link cn.creditwindow.buyers.Buyers} owns the table; who may see a buyer is decided by
 * {@link cn.creditwindow.buyers.Buyers#visibleFilter}.
 */
package cn.creditwindow.buyers;
