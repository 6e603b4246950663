package cn.creditwindow.answers;

/**
 * Who submits, as an empty form starts for them: their enterprise's name and registered district (as the province,
 * city and district codes of {@code reference.Regions}) and their own name, mobile and e-mail; {@code ""} for what is
 * not known, and for everything when the one asking is not an enterprise's person.
 */
public record Submitter(String company, String province, String city, String district, String name, String mobile,
                        String email) {
    /** The form of someone who submits nothing (the insurer's staff). */
    static final Submitter NOBODY = new Submitter("", "", "", "", "", "", "");
}
