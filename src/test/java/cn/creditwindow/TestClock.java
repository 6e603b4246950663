package cn.creditwindow;

import cn.creditwindow.config.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand: time passes only when {@link #advance} says so. Thread-safe. */
public final class TestClock extends Clock {
    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** 2026-11-20T02:00:00Z (10:00 in Shanghai), a Friday. */
    public static TestClock at2026() {
        return new TestClock(Instant.parse("2026-11-20T02:00:00Z"));
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public void set(Instant t) {
        now = t;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This clock seen in another zone: the same instants, moved by {@link #advance} like this one (production
     * code such as {@code agreements.Seals#today} asks for the users' zone).
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clocks.inZone(this, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
