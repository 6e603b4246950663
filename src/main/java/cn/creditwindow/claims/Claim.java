package cn.creditwindow.claims;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import cn.creditwindow.calendar.Deadline;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A claim (索赔申请) on one policy and one buyer. Amounts are US cents.
 *
 * @param answers         the case questions' answers by question code
 * @param claimedCents    the sum of the shipments' claimed amounts
 * @param decisionDueOn   15 working days after acceptance, for sponsored policies; else null
 * @param decisionDueMissingYears the years whose holiday schedules were not loaded when {@code decisionDueOn} was
 *                        counted (their days counted Monday to Friday): the date is provisional; empty when exact
 * @param lossCents       the loss the reviewer decided on; set when paid
 * @param payoutCents     what was paid; set when paid
 * @param shipmentsVersion bumped by every change to the shipments; a shipment data report made for an older one is
 *                        stale
 */
public record Claim(long id, long enterpriseId, String enterpriseName, long policyId, String policyNumber,
                    PolicyKind policyKind, long buyerId, String buyerCode, String buyerName, ClaimState state,
                    Bank issuingBank, Bank confirmingBank, Map<String, Boolean> answers, String financingSwift,
                    String financingBankName, Long financingCents, String lossCause, String reason,
                    String caseDescription, String mitigation, boolean declared, LocalDate acceptedOn,
                    LocalDate decisionDueOn, List<Integer> decisionDueMissingYears, long claimedCents, Long lossCents, Long payoutCents, Instant createdAt,
                    long shipmentsVersion) {

    /** The green-channel ceiling for self-insured claims (seed 001 (十二)): 1M USD. */
    public static final long GREEN_CHANNEL_CENTS = 100_000_000L;

    /** A bank of the claim (issuing or confirming); all null when not given. */
    public record Bank(String swift, String nameEn, String country, String addressEn) {
        public boolean given() {
            return swift != null;
        }
    }

    public Claim {
        decisionDueMissingYears = List.copyOf(decisionDueMissingYears);
    }

    /** Why a text is shown, in both languages. */
    public record Note(String zh, String en) {
    }

    /** True when the decision due date was counted without a year's holiday schedule and may still move. */
    @JsonProperty
    public boolean decisionDueProvisional() {
        return !decisionDueMissingYears.isEmpty();
    }

    /** Why the decision due date is provisional ("2027 年节假日安排尚未载入，期限为暂定…"); null when exact. */
    @JsonProperty
    public Note decisionDueReason() {
        return decisionDueProvisional() ? new Note(Deadline.reasonZh(decisionDueMissingYears),
                Deadline.reasonEn(decisionDueMissingYears)) : null;
    }

    /** True for self-insured claims of at most 1M USD (绿色通道); sponsored claims have the due date instead. */
    @JsonProperty
    public boolean greenChannel() {
        return policyKind == PolicyKind.SELF_INSURED && claimedCents > 0 && claimedCents <= GREEN_CHANNEL_CENTS;
    }
}
