package cn.creditwindow.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
    private final WorkingDays calendar = WorkingDays.load();

    @Test
    void fifteenWorkingDaysSkipWeekends() {
        // Monday 2024-06-17 + 15 working days, with the Dragon Boat holiday (2024-06-10) already behind
        assertThat(calendar.after(LocalDate.of(2024, 6, 17), 15)).isEqualTo(LocalDate.of(2024, 7, 8));
    }

    @Test
    void nationalDayHolidaysAreSkippedAndTheAdjustedSaturdayIsWorked() {
        // Accepted Fri 2024-09-27: Sun 9-29 is worked (调休), 10-01..10-07 are holidays, Sat 10-12 is worked.
        // Working days: 9-29, 9-30, 10-8, 10-9, 10-10, 10-11, 10-12, 10-14 ... 10-18, 10-21, 10-22: the 15th is 10-23.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 29))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 2))).isFalse();
        assertThat(calendar.after(LocalDate.of(2024, 9, 27), 15)).isEqualTo(LocalDate.of(2024, 10, 23));
        // Without the holiday file the same span ends three working days earlier.
        WorkingDays plain = WorkingDays.parse(List.of());
        assertThat(plain.after(LocalDate.of(2024, 9, 27), 15)).isEqualTo(LocalDate.of(2024, 10, 18));
    }

    @Test
    void springFestival2025() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> WorkingDays.parse(List.of("# c", "2024-13-01 holiday x")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> WorkingDays.parse(List.of("2024-10-07..2024-10-01 holiday x")))
                .hasMessageContaining("line 1");
    }
}
