package org.openiru.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.store.Database;

class JobQueueTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration SHORT_LEASE = Duration.ofMillis(200);
    private static Database db;
    private static PgJobQueue queue;

    @BeforeAll
    static void open() {
        db = QueueDb.open(4);
        queue = QueueDb.quickQueue(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theSameKeyTwiceMakesOneJob() {
        assertThat(queue.enqueue("idem", "https://t.me/x/1", "{\"n\": 1}")).isTrue();
        assertThat(queue.enqueue("idem", "https://t.me/x/1", "{\"n\": 2}")).isFalse();
        assertThat(queue.enqueue("other", "https://t.me/x/1", "{\"n\": 3}")).isTrue();

        assertThat(queue.claim("idem", 10, LEASE, "w")).singleElement()
                .satisfies(j -> assertThat(j.payload()).isEqualTo("{\"n\": 1}"));
    }

    @Test
    void aFailingJobIsRetriedAndThenDeadWithItsLastError() throws Exception {
        queue.enqueue("flaky", "k", "{}");
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = QueueDb.claimOne(queue, "flaky", LEASE, "w");
            assertThat(job.attempt()).isEqualTo(attempt);
            assertThat(queue.fail(job, new IllegalStateException("upstream answered 503 on attempt " + attempt)))
                    .isTrue();
            assertThat(QueueDb.state(db.jdbi(), job.id())).isEqualTo(attempt < 3 ? "ready" : "dead");
            assertThat(QueueDb.column(db.jdbi(), job.id(), "last_error"))
                    .contains("upstream answered 503 on attempt " + attempt);
        }
        assertThat(queue.claim("flaky", 1, LEASE, "w")).isEmpty();
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterTakingAtMostHalf() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1));
        for (int attempt = 0; attempt < 70; attempt++) {
            long full = Math.min(3_600_000L, (long) (1000 * Math.pow(2, attempt)));
            assertThat(b.after(attempt).toMillis()).isBetween(full - full / 2, full);
        }
    }

    @Test
    void aStaleLeaseCannotFinishAJobAnotherWorkerTookOver() throws Exception {
        queue.enqueue("fenced", "k", "{}");
        Job stale = QueueDb.claimOne(queue, "fenced", SHORT_LEASE, "slow-worker");
        Job current = QueueDb.claimOne(queue, "fenced", LEASE, "other-worker");
        assertThat(current.id()).isEqualTo(stale.id());
        assertThat(current.leaseToken()).isNotEqualTo(stale.leaseToken());

        assertThat(queue.complete(stale)).isFalse();
        assertThat(queue.fail(stale, new RuntimeException("late"))).isFalse();
        assertThat(QueueDb.column(db.jdbi(), current.id(), "locked_by")).isEqualTo("other-worker");

        assertThat(queue.complete(current)).isTrue();
        assertThat(queue.complete(current)).isFalse();
        assertThat(QueueDb.state(db.jdbi(), current.id())).isEqualTo("done");
        assertThat(QueueDb.attempts(db.jdbi(), current.id())).isEqualTo(2);
    }

    @Test
    void aJobWhoseWorkerVanishedDuringTheLastAttemptBecomesDead() throws Exception {
        PgJobQueue once = new PgJobQueue(db.jdbi(), Backoff.DEFAULT, 1);
        once.enqueue("once", "k", "{}");
        Job job = QueueDb.claimOne(once, "once", SHORT_LEASE, "vanished-worker");
        long deadline = System.nanoTime() + QueueDb.PATIENCE.toNanos();
        while ("running".equals(QueueDb.state(db.jdbi(), job.id())) && System.nanoTime() < deadline) {
            assertThat(once.claim("once", 1, LEASE, "w")).isEmpty();
            Thread.sleep(20);
        }
        assertThat(QueueDb.state(db.jdbi(), job.id())).isEqualTo("dead");
        assertThat(QueueDb.column(db.jdbi(), job.id(), "last_error")).contains("vanished-worker");
    }
}
