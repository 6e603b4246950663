package cn.creditwindow.messageboard;

import cn.creditwindow.answers.Submission;
import cn.creditwindow.reference.Place;
import java.time.Instant;

/**
 * A message left on the board, as its enterprise and the insurer's staff see it.
 *
 * @param district null for a city without districts
 * @param email    null when none was given
 * @param reply    the staff's reply, or null while {@link MessageState#SUBMITTED}
 */
public record BoardMessage(long id, long enterpriseId, String companyName, Place province, Place city, Place district,
                           String contactName, String mobile, String email, String subject, String content,
                           MessageState state, Instant submittedAt, String submittedByName, String reply,
                           String repliedByName, Instant repliedAt)
        implements Submission<MessageState> {
    /** The region's divisions, e.g. 河南省 洛阳市 老城区. */
    public String regionLabel() {
        return Place.label(province, city, district);
    }
}
