package org.openiru.store.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a failed job waits before its next attempt: {@code base × 2^attempt}, capped, of which a random
 * half is taken off so that jobs failing together (an outage) do not all come back at the same moment.
 */
public record Backoff(Duration base, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1));

    public Duration after(int attempt) {
        long ms = (long) Math.min(cap.toMillis(), base.toMillis() * Math.pow(2, attempt));
        long half = ms / 2;
        return Duration.ofMillis(ms - ThreadLocalRandom.current().nextLong(half + 1));
    }
}
