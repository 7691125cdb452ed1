package org.openiru.network;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.Actor;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.WorkerPool;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/**
 * The distributor network (docs/network.md): edges rebuilt from the items, rankings, takedown impact, the pages
 * and the exports. A rebuild is one transaction: readers see the old network until it commits.
 */
public final class Network {
    public final NetworkQueries queries;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final JobQueue jobs;
    private final Clock clock;

    /** The numbers of one rebuild. */
    public record Rebuild(int edges, int actors, long edgeMillis, long loadMillis, long computeMillis,
                          long writeMillis) {
    }

    public Network(Jdbi jdbi, AuditLog audit, JobQueue jobs, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.queries = new NetworkQueries(jdbi);
    }

    /** Rebuilds the edges from the items and ranks every actor, in one transaction; audited. */
    public Rebuild rebuild(Actor who) {
        return rebuild(who, Ranker.PIVOTS);
    }

    public Rebuild rebuild(Actor who, int pivots) {
        return jdbi.inTransaction(h -> {
            long t0 = System.nanoTime();
            int edges = EdgeBuilder.rebuild(h);
            long edgeMillis = (System.nanoTime() - t0) / 1_000_000;
            Ranker.Run run = Ranker.rank(h, clock.instant(), pivots);
            Rebuild r = new Rebuild(edges, run.actors(), edgeMillis, run.loadMillis(), run.computeMillis(),
                    run.writeMillis());
            audit.record(h, who, "network.ranked", "network", "ranks", r);
            return r;
        });
    }

    /** Ranks the edges as they are, without rebuilding them from the items (the benchmark's timed part). */
    public Rebuild rankOnly(Actor who, int pivots) {
        return jdbi.inTransaction(h -> {
            Ranker.Run run = Ranker.rank(h, clock.instant(), pivots);
            Rebuild r = new Rebuild(run.edges(), run.actors(), 0, run.loadMillis(), run.computeMillis(),
                    run.writeMillis());
            audit.record(h, who, "network.ranked", "network", "ranks", r);
            return r;
        });
    }

    /** The impact of removing the chosen actors, and the greedy best {@code k}. */
    public Takedown.Impact takedown(Collection<Long> chosen, int k) {
        return jdbi.inTransaction(h -> Takedown.of(GraphLoader.reach(h), chosen, k));
    }

    /** Asks the workers for a rebuild now (the supervisor's button), audited; true when the job was queued. */
    public boolean requestRebuild(Actor who) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("by", who.name());
        boolean queued = jobs.enqueue(NetworkJob.QUEUE, "manual:" + now.toEpochMilli(),
                org.openiru.app.Json.write(payload), now);
        audit.record(who, "network.rebuild_requested", "network", "ranks", payload);
        return queued;
    }

    public void register(Routes routes, Pages pages, Authenticator auth) {
        new NetworkRoutes(this, new GraphExport(jdbi, queries), pages, auth).register(routes);
    }

    /** The rebuild job, and the nightly one that keeps the ranks fresh after the day's imports. */
    public void register(WorkerPool workers) {
        NetworkJob job = new NetworkJob(this, jobs);
        workers.register(NetworkJob.QUEUE, job, Duration.ofMinutes(30));
        job.schedule();
    }
}
