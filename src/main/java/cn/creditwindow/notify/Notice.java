package cn.creditwindow.notify;

import cn.creditwindow.mail.MailMessage;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one recipient.
 *
 * @param enterpriseId the enterprise it concerns (whose people may read it in the outbox), or null
 * @param userId       the user it is for, or null when it is for the enterprise
 * @param channel      SMS or e-mail
 * @param address      the mobile number or e-mail address it goes to
 * @param subject      a short title
 * @param text         the message
 * @param html         an HTML version of the message, sent beside the text, or null; e-mails only
 * @param headers      extra mail header fields such as {@code List-Unsubscribe}, in order (empty for none);
 *                     e-mails only, checked by {@link MailMessage#checkedHeaders}
 */
public record Notice(Long enterpriseId, Long userId, Channel channel, String address, String subject, String text,
                     String html, Map<String, String> headers) {
    public Notice {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (address.isBlank()) {
            throw new IllegalArgumentException("a notice needs an address (mobile or e-mail), subject " + subject);
        }
        headers = MailMessage.checkedHeaders(headers == null ? Map.of() : headers);
        if (channel != Channel.EMAIL && (html != null || !headers.isEmpty())) {
            throw new IllegalArgumentException("only e-mails carry HTML or mail headers, not " + channel
                    + " notice '" + subject + "'");
        }
    }

    /** A plain-text notice (SMS or e-mail). */
    public Notice(Long enterpriseId, Long userId, Channel channel, String address, String subject, String text) {
        this(enterpriseId, userId, channel, address, subject, text, null, Map.of());
    }

    /**
     * An e-mail with an HTML version beside the text and extra header fields (for instance a digest with its
     * {@code List-Unsubscribe} link); {@code html} may be null and {@code headers} empty.
     */
    public static Notice email(Long enterpriseId, Long userId, String address, String subject, String text,
                               String html, Map<String, String> headers) {
        return new Notice(enterpriseId, userId, Channel.EMAIL, address, subject, text, html, headers);
    }
}
