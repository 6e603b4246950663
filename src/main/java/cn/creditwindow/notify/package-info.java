/**
 * Notices to enterprises and their people (pending policy pushed, policy effective, application returned)
 * and one-time verification codes: every domain sends them through the one {@link cn.creditwindow.notify.Notifier}
 * interface, inside the transaction of the change they report. {@link cn.creditwindow.notify.Outbox} records them
 * in the {@code outbox} table, which the enterprise sees on screen (消息记录). SMS notices are only recorded (there
 * is no SMS gateway); e-mail notices get a delivery state ({@link cn.creditwindow.notify.Delivery}) and, when an
 * SMTP server is configured, {@link cn.creditwindow.notify.MailDispatcher} sends them through
 * {@code cn.creditwindow.mail} after the transaction has committed, retrying with back-off (a transactional outbox:
 * a rolled-back change sends nothing, a crash resends at most one e-mail).
 */
package cn.creditwindow.notify;
