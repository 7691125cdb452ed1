package org.openiru.verify;

import java.time.Duration;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks on the durable queue. A tick each minute (one job per minute, whatever the number of processes)
 * schedules new referred items in one statement and, when checks are due, starts up to {@code runners} check
 * jobs; each check job makes due checks for at most {@link #BUDGET}, so 26,000 items arriving at once become a
 * few jobs, not 26,000.
 */
public final class CheckJobs {
    public static final String TICK = "verify.tick";
    public static final String RUN = "verify.check";
    /** Checks claimed together; their lease covers each one's full deadline. */
    static final int BATCH = 4;
    static final Duration CHECK_LEASE = GuardedHttp.Limits.CHECKS.deadline().multipliedBy(BATCH).plusMinutes(1);
    static final Duration BUDGET = Duration.ofSeconds(50);
    public static final Duration JOB_LEASE = CHECK_LEASE.plus(BUDGET);
    private static final Logger LOG = LoggerFactory.getLogger(CheckJobs.class);

    private final Checks checks;
    private final JobQueue jobs;
    private final Periodic ticks;
    private final int runners;

    public CheckJobs(Checks checks, JobQueue jobs, int runners) {
        this.checks = checks;
        this.jobs = jobs;
        this.ticks = new Periodic(jobs, TICK, Duration.ofMinutes(1));
        this.runners = runners;
    }

    /** Makes sure this minute's tick exists (called at every start). */
    public void schedule() {
        ticks.schedule();
    }

    public void tick(Job job) {
        int added = checks.scheduleNew();
        int due = checks.countDue();
        int start = Math.min(runners, (due + BATCH - 1) / BATCH);
        for (int i = 0; i < start; i++) {
            jobs.enqueue(RUN, "tick:" + job.id() + ":" + i, "{}", null);
        }
        if (added > 0 || due > 0) {
            LOG.info("Checks: {} referred items scheduled, {} checks due, {} check jobs started", added, due, start);
        }
        ticks.scheduleNext();
    }

    public void run(Job job) {
        checks.runDue(BATCH, CHECK_LEASE, BUDGET);
    }
}
