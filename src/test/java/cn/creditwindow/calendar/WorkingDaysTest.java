package cn.creditwindow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The working-day count over the bundled schedules, and what it says about a year it does not hold. */
class WorkingDaysTest {
    private static final List<YearSchedule> BUNDLED = HolidayCalendar.bundled();
    private final WorkingDays calendar = WorkingDays.of(BUNDLED);

    @Test
    void fifteenWorkingDaysSkipWeekends() {
        // Monday 2024-06-17 + 15 working days, with the Dragon Boat holiday (2024-06-10) already behind
        Deadline due = calendar.after(LocalDate.of(2024, 6, 17), 15);
        assertThat(due.date()).isEqualTo(LocalDate.of(2024, 7, 8));
        assertThat(due.provisional()).isFalse();
        assertThat(due.missingYears()).isEmpty();
    }

    @Test
    void nationalDayHolidaysAreSkippedAndTheAdjustedSaturdayIsWorked() {
        // Accepted Fri 2024-09-27: Sun 9-29 is worked (调休), 10-01..10-07 are holidays, Sat 10-12 is worked.
        // Working days: 9-29, 9-30, 10-8, 10-9, 10-10, 10-11, 10-12, 10-14 ... 10-18, 10-21, 10-22: the 15th is 10-23.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 29))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 2))).isFalse();
        assertThat(calendar.after(LocalDate.of(2024, 9, 27), 15).date()).isEqualTo(LocalDate.of(2024, 10, 23));
    }

    @Test
    void thePublishedSpringFestivalsAreTheBundledOnes() { // #13: the official schedules, not memory
        // 2024 (国办发明电〔2023〕7号): 2-10..2-17 off, Sun 2-04 and Sun 2-18 worked
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
        for (LocalDate d = LocalDate.of(2024, 2, 10); !d.isAfter(LocalDate.of(2024, 2, 17)); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        // 2025: 1-28..2-04 off, Sun 1-26 and Sat 2-08 worked; 2026: 2-15..2-23 off, Sat 2-14 and Sat 2-28 worked
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        // 2020: the Spring Festival extended to 2 February by the State Council's notice of 27 January
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 1, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 2, 3))).isTrue();
    }

    @Test
    void aCountIntoAYearWithoutItsScheduleIsProvisionalAndNamesTheYear() { // #13
        // accepted Mon 2026-12-14: 15 working days run to January 2027, whose schedule is not bundled;
        // counted Monday to Friday (1 January as a working day) they end on Monday 4 January
        Deadline due = calendar.after(LocalDate.of(2026, 12, 14), 15);
        assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(due.provisional()).isTrue();
        assertThat(due.missingYears()).containsExactly(2027);
        assertThat(Deadline.reasonZh(due.missingYears())).isEqualTo("2027 年节假日安排尚未载入，期限为暂定（按周一至周五计算）");
        assertThat(Deadline.reasonEn(due.missingYears()))
                .isEqualTo("provisional: the 2027 public-holiday schedule is not loaded (counted Monday to Friday)");
        // a count that stays in December is exact
        assertThat(calendar.after(LocalDate.of(2026, 12, 1), 15)).isEqualTo(new Deadline(LocalDate.of(2026, 12, 22),
                List.of()));
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void withTheYearLoadedTheSameCountIsExactAndSkipsItsHolidays() { // #13
        List<YearSchedule> years = new ArrayList<>(BUNDLED);
        years.add(new YearSchedule(2027, List.of(day("2027-01-01"), day("2027-01-02"), day("2027-01-03"))));
        Deadline due = WorkingDays.of(years).after(LocalDate.of(2026, 12, 14), 15);
        assertThat(due).isEqualTo(new Deadline(LocalDate.of(2027, 1, 5), List.of()));
    }

    @Test
    void severalMissingYearsAreAllNamed() {
        Deadline due = WorkingDays.of(List.of()).after(LocalDate.of(2026, 12, 30), 3);
        assertThat(due.missingYears()).containsExactly(2026, 2027);
        assertThat(Deadline.reasonZh(due.missingYears())).startsWith("2026、2027 年节假日安排尚未载入");
        assertThat(Deadline.reasonEn(due.missingYears()))
                .startsWith("provisional: the 2026 and 2027 public-holiday schedules are not loaded");
        assertThat(Deadline.parseStoredYears(Deadline.storedYears(due.missingYears()))).containsExactly(2026, 2027);
    }

    private static ScheduleDay day(String date) {
        return new ScheduleDay(LocalDate.parse(date), ScheduleDay.Kind.HOLIDAY, "元旦");
    }
}
