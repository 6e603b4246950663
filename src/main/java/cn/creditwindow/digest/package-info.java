/**
 * The monthly digest (按月推送, SPEC §2): for every active subscriber, the previous month's matching articles of each
 * of their subscriptions, grouped by module, newest first, each with why it matched, and the month's alerts of the
 * buyers their enterprise watches. {@link cn.creditwindow.digest.DigestRun} records one digest per subscriber and
 * month together with its e-mail in the outbox, in one transaction (a unique row per subscriber and month is the
 * final guard of "exactly once"); the outbox's dispatcher sends it after commit and retries failures per recipient.
 * {@link cn.creditwindow.digest.DigestSchedule} runs it inside {@code serve} on the 1st of each month;
 * {@link cn.creditwindow.digest.Digests} is the enterprise's archive; the e-mail's unsubscribe link carries an
 * HMAC-signed token ({@link cn.creditwindow.digest.UnsubscribeTokens}).
 */
package cn.creditwindow.digest;
