package org.openiru.network;

import java.time.Duration;
import org.openiru.audit.Actor;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds and ranks the network on the durable queue: when a supervisor asks, and once a night at 02:00 UTC
 * (a rebuild of 200,000 actors takes about a minute, too much after every import batch, cheap once a day). Each
 * night's job has its own key, so however many processes run, it runs once, and each run schedules the next.
 */
final class NetworkJob implements JobHandler {
    static final String QUEUE = "network";
    private static final Logger LOG = LoggerFactory.getLogger(NetworkJob.class);

    private final Network network;
    private final Periodic nightly;

    NetworkJob(Network network, JobQueue jobs) {
        this.network = network;
        this.nightly = new Periodic(jobs, QUEUE, Duration.ofDays(1), Duration.ofHours(2));
    }

    /** Queues the next night's run (not one now: a start is no reason to rebuild). */
    void schedule() {
        nightly.scheduleNext();
    }

    @Override
    public void handle(Job job) {
        Network.Rebuild r = network.rebuild(Actor.system("network-job"));
        LOG.info("Network rebuilt: {} edges, {} actors ranked ({} ms edges, {} ms ranking)", r.edges(), r.actors(),
                r.edgeMillis(), r.loadMillis() + r.computeMillis() + r.writeMillis());
        schedule();
    }
}
