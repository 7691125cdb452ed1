package org.openiru.referral.order;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.evidence.BlobStore;
import org.openiru.platform.Platforms;
import org.openiru.review.Cases;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.WorkerPool;
import org.openiru.unit.Units;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** Removal orders, wired: issuing and what follows, reading, the units' signing keys and the breach check. */
public final class RemovalOrders {
    public final Orders orders;
    public final OrderQueries queries;
    public final SigningKeys keys;
    public final BreachCheck breaches;
    private final Jdbi jdbi;
    private final Clock clock;

    public RemovalOrders(Jdbi jdbi, AuditLog audit, Clock clock, BlobStore blobs, Cases cases, JobQueue jobs,
                         String publicUrl) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.keys = new SigningKeys(jdbi, audit);
        this.orders = new Orders(jdbi, audit, clock, blobs, keys, cases, publicUrl);
        this.queries = new OrderQueries(jdbi);
        this.breaches = new BreachCheck(jdbi, audit, clock, jobs, cases, orders);
    }

    public void register(Routes routes, Pages pages, Authenticator auth, Units units, Platforms platforms) {
        new OrderRoutes(orders, queries, keys, units, platforms, jdbi, clock, pages, auth).register(routes);
    }

    /** The breach check runs on the workers every ten seconds. */
    public void registerWorkers(WorkerPool workers) {
        workers.register(BreachCheck.QUEUE, breaches, BreachCheck.LEASE);
        breaches.schedule();
    }
}
