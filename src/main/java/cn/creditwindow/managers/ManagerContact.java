package cn.creditwindow.managers;

/**
 * An account manager as an enterprise reaches them.
 *
 * @param officePhone the office line (e.g. {@code 0755-…}), or null when none is recorded
 * @param mobile      the mobile number, or null
 * @param email       the e-mail address, or null
 */
public record ManagerContact(long id, String name, String officePhone, String mobile, String email) {
}
