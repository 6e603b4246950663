/**
 * Submissions the insurer's staff answer once, whatever they are: insurance inquiries (投保咨询) and the message board
 * (调查问卷) are two kinds of one shape. An enterprise's people submit one (each kind its own fields and rules); the
 * people who may see the enterprise ({@code accounts.Tenancy}) list and read it, others get not found; the staff
 * (reviewers, administrators, account managers for their portfolio) answer it once, in one transaction that
 * finds it, refuses a second answer as a conflict, records the answer with who gave it and when, and tells the
 * submitter through {@code notify.Notifier}. {@link cn.creditwindow.answers.Submissions} is that shape, told by a
 * {@link cn.creditwindow.answers.Kind} where a kind's rows are, what its refusals say and whom its answer tells; it
 * knows neither kind. A kind is a {@link cn.creditwindow.answers.Desk}: its form, its draft, its own submit, and its
 * submissions; {@link cn.creditwindow.answers.SubmissionHandlers} (the API) and
 * {@link cn.creditwindow.answers.SubmissionPages} (the form, the list, one submission and the answer form) serve any
 * desk under the paths they are given.
 */
package cn.creditwindow.answers;
