/**
 * The financing marketplace (融资超市, manual 六): the banks' financing products as data
 * ({@code financing/products.json}), 立即申请 recording an enterprise's application for the insurer and the bank,
 * the insurer's staff forwarding applications to each bank (CSV) and recording the bank's decision, and the six
 * steps of the online financing flow shown on the marketplace page.
 */
package cn.creditwindow.financing;
