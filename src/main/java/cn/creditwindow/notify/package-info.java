/**
 * Notices to enterprises and their people (pending policy pushed, policy effective, application returned)
 * and one-time verification codes: every domain sends them through the one {@link cn.creditwindow.notify.Notifier}
 * interface, the seam to an SMS or e-mail gateway. The default {@link cn.creditwindow.notify.Outbox} records
 * them in the {@code outbox} table, which the demo shows on screen (消息记录).
 */
package cn.creditwindow.notify;
