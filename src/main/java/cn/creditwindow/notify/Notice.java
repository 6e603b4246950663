package cn.creditwindow.notify;

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
 */
public record Notice(Long enterpriseId, Long userId, Channel channel, String address, String subject, String text) {
    public Notice {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (address.isBlank()) {
            throw new IllegalArgumentException("a notice needs an address (mobile or e-mail), subject " + subject);
        }
    }
}
