package cn.creditwindow.web;

/**
 * Who the page is shown to, as far as the layout cares: the name in the header, the role (its code for
 * the page's own logic, its name in both languages), and the session's anti-forgery token for the forms.
 * Built from the signed-in principal by the server; this toolkit knows nothing of accounts.
 *
 * @param displayName    the name shown on pages
 * @param role           the role's code, e.g. {@code LEGAL_REPRESENTATIVE}
 * @param roleZh         the role's name in Chinese
 * @param roleEn         the role's name in English
 * @param enterpriseUser true for the enterprise's own people
 * @param csrfToken      the session's anti-forgery token, or null without a session
 */
public record Viewer(String displayName, String role, String roleZh, String roleEn, boolean enterpriseUser,
                     String csrfToken) {
}
