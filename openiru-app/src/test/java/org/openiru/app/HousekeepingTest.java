package org.openiru.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openiru.auth.Sessions;
import org.openiru.store.Database;
import org.openiru.store.queue.Backoff;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.PgJobQueue;
import org.openiru.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class HousekeepingTest {
    @Test
    void removesExpiredSessionsAndSchedulesTheNextHourOnce(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO units (slug, name) VALUES ('u', 'U')");
            h.execute("INSERT INTO users (unit_id, username, roles) SELECT id, 'a', '{analyst}' FROM units");
        });
        long userId = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM users").mapTo(Long.class).one());
        Sessions sessions = new Sessions(db.jdbi(), Duration.ofHours(1));
        Sessions.Started live = sessions.start(userId, "127.0.0.1", "test");
        sessions.start(userId, "127.0.0.1", "test");
        db.jdbi().useHandle(h -> h.execute("UPDATE auth_sessions SET expires_at = now() - interval '1 minute' "
                + "WHERE secret_hash <> ?", live.session().secretHash()));
        PgJobQueue jobs = new PgJobQueue(db.jdbi(), Backoff.DEFAULT, PgJobQueue.DEFAULT_MAX_ATTEMPTS);
        Housekeeping housekeeping = new Housekeeping(jobs, sessions);

        housekeeping.schedule();
        housekeeping.schedule();
        List<Job> due = jobs.claim(Housekeeping.QUEUE, 10, Duration.ofMinutes(1), "test");
        assertThat(due).as("one job per hour however often it is scheduled").hasSize(1);
        housekeeping.handle(due.get(0));
        jobs.complete(due.get(0));

        assertThat(sessions.find(live.secret())).isPresent();
        assertThat(count(db, "SELECT count(*) FROM auth_sessions")).isEqualTo(1);
        Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        assertThat(count(db, "SELECT count(*) FROM jobs WHERE queue = 'housekeeping' AND idempotency_key = ?",
                "slot:" + nextHour)).isEqualTo(1);
    }

    private static long count(Database db, String sql, Object... args) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }
}
