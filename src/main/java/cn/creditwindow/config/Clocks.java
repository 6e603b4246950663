package cn.creditwindow.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** Views of the clocks the window runs on. */
public final class Clocks {
    private Clocks() {
    }

    /**
     * {@code live} seen in another zone: the same instants as {@code live} tells them, as it moves. A clock that can
     * be moved (the demo's, a test's) answers {@link Clock#withZone} with this, since {@code Clock.fixed} or
     * {@code Clock.offset} would freeze or lose the moves; code such as the seals' "today" asks for the users' zone.
     */
    public static Clock inZone(Clock live, ZoneId zone) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(zone, "zone");
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return inZone(live, other);
            }

            @Override
            public Instant instant() {
                return live.instant();
            }
        };
    }
}
