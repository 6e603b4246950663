/**
 * Credit services (资信服务, SPEC §3): ordering credit reports — overseas buyer credit reports (normal or urgent) and
 * the "other reports" for small exporters — for oneself or, as an account manager, on behalf of an enterprise of the
 * portfolio; the free reports of the enterprise's sponsored policy (the quota, guaranteed by the database), prices
 * an administrator sets, the insurer's fulfilment (take, deliver a structured report and its PDF, cancel, unable to
 * locate) and the wallet. {@link cn.creditwindow.credit.CreditOrders} owns the orders and their lifecycle,
 * {@link cn.creditwindow.credit.CreditQuotes} what an order costs, {@link cn.creditwindow.credit.CreditQuotas} the
 * free reports and the wallet; the buyer picker asks {@code buyers}. Report types are data
 * ({@code src/main/resources/credit/report-types.json}).
 */
package cn.creditwindow.credit;
