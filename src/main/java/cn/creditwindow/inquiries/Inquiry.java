package cn.creditwindow.inquiries;

import cn.creditwindow.answers.Submission;
import cn.creditwindow.reference.Place;
import java.time.Instant;

/**
 * A submitted inquiry, as its enterprise and the insurer's staff see it.
 *
 * @param serial          投保流水号, e.g. {@code ZX202406170001}
 * @param district        null for a city without districts
 * @param otherNeeds      其他需求, or null
 * @param submittedByName who submitted it (the user's display name)
 * @param answer          the staff's answer, or null while {@link InquiryState#SUBMITTED}
 */
public record Inquiry(long id, String serial, long enterpriseId, String companyName, Place province, Place city,
                      Place district, String address, String contactName, String mobile, String email,
                      InquiryType inquiryType, String otherNeeds, InquiryState state, Instant submittedAt,
                      String submittedByName, String answer, String answeredByName, Instant answeredAt)
        implements Submission<InquiryState> {
    /** The registered address's divisions, e.g. 广东省 深圳市 罗湖区. */
    public String regionLabel() {
        return Place.label(province, city, district);
    }
}
