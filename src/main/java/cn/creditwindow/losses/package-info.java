/**
 * Possible-loss reports (报损, 线上报损核赔): an enterprise with an effective policy, or its account manager on its
 * behalf, reports that receivables on a buyer may be lost — the buyer, the shipments (invoice, due date, amount
 * outstanding), the coded cause, what was done and whom to contact; the insurer's staff accept it (a case number,
 * a handler, advice) or ask for more; it ends recovered or as a claim drafted from it. The deadlines that run from
 * it are the scheme's data ({@code schemes.LossDeadlines}): {@link cn.creditwindow.losses.Obligation} is one of
 * them, shown on the home page, in the monthly digest and to the account manager, and the credit alarm's alerts say
 * what to do about a buyer with open shipments ({@link cn.creditwindow.losses.Obligations#exposure}).
 * {@code LossHandlers} and {@code LossPages} are the only classes that know about HTTP.
 */
package cn.creditwindow.losses;
