package cn.creditwindow.claims;

import cn.creditwindow.validation.NotAllowedException;
import cn.creditwindow.validation.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static cn.creditwindow.claims.ClaimsFixture.fields;
import static cn.creditwindow.claims.ClaimsFixture.form;

import cn.creditwindow.accounts.Principal;
import cn.creditwindow.accounts.Role;
import cn.creditwindow.calendar.HolidayCalendar;
import cn.creditwindow.calendar.ScheduleDay;
import cn.creditwindow.calendar.YearSchedule;
import cn.creditwindow.config.Config;
import cn.creditwindow.validation.FieldError;
import cn.creditwindow.validation.Input;
import cn.creditwindow.validation.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The insurer's review on a real SQLite file: acceptance and its decision deadline in the working-day calendar,
 * return and resubmission, refusals for the claim's state, the self-insured green channel. */
class ClaimReviewTest extends OnClaimsFixture {
    @Test
    void aDeadlineIntoAYearNotLoadedIsProvisionalUntilAnAdministratorLoadsIt() { // #13
        Claim c = w.submitted(w.hk, "1000");
        HolidayCalendar[] calendar = new HolidayCalendar[1];
        ClaimsFixture.On december = w.on(LocalDate.of(2026, 12, 14), clock -> calendar[0] = new HolidayCalendar(w.db,
                HolidayCalendar.bundled(), clock, Config.CHINA));
        calendar[0].onLoaded(december.claims()::recountDeadlines);
        Claim accepted = december.review().accept(w.reviewer, c.id());
        // counted Monday to Friday through 1 January 2027, whose schedule is not loaded
        assertThat(accepted.decisionDueOn()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(accepted.decisionDueProvisional()).isTrue();
        assertThat(accepted.decisionDueMissingYears()).containsExactly(2027);
        assertThat(accepted.decisionDueReason()).isEqualTo(new Claim.Note(
                "2027 年节假日安排尚未载入，期限为暂定（按周一至周五计算）",
                "provisional: the 2027 public-holiday schedule is not loaded (counted Monday to Friday)"));

        Principal admin = w.user("admin", Role.ADMIN, null);
        calendar[0].load(admin, 2027, "2027.csv", "date,kind,name\n2027-01-01,holiday,元旦\n"
                .getBytes(StandardCharsets.UTF_8));
        Claim exact = w.claims.view(w.szLegal, c.id()).claim();
        assertThat(exact.decisionDueOn()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(exact.decisionDueProvisional()).isFalse();
        assertThat(exact.decisionDueReason()).isNull();
        long provisional = w.db.read(tx -> tx.number("SELECT COUNT(*) FROM claims WHERE decision_due_missing IS NOT NULL"));
        assertThat(provisional).isZero();
    }

    @Test
    void aReleaseThatBundlesTheMissingYearMakesTheDeadlineExactAtStart() { // #13
        Claim c = w.submitted(w.hk, "1000");
        w.on(LocalDate.of(2026, 12, 14), clock -> new HolidayCalendar(w.db, HolidayCalendar.bundled(), clock,
                Config.CHINA)).review().accept(w.reviewer, c.id());
        assertThat(w.claims.view(w.szLegal, c.id()).claim().decisionDueProvisional()).isTrue();
        List<YearSchedule> newer = new java.util.ArrayList<>(HolidayCalendar.bundled());
        newer.add(new YearSchedule(2027, List.of(new ScheduleDay(LocalDate.of(2027, 1, 1), ScheduleDay.Kind.HOLIDAY,
                "元旦"))));
        Claims restarted = w.on(LocalDate.of(2026, 12, 20), clock -> new HolidayCalendar(w.db, newer, clock,
                Config.CHINA)).claims();
        assertThat(restarted.recountProvisionalDeadlines()).isEqualTo(1);
        assertThat(restarted.recountProvisionalDeadlines()).isZero();
        Claim exact = w.claims.view(w.szLegal, c.id()).claim();
        assertThat(exact.decisionDueOn()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(exact.decisionDueMissingYears()).isEmpty();
    }

    @Test
    void aReviewThatCannotApplyIsRefusedForTheClaimsStateBeforeItsBodyIsLookedAt() { // #13
        Claim draft = w.claims.create(w.szLegal, w.policy, Input.of(form(w.hk.id())));
        Input<String> unreadable = new Input<>(null, List.of(new FieldError("body", "请求体不是有效的 JSON", "not JSON")));
        assertThatThrownBy(() -> w.review.returnClaim(w.reviewer, draft.id(), Input.of(" ")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.review.returnClaim(w.reviewer, draft.id(), unreadable))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.review.pay(w.reviewer, draft.id(), Input.of(new ClaimReview.Decision(null, "abc"))))
                .isInstanceOf(ConflictException.class);
        Claim c = w.submitted(w.hk, "1000");
        assertThatThrownBy(() -> w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(false))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.review.returnClaim(w.reviewer, c.id(), Input.of(" ")))
                .satisfies(t -> assertThat(fields(t)).containsExactly("reason"));
        assertThatThrownBy(() -> w.review.returnClaim(w.reviewer, 9_999, Input.of(" ")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void returnAndResubmitKeepTheWholeHistory() {
        Claim c = w.submitted(w.hk, "1000");
        assertThatThrownBy(() -> w.review.returnClaim(w.reviewer, c.id(), Input.of(" ")))
                .satisfies(t -> assertThat(fields(t)).containsExactly("reason"));
        w.review.returnClaim(w.reviewer, c.id(), Input.of("请补充出运日期的证明"));
        Claims.ClaimView returned = w.claims.view(w.szLegal, c.id());
        assertThat(returned.claim().state()).isEqualTo(ClaimState.RETURNED);
        assertThat(returned.managers()).extracting(Claims.Manager::displayName).containsExactly("测试manager");
        w.claims.update(w.szLegal, c.id(), Input.of(form(w.hk.id())));
        w.claims.submit(w.szLegal, c.id(), Input.of(new Claims.Submission(true)));
        Claim accepted = w.review.accept(w.reviewer, c.id());
        assertThat(accepted.decisionDueOn()).isEqualTo(LocalDate.of(2024, 7, 8));
        assertThat(accepted.greenChannel()).isFalse();
        assertThat(w.claims.view(w.szLegal, c.id()).history()).extracting(ClaimEvent::kind)
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED");
        assertThat(w.claims.view(w.szLegal, c.id()).history().get(1).reason()).isEqualTo("请补充出运日期的证明");
        assertThatThrownBy(() -> w.review.accept(w.reviewer, c.id()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.review.accept(w.szLegal, c.id()))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void selfInsuredClaimsUpTo1MillionUsdAreGreenChannel() {
        Claim c = w.submitted(w.hk, "1000000");
        w.db.inTransaction(tx -> tx.update("UPDATE claims SET policy_kind = 'SELF_INSURED' WHERE id = ?", c.id()));
        Claim green = w.review.accept(w.reviewer, c.id());
        assertThat(green.greenChannel()).isTrue();
        assertThat(green.decisionDueOn()).isNull();
        Claim big = w.submitted(w.de, "1000000.01");
        w.db.inTransaction(tx -> tx.update("UPDATE claims SET policy_kind = 'SELF_INSURED' WHERE id = ?", big.id()));
        assertThat(w.claims.view(w.reviewer, big.id()).claim().greenChannel()).isFalse();
        assertThat(w.claims.view(w.reviewer, w.submitted(w.de, "1000").id()).claim().greenChannel()).isFalse();
    }
}
