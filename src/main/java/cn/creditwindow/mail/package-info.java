/**
 * Sending e-mail over SMTP: {@link cn.creditwindow.mail.SmtpMailer} turns a {@link cn.creditwindow.mail.MailMessage}
 * (recipient, subject, plain text, optional HTML, extra headers such as {@code List-Unsubscribe}) into a UTF-8
 * MIME message with RFC 2047 encoded Chinese subjects and names, and hands it to the SMTP server configured in
 * {@link cn.creditwindow.config.Config.Smtp} (Jakarta Mail through Eclipse Angus). Failures come back as
 * {@link cn.creditwindow.mail.MailException}, marked permanent when trying again cannot help. This package only
 * sends; what is sent, when, and how often it is retried is the outbox's business
 * ({@code cn.creditwindow.notify.MailDispatcher}).
 */
package cn.creditwindow.mail;
