package cn.creditwindow.enrolment;

import java.time.Instant;

/** One submission of a policy's application (投保申请), with the insurer's decision once made. */
public record Application(long id, long policyId, String contactName, String mobile, String email, long submittedBy,
                          Instant submittedAt, Outcome outcome, String returnReason, Long decidedBy,
                          Instant decidedAt) {
    /** What became of a submission. */
    public enum Outcome {
        SUBMITTED("待审核", "awaiting review"),
        ACCEPTED("已受理", "accepted"),
        RETURNED("已退回", "returned");

        private final String zh;
        private final String en;

        Outcome(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }
}
