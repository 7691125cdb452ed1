package org.openiru.app;

import java.time.Duration;
import org.openiru.auth.Sessions;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly clean-up, run as a job on the durable queue: each hour's job has its own idempotency key, so
 * however many processes run, it runs once an hour, and each run schedules the next.
 */
final class Housekeeping implements JobHandler {
    static final String QUEUE = "housekeeping";
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Periodic hourly;
    private final Sessions sessions;
    /** Features' hourly clean-ups (e.g. ending holds whose time is up); each returns how many things it did. */
    private final java.util.function.IntSupplier[] tasks;

    Housekeeping(JobQueue jobs, Sessions sessions, java.util.function.IntSupplier... tasks) {
        this.hourly = new Periodic(jobs, QUEUE, Duration.ofHours(1));
        this.sessions = sessions;
        this.tasks = tasks;
    }

    /** Makes sure the job for the current hour exists (called at every start). */
    void schedule() {
        hourly.schedule();
    }

    @Override
    public void handle(Job job) {
        int sessionsPurged = sessions.purgeExpired();
        if (sessionsPurged > 0) {
            LOG.info("Housekeeping: removed {} expired sessions", sessionsPurged);
        }
        int done = 0;
        for (java.util.function.IntSupplier task : tasks) {
            done += task.getAsInt();
        }
        if (done > 0) {
            LOG.info("Housekeeping: features' hourly tasks changed {} records", done);
        }
        hourly.scheduleNext();
    }
}
