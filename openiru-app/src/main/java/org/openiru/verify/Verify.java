package org.openiru.verify;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.platform.Platforms;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.WorkerPool;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** Takedown verification, wired: the outbound guard, checks and their schedule, markers, timelines, statistics. */
public final class Verify {
    /** Checks at the same time per host: politeness towards a platform with thousands of referred URLs. */
    public static final int PER_HOST = 2;
    public final OutboundGuard guard;
    /** Outgoing HTTP through the guard; webhooks use it too. */
    public final GuardedHttp http;
    public final GoneMarkers markers;
    public final Checks checks;
    public final CheckJobs jobs;
    public final Timelines timelines;
    public final Statistics statistics;
    private final Clock clock;

    public Verify(Jdbi jdbi, AuditLog audit, Clock clock, JobQueue queue, List<String> allowedNetworks,
                  String userAgent, int workerThreads, Statistics.ReappearanceCounts reappearances) {
        this.clock = clock;
        this.guard = new OutboundGuard(allowedNetworks, HostResolver.SYSTEM);
        this.http = new GuardedHttp(guard, userAgent);
        this.markers = new GoneMarkers(jdbi, audit);
        this.checks = new Checks(jdbi, clock, new Checker(http, GuardedHttp.Limits.CHECKS), markers, PER_HOST);
        // Half the worker threads at most, so that checks never hold every thread the other steps need.
        this.jobs = new CheckJobs(checks, queue, Math.max(1, workerThreads / 2));
        this.timelines = new Timelines(jdbi);
        this.statistics = new Statistics(jdbi, reappearances);
    }

    public void register(Routes routes, Pages pages, Authenticator auth, Platforms platforms) {
        new VerifyRoutes(this, platforms, pages, auth).register(routes);
        new StatisticsRoutes(statistics, platforms, pages, auth, clock).register(routes);
    }

    /** Registers the check jobs and makes sure the minute tick runs; call before the pool starts. */
    public void registerWorkers(WorkerPool workers) {
        workers.register(CheckJobs.TICK, jobs::tick, CheckJobs.JOB_LEASE);
        workers.register(CheckJobs.RUN, jobs::run, CheckJobs.JOB_LEASE);
        jobs.schedule();
    }
}
