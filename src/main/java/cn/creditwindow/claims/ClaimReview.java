package cn.creditwindow.claims;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.calendar.Deadline;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.paging.PageRequest;
import cn.creditwindow.paging.Paged;
import cn.creditwindow.store.Database;
import cn.creditwindow.store.Tx;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.ConflictException;
import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The insurer's review of submitted claims (审核): the queue, accepting (which sets a sponsored-policy claim's
 * decision deadline, counted in the working-day calendar), returning with a reason, and deciding: the loss found and
 * its {@link ClaimPayouts payout}, previewed in the payout panel before it is paid. Only the insurer's reviewers;
 * every operation is one transaction with its history row.
 */
public final class ClaimReview {
    static final int MAX_REASON = 500;

    private final Database db;
    private final HolidayCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    /** @param calendar the working-day calendar the decision deadlines are counted in */
    public ClaimReview(Database db, HolidayCalendar calendar, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The reviewer's decision: the loss found and, for a policy whose aggregate limit is "as on the policy", that limit. */
    public record Decision(String loss, String aggregateLimit) {
    }

    /** One page of the reviewer's queue: submitted and accepted claims, oldest first. */
    Paged<Claim> queue(Principal reviewer, PageRequest page) {
        requireReviewer(reviewer);
        return db.read(tx -> page.select(tx, ClaimRows.CLAIM + " WHERE c.state IN ('SUBMITTED', 'ACCEPTED')", "c.id",
                ClaimRows::claim));
    }

    /**
     * Accepts a submitted claim; a sponsored-policy claim gets its decision due date, provisional (with the years
     * missing) when the count runs into a year whose holiday schedule is not loaded.
     */
    Claim accept(Principal reviewer, long id) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            tx.lock("claims", id); // the claim owns its state (store package: concurrency)
            Claim c = inState(tx, reviewer, id, ClaimState.SUBMITTED);
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            Deadline due = c.policyKind() == PolicyKind.SPONSORED
                    ? calendar.workingDays(tx).after(today, Claims.DECISION_WORKING_DAYS) : null;
            tx.update("UPDATE claims SET state = 'ACCEPTED', accepted_on = ?, decision_due_on = ?,"
                    + " decision_due_missing = ? WHERE id = ?", today, due == null ? null : due.date(),
                    due == null ? null : Deadline.storedYears(due.missingYears()), id);
            Claims.event(tx, id, "ACCEPTED", reviewer, null, null, clock.instant());
            return Claims.claimById(tx, id);
        });
    }

    /**
     * Returns a submitted or accepted claim with a reason (required, at most {@value #MAX_REASON} characters): not
     * found, a conflict in any other state, then 400.
     */
    Claim returnClaim(Principal reviewer, long id, Input<String> reason) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            tx.lock("claims", id); // the claim owns its state (store package: concurrency)
            Claim c = Claims.visible(tx, reviewer, id);
            if (c.state() != ClaimState.SUBMITTED && c.state() != ClaimState.ACCEPTED) {
                throw wrongState(c, "退回");
            }
            String r = reason.check(ClaimReview::returnReason);
            tx.update("UPDATE claims SET state = 'RETURNED', accepted_on = NULL, decision_due_on = NULL,"
                    + " decision_due_missing = NULL, declared = 0"
                    + " WHERE id = ?", id);
            Claims.event(tx, id, "RETURNED", reviewer, r, null, clock.instant());
            return Claims.claimById(tx, id);
        });
    }

    private static String returnReason(String reason, List<FieldError> errors) {
        String r = ClaimChecks.strip(reason);
        if (r.isEmpty() || r.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "请填写退回原因（不超过 " + MAX_REASON + " 字）",
                    "the reason for returning is required (at most " + MAX_REASON + " characters)"));
        }
        return r;
    }

    /**
     * Decides an accepted claim and pays it: {@link Payout} of the loss against what the policy's paid claims have
     * left of the per-buyer and aggregate limits. The aggregate limit is the policy's; where the policy has none
     * stated ("as on the policy") the reviewer may enter it. Not found, a conflict unless accepted, then invalid input
     * per bad amount.
     */
    Claim pay(Principal reviewer, long id, Input<Decision> decision) {
        requireReviewer(reviewer);
        return db.inTransaction(tx -> {
            // the policy owns its aggregate limit across its claims, then the claim its state: owner first
            tx.one("SELECT policy_id FROM claims WHERE id = ?", r -> r.longValue("policy_id"), id)
                    .ifPresent(policyId -> tx.lock("policies", policyId));
            tx.lock("claims", id);
            Claim c = inState(tx, reviewer, id, ClaimState.ACCEPTED);
            Amounts a = decision.check(ClaimReview::amounts);
            ClaimPolicy policy = Claims.policyOf(tx, c);
            Long aggregateLimit = policy.aggregateLimitCents() != null ? policy.aggregateLimitCents() : a.aggregate();
            Payout payout = ClaimPayouts.payout(tx, policy, c.buyerId(), a.loss(), aggregateLimit);
            tx.update("UPDATE claims SET state = 'PAID', loss_cents = ?, payout_cents = ? WHERE id = ?", a.loss(),
                    payout.payoutCents(), id);
            Claims.event(tx, id, "PAID", reviewer, null, payout.payoutCents(), clock.instant());
            return Claims.claimById(tx, id);
        });
    }

    /** A decision's amounts in cents: the loss, and the aggregate limit the reviewer entered (null: none). */
    private record Amounts(Long loss, Long aggregate) {
    }

    private static Amounts amounts(Decision d, List<FieldError> errors) {
        Long loss = ClaimChecks.usd("loss", d == null ? null : d.loss(), "损失金额", "the loss", errors);
        Long aggregate = d == null || Text.blankToNull(d.aggregateLimit()) == null ? null
                : ClaimChecks.usd("aggregateLimit", d.aggregateLimit(), "累计赔偿限额", "the aggregate limit", errors);
        return new Amounts(loss, aggregate);
    }

    /**
     * The payout panel of an accepted claim, for a loss and an aggregate limit that may both be left blank (then no
     * payout, or none entered), computed with the same {@link Payout} as {@link #pay}. Reads only. Not found, a
     * conflict unless accepted, then invalid input per bad amount.
     */
    ClaimPayouts.PayoutPanel payoutPanel(Principal reviewer, long id, Input<Decision> decision) {
        requireReviewer(reviewer);
        return db.read(tx -> {
            Claim c = inState(tx, reviewer, id, ClaimState.ACCEPTED);
            Amounts a = decision.check(ClaimReview::previewAmounts);
            ClaimPolicy policy = Claims.policyOf(tx, c);
            return ClaimPayouts.panel(tx, c, policy, a.loss(), a.aggregate());
        });
    }

    /** A preview's amounts: as a decision's, but the loss too may be left blank. */
    private static Amounts previewAmounts(Decision d, List<FieldError> errors) {
        if (d == null || Text.blankToNull(d.loss()) == null) {
            Long aggregate = d == null || Text.blankToNull(d.aggregateLimit()) == null ? null
                    : ClaimChecks.usd("aggregateLimit", d.aggregateLimit(), "累计赔偿限额", "the aggregate limit", errors);
            return new Amounts(null, aggregate);
        }
        return amounts(d, errors);
    }

    private Claim inState(Tx tx, Principal p, long id, ClaimState state) {
        Claim c = Claims.visible(tx, p, id);
        if (c.state() != state) {
            throw wrongState(c, state == ClaimState.SUBMITTED ? "受理" : "赔付");
        }
        return c;
    }

    private static ConflictException wrongState(Claim c, String actionZh) {
        return new ConflictException("claim " + c.id() + " is " + c.state().en(),
                "索赔申请 " + c.id() + " " + c.state().zh() + "，不能" + actionZh);
    }

    private static void requireReviewer(Principal p) {
        if (p.role() != Role.REVIEWER) {
            throw new NotAllowedException("only insurer reviewers decide claims", "只有保险公司审核人员可以审核索赔");
        }
    }
}
