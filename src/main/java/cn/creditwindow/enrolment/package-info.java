/**
 * Enrolment in the sponsored small/micro policy (小微投保, SPEC §5, manual 3.1, seed 002): the administrator's
 * eligible-enterprise lists ({@link cn.creditwindow.enrolment.EligibleLists}: import, publish, confirm, which
 * pushes pending policies), and the enterprise's five steps with the insurer's review
 * ({@link cn.creditwindow.enrolment.Enrolments}): view the pending policy, apply with a one-time verification
 * code, accepted or returned, acknowledge receipt, done. Premiums, limits and cover come from
 * {@code cn.creditwindow.schemes}; notices go through {@code cn.creditwindow.notify}.
 */
package cn.creditwindow.enrolment;
