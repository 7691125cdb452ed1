package org.openiru.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.store.Database;
import org.openiru.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class PeriodicTest {
    @Test
    void aNightlyJobIsQueuedOnceForTheNextTwoOClockAndNotForNow(Database db) {
        PgJobQueue jobs = new PgJobQueue(db.jdbi(), Backoff.DEFAULT, PgJobQueue.DEFAULT_MAX_ATTEMPTS);
        Periodic nightly = new Periodic(jobs, "nightly", Duration.ofDays(1), Duration.ofHours(2));
        Instant before = Instant.now();
        nightly.scheduleNext();
        nightly.scheduleNext();
        Instant two = before.truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
        Instant next = two.isAfter(before) ? two : two.plus(1, ChronoUnit.DAYS);
        assertThat(keys(db, "nightly")).containsExactly("slot:" + next);
        assertThat(jobs.claim("nightly", 10, Duration.ofMinutes(1), "test")).as("not due yet").isEmpty();
    }

    @Test
    void theCurrentSlotRunsAtOnceAndOnlyOnce(Database db) {
        PgJobQueue jobs = new PgJobQueue(db.jdbi(), Backoff.DEFAULT, PgJobQueue.DEFAULT_MAX_ATTEMPTS);
        Periodic minutely = new Periodic(jobs, "minutely", Duration.ofMinutes(1));
        minutely.schedule();
        minutely.schedule();
        List<Job> due = jobs.claim("minutely", 10, Duration.ofMinutes(1), "test");
        assertThat(due).hasSize(1);
        assertThat(due.get(0).key()).startsWith("slot:").endsWith(":00Z");
        assertThatThrownBy(() -> new Periodic(jobs, "x", Duration.ofHours(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> keys(Database db, String queue) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT idempotency_key FROM jobs WHERE queue = ?")
                .bind(0, queue).mapTo(String.class).list());
    }
}
