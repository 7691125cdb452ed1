package org.openiru.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time plus an offset that a test moves forward, so that deadlines (the one-hour clock of a removal
 * order, check schedules, retention) can be crossed without waiting, while time still passes between steps.
 */
public final class TestClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("A test clock only moves forward: " + by);
        }
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A test clock is always UTC");
    }
}
