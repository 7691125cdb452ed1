package org.openiru.network;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.openiru.audit.Actor;
import org.openiru.store.queue.Job;
import org.openiru.store.queue.JobHandler;
import org.openiru.store.queue.JobQueue;
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
    private final JobQueue jobs;
    private final Clock clock;

    NetworkJob(Network network, JobQueue jobs, Clock clock) {
        this.network = network;
        this.jobs = jobs;
        this.clock = clock;
    }

    void schedule() {
        Instant night = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
        if (night.isBefore(clock.instant())) {
            night = night.plus(1, ChronoUnit.DAYS);
        }
        jobs.enqueue(QUEUE, "night:" + night, "{}", night);
    }

    @Override
    public void handle(Job job) {
        Network.Rebuild r = network.rebuild(Actor.system("network-job"));
        LOG.info("Network rebuilt: {} edges, {} actors ranked ({} ms edges, {} ms ranking)", r.edges(), r.actors(),
                r.edgeMillis(), r.loadMillis() + r.computeMillis() + r.writeMillis());
        schedule();
    }
}
