package org.openiru.verify.preserve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily purge on the durable queue: each day's job has its own key, so however many processes run it runs
 * once a day (and again after a crash, harmlessly: a purged item is purged once), and each run queues the next.
 */
public final class PurgeJob implements JobHandler {
    public static final String QUEUE = "verify.preserve.purge";
    public static final Duration LEASE = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(PurgeJob.class);
    private final Preservation preservation;
    private final JobQueue jobs;
    private final Clock clock;

    public PurgeJob(Preservation preservation, JobQueue jobs, Clock clock) {
        this.preservation = preservation;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Makes sure today's job exists (called at every start). */
    public void schedule() {
        enqueueFor(clock.instant().truncatedTo(ChronoUnit.DAYS));
    }

    @Override
    public void handle(Job job) {
        int purged = preservation.purge();
        if (purged > 0) {
            LOG.info("Preservation: purged the content of {} removed items whose preservation period ended", purged);
        }
        enqueueFor(clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS));
    }

    private void enqueueFor(Instant day) {
        jobs.enqueue(QUEUE, "day:" + day, "{}", day);
    }
}
