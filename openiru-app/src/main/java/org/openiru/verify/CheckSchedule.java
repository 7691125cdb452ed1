package org.openiru.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a referred URL is checked, counted from the referral's creation: after 5 minutes, 20 minutes, 1 hour and
 * 6 hours, then once a day up to day 30 (34 checks). Checks come quickly while a removal is most likely, then
 * back off. A check that runs late (the checker was down) is followed by the next offset still ahead, never by
 * a burst of missed ones.
 */
public final class CheckSchedule {
    public static final List<Duration> OFFSETS = offsets();

    private CheckSchedule() {
    }

    private static List<Duration> offsets() {
        List<Duration> o = new ArrayList<>(List.of(Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(1),
                Duration.ofHours(6)));
        for (int day = 1; day <= 30; day++) {
            o.add(Duration.ofDays(day));
        }
        return List.copyOf(o);
    }

    public static Instant first(Instant start) {
        return start.plus(OFFSETS.get(0));
    }

    /** The next check after one made at {@code checkedAt}; empty when the schedule is over. */
    public static Optional<Instant> next(Instant start, Instant checkedAt) {
        return OFFSETS.stream().map(start::plus).filter(t -> t.isAfter(checkedAt)).findFirst();
    }
}
