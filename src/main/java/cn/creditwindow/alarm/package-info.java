/**
 * The credit alarm (资信报警器): enterprises watch buyers of the directory ({@link cn.creditwindow.alarm.Watches});
 * when a newly ingested or updated article names a watched buyer (English or Chinese name, matched by
 * {@link cn.creditwindow.alarm.WatchedNames}) or a delivered credit report marks risk events for it, the
 * {@link cn.creditwindow.alarm.CreditAlarm} alerts every watching enterprise at once: an inbox entry
 * ({@link cn.creditwindow.alarm.Alerts}) saying why, and an e-mail through the notifier. The feeds package knows
 * nothing of it: {@code FeedIngester.onStored} is wired to the alarm in {@code app.App}.
 */
package cn.creditwindow.alarm;
