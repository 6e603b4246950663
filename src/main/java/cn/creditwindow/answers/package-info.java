/**
 * Submissions the insurer's staff answer once, whatever they are: insurance inquiries (投保咨询) and the message board
 * (调查问卷) are two kinds of one shape. An enterprise's people submit one (each kind its own fields and rules); the
 * people who may see the enterprise ({@code accounts.Tenancy}) list and read it, others get not found; the staff
 * (reviewers, administrators, account managers for their portfolio) answer it once, in one transaction that
 * finds it, refuses a second answer as a conflict, records the answer with who gave it and when, and tells the
 * submitter through {@code notify.Notifier}. {@link cn.creditwindow.answers.Submissions} is that shape, told by a
 * {@link cn.creditwindow.answers.Kind} where a kind's rows are and what its refusals say; it knows neither kind.
 */
package cn.creditwindow.answers;
