package org.openiru.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openiru.store.Database;

class JobWorkerPoolTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static Database db;
    private static PgJobQueue queue;

    @BeforeAll
    static void open() {
        db = QueueDb.open(12);
        queue = QueueDb.quickQueue(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void severalPoolsHandleEveryJobExactlyOnce() throws Exception {
        int n = 300;
        for (int i = 0; i < n; i++) {
            queue.enqueue("many", "key-" + i, "{\"i\": " + i + "}");
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<WorkerPool> pools = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            pools.add(new WorkerPool(queue, 3, Duration.ofSeconds(5))
                    .register("many", job -> runs.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet(),
                            LEASE)
                    .start());
        }
        try {
            awaitDone("many", n);
        } finally {
            pools.forEach(WorkerPool::close);
        }
        assertThat(runs).hasSize(n);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void aHandlerThatThrowsIsRetriedUntilItSucceeds() throws Exception {
        queue.enqueue("retried", "k", "{}");
        AtomicInteger calls = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(queue, 1, Duration.ofSeconds(5))) {
            pool.register("retried", job -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("first try fails");
                }
            }, LEASE).start();
            awaitDone("retried", 1);
        }
        assertThat(calls).hasValue(2);
        int attempts = db.jdbi().withHandle(h -> h.createQuery("SELECT attempts FROM jobs WHERE queue = 'retried'")
                .mapTo(Integer.class).one());
        assertThat(attempts).isEqualTo(2);
    }

    @Test
    void aPoolWithoutThreadsRunsNothing() throws Exception {
        queue.enqueue("cli", "k", "{}");
        AtomicInteger calls = new AtomicInteger();
        try (WorkerPool pool = new WorkerPool(queue, 0, Duration.ofSeconds(5))) {
            pool.register("cli", job -> calls.incrementAndGet(), LEASE).start();
        }
        assertThat(calls).hasValue(0);
        assertThat(queue.claim("cli", 1, LEASE, "w")).hasSize(1);
    }

    @Test
    void closingStopsClaimingButLetsTheRunningJobFinish() throws Exception {
        queue.enqueue("closing", "first", "{}");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkerPool pool = new WorkerPool(queue, 1, QueueDb.PATIENCE).register("closing", job -> {
            started.countDown();
            release.await();
        }, LEASE).start();
        assertThat(started.await(QueueDb.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        queue.enqueue("closing", "second", "{}");

        Thread closer = new Thread(pool::close);
        closer.start();
        while (closer.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5);
        }
        release.countDown();
        closer.join();

        assertThat(states("closing")).containsExactly("done", "ready");
    }

    private static List<String> states(String q) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM jobs WHERE queue = ? ORDER BY id")
                .bind(0, q).mapTo(String.class).list());
    }

    private static void awaitDone(String q, int n) throws InterruptedException {
        long deadline = System.nanoTime() + QueueDb.PATIENCE.toNanos();
        while (done(q) < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(done(q) + " of " + n + " jobs of " + q + " are done");
            }
            Thread.sleep(20);
        }
    }

    private static long done(String q) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM jobs WHERE queue = ? AND state = 'done'")
                .bind(0, q).mapTo(Long.class).one());
    }
}
