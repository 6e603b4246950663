package cn.creditwindow.enrolment;

import cn.creditwindow.text.Bilingual;
import cn.creditwindow.text.Names;
import java.time.Instant;

/** One submission of a policy's application (投保申请), with the insurer's decision once made. */
public record Application(long id, long policyId, String contactName, String mobile, String email, long submittedBy,
                          Instant submittedAt, Outcome outcome, String returnReason, Long decidedBy,
                          Instant decidedAt) {
    /** What became of a submission. */
    public enum Outcome implements Bilingual {
        SUBMITTED("待审核", "awaiting review"),
        ACCEPTED("已受理", "accepted"),
        RETURNED("已退回", "returned");

        private final Names names;

        Outcome(String zh, String en) {
            this.names = new Names(zh, en);
        }

        @Override
        public Names names() {
            return names;
        }
    }
}
