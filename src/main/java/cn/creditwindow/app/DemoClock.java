package cn.creditwindow.app;

import cn.creditwindow.config.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The clock of {@code serve --demo}: real time, except while {@link DemoWorld} writes the world's history (lists
 * confirmed, policies accepted) on earlier days, so that the demo's dates agree: a policy accepted in June covers the
 * policy year from July, and its shipments are in the past. Wound back, it still runs: the time passes from the day
 * set. {@link #toRealTime} before the server serves. Thread-safe.
 */
final class DemoClock extends Clock {
    private final Clock real;
    private volatile Duration offset = Duration.ZERO;

    /** Real time as {@code real} tells it (the system clock; a fixed clock in tests). */
    DemoClock(Clock real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    /** From now on the clock tells {@code instant}, and runs on from it. */
    void windTo(Instant instant) {
        offset = Duration.between(real.instant(), Objects.requireNonNull(instant, "instant"));
    }

    /** Back to real time. */
    void toRealTime() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    /** This clock in another zone: wound with it (Seals and data authorisations ask for China's day this way). */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clocks.inZone(this, zone);
    }
}
