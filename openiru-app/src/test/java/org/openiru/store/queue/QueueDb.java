package org.openiru.store.queue;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.openiru.store.Database;
import org.openiru.store.DatabaseServer;
import org.openiru.testing.TestPostgres;

/** Test helpers: a database with a queue, waiting for a job to become claimable, reading a job's row. */
final class QueueDb {
    /** Far longer than any lease or backoff the tests use; reaching it means a bug, not a slow machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private QueueDb() {
    }

    /** A fresh database of its own, and a queue on it that retries within milliseconds, three times. */
    static Database open(int poolSize) {
        DatabaseServer s = TestPostgres.freshDatabase();
        return Database.connect(s.jdbcUrl(), s.user(), s.password(), poolSize);
    }

    static PgJobQueue quickQueue(Database db) {
        return new PgJobQueue(db.jdbi(), new Backoff(Duration.ofMillis(1), Duration.ofMillis(20)), 3);
    }

    /** Claims one job of {@code queue}, polling until its backoff or the lease of its last holder is over. */
    static Job claimOne(JobQueue q, String queue, Duration lease, String worker) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<Job> jobs = q.claim(queue, 1, lease, worker);
            if (!jobs.isEmpty()) {
                return jobs.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("No job of queue " + queue + " became claimable");
    }

    static void awaitState(Jdbi jdbi, long id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!state.equals(state(jdbi, id))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Job " + id + " is still " + state(jdbi, id) + ", not " + state);
            }
            Thread.sleep(20);
        }
    }

    static String state(Jdbi jdbi, long id) {
        return column(jdbi, id, "state");
    }

    static int attempts(Jdbi jdbi, long id) {
        return Integer.parseInt(column(jdbi, id, "attempts"));
    }

    static String column(Jdbi jdbi, long id, String column) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + "::text FROM jobs WHERE id = ?").bind(0, id)
                .mapTo(String.class).one());
    }
}
