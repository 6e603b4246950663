package cn.creditwindow.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.creditwindow.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClocksTest {
    @Test
    void aClockSeenInAnotherZoneMovesWithIt() { // #15
        TestClock clock = TestClock.at2026();
        Clock shanghai = clock.withZone(Config.CHINA);
        assertThat(shanghai.getZone()).isEqualTo(Config.CHINA);
        assertThat(LocalDate.now(shanghai)).isEqualTo(LocalDate.of(2026, 11, 20));
        clock.advance(Duration.ofHours(15)); // 17:00Z is 01:00 the next day in Shanghai
        assertThat(shanghai.instant()).isEqualTo(clock.instant());
        assertThat(LocalDate.now(shanghai)).isEqualTo(LocalDate.of(2026, 11, 21));
        Clock utc = shanghai.withZone(ZoneId.of("UTC"));
        clock.advance(Duration.ofHours(1));
        assertThat(utc.instant()).isEqualTo(clock.instant());
        assertThat(LocalDate.now(utc)).isEqualTo(LocalDate.of(2026, 11, 20));
    }
}
