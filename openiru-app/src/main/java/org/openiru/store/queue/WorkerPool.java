package org.openiru.store.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process workers: a fixed number of threads, each taking one job at a time from the registered
 * queues in turn. Idle threads poll, waiting longer while there is nothing to do (up to {@link #MAX_IDLE}).
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration MIN_IDLE = Duration.ofMillis(20);
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);

    private record Registration(String queue, JobHandler handler, Duration lease) {
    }

    private final JobQueue jobs;
    private final int threads;
    private final Duration shutdownWait;
    private final String name;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private ExecutorService executor;

    /**
     * @param threads      0 for a process that only enqueues (e.g. the command line)
     * @param shutdownWait how long {@link #close()} lets running jobs finish; unfinished ones are left to
     *                     lease expiry and run again elsewhere
     */
    public WorkerPool(JobQueue jobs, int threads, Duration shutdownWait) {
        this.jobs = jobs;
        this.threads = threads;
        this.shutdownWait = shutdownWait;
        this.name = ProcessHandle.current().pid() + "@" + hostName();
    }

    /** Runs {@code handler} for the jobs of {@code queue}; the lease must outlast the slowest run. */
    public WorkerPool register(String queue, JobHandler handler, Duration lease) {
        registrations.add(new Registration(queue, handler, lease));
        return this;
    }

    public synchronized WorkerPool start() {
        if (executor != null || threads == 0) {
            return this;
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "openiru-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            executor.execute(this::loop);
        }
        return this;
    }

    private void loop() {
        String worker = name + "/" + Thread.currentThread().getName();
        Duration idle = MIN_IDLE;
        while (stopping.getCount() > 0) {
            boolean worked = false;
            for (Registration r : registrations) {
                if (stopping.getCount() == 0) {
                    return;
                }
                worked |= runOne(r, worker);
            }
            idle = worked ? MIN_IDLE : min(idle.multipliedBy(2), MAX_IDLE);
            if (!worked && await(idle)) {
                return;
            }
        }
    }

    /** Runs what one claim brings; a database outage is logged and waited out, never ends the thread. */
    private boolean runOne(Registration r, String worker) {
        try {
            List<Job> claimed = jobs.claim(r.queue(), 1, r.lease(), worker);
            claimed.forEach(job -> run(r.handler(), job));
            return !claimed.isEmpty();
        } catch (RuntimeException e) {
            LOG.warn("Queue {} is unreachable; trying again later (claimed jobs run again after their leases)",
                    r.queue(), e);
            return false;
        }
    }

    private void run(JobHandler handler, Job job) {
        try {
            handler.handle(job);
        } catch (Exception e) {
            LOG.info("Job {} of queue {} failed (attempt {} of {})", job.id(), job.queue(), job.attempt(),
                    job.maxAttempts(), e);
            jobs.fail(job, e);
            return;
        }
        if (!jobs.complete(job)) {
            LOG.warn("Job {} of queue {} ran past its lease and was taken over; the other run repeats it",
                    job.id(), job.queue());
        }
    }

    /** Waits, or returns true at once when the pool is closing. */
    private boolean await(Duration d) {
        try {
            return stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops claiming, lets running jobs finish for up to the shutdown wait, then abandons them. */
    @Override
    public synchronized void close() {
        stopping.countDown();
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Jobs still running after {}; they run again once their leases expire", shutdownWait);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
