package org.openiru.verify.reappear;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.openiru.audit.AuditLog;
import org.openiru.auth.Authenticator;
import org.openiru.review.Cases;
import org.openiru.signals.Signals;
import org.openiru.store.queue.JobQueue;
import org.openiru.store.queue.WorkerPool;
import org.openiru.web.Pages;
import org.openiru.web.Routes;

/** Reappearance detection, wired: what is known to be removed, the check, its pipeline steps, and the reads. */
public final class Reappear {
    public final RemovedContent removed;
    public final ReappearCheck check;
    public final ReappearStep step;
    public final Reappearances reappearances;

    public Reappear(Jdbi jdbi, AuditLog audit, Signals signals, Cases cases, JobQueue jobs, Clock clock) {
        this.removed = new RemovedContent(jdbi, signals.banks, signals.retroHunts, clock);
        this.check = new ReappearCheck(jdbi, cases, audit, clock);
        this.step = new ReappearStep(removed, check, jobs);
        this.reappearances = new Reappearances(jdbi);
    }

    /** Registers the steps' handlers; the composition root queues a hashed file's items for the check. */
    public void register(WorkerPool workers) {
        workers.register(ReappearStep.CHECK, step::handleCheck, Duration.ofMinutes(10));
        workers.register(ReappearStep.SYNC, step::handleSync, Duration.ofMinutes(30));
    }

    public void register(Routes routes, Pages pages, Authenticator auth) {
        new ReappearRoutes(reappearances, pages, auth).register(routes);
    }
}
