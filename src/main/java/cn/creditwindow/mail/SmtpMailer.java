package cn.creditwindow.mail;

import cn.creditwindow.config.Config;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends e-mails through one SMTP server ({@link Config.Smtp}) with Jakarta Mail (Eclipse Angus). Every message
 * is UTF-8 throughout: a plain-text part, and an HTML part beside it as multipart/alternative when there is one;
 * the subject and display names are encoded per RFC 2047 when they are not ASCII; From comes from the settings,
 * Date from the clock, and the Message-ID from the message (or a random one). {@code Auto-Submitted:
 * auto-generated} (RFC 3834) keeps out-of-office replies away from the sender address.
 *
 * <p>With STARTTLS on, the connection is upgraded before the login and nothing is sent to a server that does
 * not offer it. Connecting, reading and writing time out after {@link #TIMEOUT_MS} ms, so a silent server
 * cannot hold the sender for long.
 *
 * <p>Thread-safe; a {@link Connection} is not (use one per thread).
 */
public final class SmtpMailer {
    /** Connect, read and write timeout in milliseconds. */
    public static final int TIMEOUT_MS = 20_000;
    private static final String UTF_8 = "UTF-8";

    private final Config.Smtp smtp;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;
    private final String domain;

    /**
     * @throws IllegalArgumentException when the From setting is not one valid address
     */
    public SmtpMailer(Config.Smtp smtp, Clock clock) {
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.from = utf8(parseOne(smtp.from()));
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("the mail From setting '" + smtp.from() + "' is not one e-mail address: "
                    + e.getMessage(), e);
        }
        this.domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        // an own Session with its own properties: nothing global (System properties, the default session) is used
        this.session = Session.getInstance(properties(smtp, from.getAddress()));
    }

    private static Properties properties(Config.Smtp smtp, String envelopeFrom) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        p.setProperty("mail.smtp.from", envelopeFrom);
        p.setProperty("mail.smtp.auth", Boolean.toString(smtp.username() != null));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MS));
        p.setProperty("mail.smtp.timeout", Integer.toString(TIMEOUT_MS));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MS));
        // Without TCP_NODELAY the end of each message's DATA waits for the server's delayed ACK (about 40 ms on
        // Linux): 22,000 digests then take 15 minutes instead of well under one (measured by the digest benchmark)
        p.put("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
        return p;
    }

    /** The domain of the From address, for Message-IDs. */
    public String domain() {
        return domain;
    }

    /** Sends one message over a connection of its own. */
    public void send(MailMessage message) throws MailException {
        try (Connection c = connect()) {
            c.send(message);
        }
    }

    /** Opens a connection for sending several messages in a row (a batch); close it when done. */
    public Connection connect() throws MailException {
        Connection c = new Connection();
        c.open();
        return c;
    }

    /** One SMTP connection (logged in when a username is set). Not thread-safe. */
    public final class Connection implements AutoCloseable {
        private final Transport transport;

        private Connection() throws MailException {
            try {
                transport = session.getTransport("smtp");
            } catch (MessagingException e) {
                throw new MailException("no SMTP transport: " + e.getMessage(), false, e);
            }
        }

        private void open() throws MailException {
            try {
                transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            } catch (MessagingException e) {
                throw new MailException("cannot connect to SMTP server " + smtp.host() + ":" + smtp.port() + ": "
                        + describe(e), false, e);
            }
        }

        /** Whether the server is still connected (after a failure it may have hung up). */
        public boolean isOpen() {
            return transport.isConnected();
        }

        /**
         * Hands one message to the server.
         *
         * @throws MailException with {@link MailException#permanent()} true for a malformed recipient or one the
         *                       server refuses for good (5xx), false for anything that may pass later
         */
        public void send(MailMessage message) throws MailException {
            MimeMessage mime = mime(message);
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (SendFailedException e) {
                throw new MailException("the SMTP server refused the message to " + message.to() + ": " + describe(e),
                        refusedForGood(e), e);
            } catch (MessagingException e) {
                throw new MailException("sending to " + message.to() + " failed: " + describe(e), false, e);
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT failed: the server has gone already, and everything sent was acknowledged before
            }
        }
    }

    /** The MIME message for {@code m}, as it will be sent (saved: headers final). */
    MimeMessage mime(MailMessage m) throws MailException {
        InternetAddress to;
        try {
            to = utf8(parseOne(m.to()));
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new MailException("not a valid e-mail address: '" + m.to() + "' (" + e.getMessage() + ")", true, e);
        }
        String id = m.messageId() != null ? m.messageId() : "<" + UUID.randomUUID() + "@" + domain + ">";
        MimeMessage mime = new FixedIdMessage(session, id);
        try {
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, to);
            mime.setSubject(m.subject(), UTF_8);
            mime.setSentDate(Date.from(clock.instant()));
            mime.setHeader("Auto-Submitted", "auto-generated");
            for (Map.Entry<String, String> h : m.headers().entrySet()) {
                String value = MimeUtility.encodeText(h.getValue(), UTF_8, null);
                mime.setHeader(h.getKey(), MimeUtility.fold(h.getKey().length() + 2, value));
            }
            if (m.html() == null) {
                mime.setText(m.text(), UTF_8, "plain");
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(m.text(), UTF_8, "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(m.html(), UTF_8, "html");
                // the last part is the preferred one (RFC 2046 5.1.4): mail programs show the HTML when they can
                mime.setContent(new MimeMultipart("alternative", text, html));
            }
            mime.saveChanges();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailException("cannot build the message to " + m.to() + ": " + e.getMessage(), true, e);
        }
        return mime;
    }

    private static InternetAddress parseOne(String address) throws AddressException {
        InternetAddress[] all = InternetAddress.parse(address.strip(), true);
        if (all.length != 1) {
            throw new AddressException("expected exactly one address, found " + all.length, address);
        }
        all[0].validate();
        // an internationalised address (张三@例子.中国) needs SMTPUTF8 end to end, which this mailer does not use
        if (!all[0].getAddress().chars().allMatch(c -> c < 128)) {
            throw new AddressException("only ASCII addresses can be sent to", address);
        }
        return all[0];
    }

    /** The same address with its display name (if any) re-encoded as UTF-8 per RFC 2047. */
    private static InternetAddress utf8(InternetAddress a) throws UnsupportedEncodingException {
        return a.getPersonal() == null ? a : new InternetAddress(a.getAddress(), a.getPersonal(), UTF_8);
    }

    /**
     * A recipient refused with a 5xx reply, or a message whose content the server refuses with one, fails every
     * time; 4xx replies may pass later. A refused sender (MAIL FROM) is the settings' fault, not the message's:
     * it is retried, so that the messages pass once the settings are put right.
     */
    private static boolean refusedForGood(SendFailedException e) {
        if (e instanceof SMTPSenderFailedException) {
            return false;
        }
        boolean refused = e instanceof SMTPSendFailedException s && s.getReturnCode() >= 500;
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof MessagingException me ? me.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException f) {
                if (f.getReturnCode() < 500) {
                    return false;
                }
                refused = true;
            }
        }
        return refused;
    }

    /** The message of an exception and of the causes it wraps (which usually name the real trouble). */
    private static String describe(Exception e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e instanceof MessagingException me && me.getNextException() != null ? me.getNextException()
                : e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            b.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return b.toString();
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of making one up in saveChanges(). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
