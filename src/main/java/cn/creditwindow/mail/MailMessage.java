package cn.creditwindow.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One e-mail to one recipient, before it is turned into MIME by {@link SmtpMailer}.
 *
 * @param to        the recipient: an address, optionally with a display name ({@code 王芳 <wang@example.cn>})
 * @param subject   the subject, any Unicode (encoded per RFC 2047 when it is not ASCII)
 * @param text      the plain-text body, always sent
 * @param html      an HTML body sent beside the text (multipart/alternative), or null for text only
 * @param headers   extra header fields in order, e.g. {@code List-Unsubscribe}; never one the mailer sets itself
 *                  (see {@link #RESERVED_HEADERS}); values are single lines, encoded when not ASCII
 * @param messageId the Message-ID including its angle brackets, e.g. {@code <outbox-42.1718586000000@example.cn>},
 *                  or null for a random one; a stable id lets a receiver recognise a resent message
 */
public record MailMessage(String to, String subject, String text, String html, Map<String, String> headers,
                          String messageId) {
    /** Header fields the mailer writes itself; an extra header may not replace them. */
    public static final Set<String> RESERVED_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "sender", "reply-to",
            "return-path", "received");
    /** A header field name: printable ASCII without the colon (RFC 5322 section 2.2). */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]{1,76}");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[!-;=?-~]+@[!-;=?-~]+>");

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        headers = checkedHeaders(headers == null ? Map.of() : headers);
        if (hasLineBreak(subject)) {
            throw new IllegalArgumentException("a mail subject must be one line, was: " + subject);
        }
        if (messageId != null && !MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("a Message-ID must look like <left@right>, was " + messageId);
        }
    }

    /** A text-only message with a random Message-ID and no extra headers. */
    public static MailMessage text(String to, String subject, String text) {
        return new MailMessage(to, subject, text, null, Map.of(), null);
    }

    /**
     * Checks extra header fields: each name a valid field name that the mailer does not write itself, each value
     * one line (a line break would let a value inject further header fields). Returns an unmodifiable copy that
     * keeps the order.
     */
    public static Map<String, String> checkedHeaders(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "value of header " + name);
            if (!FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a mail header name: '" + name + "'");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is written by the mailer and cannot be given");
            }
            if (hasLineBreak(value)) {
                throw new IllegalArgumentException("the value of header " + name + " must be one line");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }
}
