package org.openiru.verify.preserve;

import java.time.Duration;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;
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
    private final Periodic daily;

    public PurgeJob(Preservation preservation, JobQueue jobs) {
        this.preservation = preservation;
        this.daily = new Periodic(jobs, QUEUE, Duration.ofDays(1));
    }

    /** Makes sure today's job exists (called at every start). */
    public void schedule() {
        daily.schedule();
    }

    @Override
    public void handle(Job job) {
        int purged = preservation.purge();
        if (purged > 0) {
            LOG.info("Preservation: purged the content of {} removed items whose preservation period ended", purged);
        }
        daily.scheduleNext();
    }
}
